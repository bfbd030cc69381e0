// Text embedding port: the remote ML service (`POST /api/v1/embed`, 384 dims) or a local embedder that needs
// no model download, so the embedded mode and the tests run offline.
import { createHash } from 'node:crypto';

export const EMBEDDING_DIM = 384;

export interface Embedder {
  readonly kind: 'remote' | 'local';
  embed(text: string): Promise<number[]>;
  /** The ML health body for /api/health/ml: `{status:"ok", …}` or `{status:"error", error}`. */
  health(): Promise<Record<string, unknown>>;
}

function normalize(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

/**
 * Hashes character uni-, bi- and tri-grams into 384 buckets (signed feature hashing). Similar Korean strings
 * share n-grams, so cosine similarity tracks surface similarity: good enough offline, not semantic.
 */
export class LocalEmbedder implements Embedder {
  readonly kind = 'local' as const;

  async embed(text: string): Promise<number[]> {
    const v = new Array<number>(EMBEDDING_DIM).fill(0);
    const s = text.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 1000);
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= s.length; i++) {
        const gram = s.slice(i, i + n);
        if (gram.trim() === '') continue;
        const h = createHash('md5').update(gram).digest();
        const bucket = h.readUInt16LE(0) % EMBEDDING_DIM;
        v[bucket] += (h[2] & 1 ? 1 : -1) * n;
      }
    }
    return normalize(v);
  }

  async health(): Promise<Record<string, unknown>> {
    return { status: 'ok', model: 'local-char-ngram-hash', dim: EMBEDDING_DIM, version: 'local-1', mode: 'local' };
  }
}

export class RemoteEmbedder implements Embedder {
  readonly kind = 'remote' as const;

  constructor(private readonly baseUrl: string, private readonly timeoutMs: number, private readonly retries: number) {}

  async embed(text: string): Promise<number[]> {
    const body = JSON.stringify({ text: text.trim().slice(0, 1000), normalize: true });
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/embed`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (!res.ok) throw new Error(`ML service answered ${res.status}`);
        const json = (await res.json()) as { embedding?: unknown };
        if (!Array.isArray(json.embedding) || json.embedding.length !== EMBEDDING_DIM) throw new Error('ML service returned a malformed embedding');
        return json.embedding as number[];
      } catch (err) {
        lastError = err;
        // Only timeouts are retried, as in the original; other failures are final.
        if (!(err instanceof Error && err.name === 'TimeoutError')) break;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
    throw lastError instanceof Error ? lastError : new Error('embedding failed');
  }

  async health(): Promise<Record<string, unknown>> {
    try {
      const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return { status: 'error', error: `ML 서비스 응답 오류 (HTTP ${res.status})` };
      return (await res.json()) as Record<string, unknown>;
    } catch (err) {
      return { status: 'error', error: err instanceof Error && err.name === 'TimeoutError' ? 'ML 서비스 응답 시간 초과' : 'ML 서비스에 연결할 수 없습니다.' };
    }
  }
}
