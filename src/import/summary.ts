// What an import reports: rows read, written and rejected, with a count per reject reason.
export interface ImportSummary {
  read: number;
  written: number;
  rejected: number;
  reasons: Record<string, number>;
}

export interface ImportOptions {
  onProgress?(done: number, total: number): void;
  batchSize?: number;
}

export function emptySummary(): ImportSummary {
  return { read: 0, written: 0, rejected: 0, reasons: {} };
}

export function countReject(summary: ImportSummary, reason: string): void {
  summary.rejected++;
  summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
}
