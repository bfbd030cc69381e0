// Demo pictures: SVG cards drawn by this server from the URL alone, safe to embed and to open.
import { describe, expect, it } from 'vitest';
import { demoImageUrl } from '../src/modules/demo-media/card.js';
import type { TestApp } from './helpers/app.js';
import { useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));

describe('GET /demo-images/card.svg', () => {
  it('draws the name and category, cacheable, from the URL the seed stores', async () => {
    const url = new URL(demoImageUrl('http://localhost:9000', '포기김치 5kg', '배추김치'));
    const res = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.body).toContain('포기김치 5kg');
    expect(res.body).toContain('>배추김치<');
  });

  it('escapes markup in the text and bounds the input', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/demo-images/card.svg?${new URLSearchParams({ title: '<script>alert(1)</script>', category: '"&' })}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).toContain('&quot;&amp;');
    for (const query of ['', `title=${'가'.repeat(101)}`, 'title=']) {
      const bad = await t.app.inject({ method: 'GET', url: `/demo-images/card.svg?${query}` });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().detail).toBeInstanceOf(Array);
    }
  });
});
