// Races that must end the same way on every engine (issue 6, 1.7): concurrent saves of one search keyword and
// concurrent like toggles, sent as real parallel HTTP requests.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app));
beforeEach(async () => {
  user = await newUser(t.app);
});

const saveKeyword = (keyword: string, who: LoggedIn = user) =>
  t.app.inject({ method: 'POST', url: '/api/kok/search/history', headers: who.headers, payload: { keyword } });
const toggle = (productId: number, who: LoggedIn = user) =>
  t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: who.headers, payload: { kok_product_id: productId } });
const historyRows = (userId: number) => kokDb(t).selectFrom('KOK_SEARCH_HISTORY').selectAll().where('USER_ID', '=', userId).execute();
const likeRows = (userId: number) => kokDb(t).selectFrom('KOK_LIKES').selectAll().where('USER_ID', '=', userId).execute();
const times = <T>(n: number, make: () => Promise<T>) => Promise.all(Array.from({ length: n }, make));

describe('concurrent search-history saves', () => {
  it('12 saves of one keyword at once end as one row, and every answer names it', async () => {
    // Three rounds: two new keywords, then the first one again (its row is refreshed, not repeated).
    for (const [round, keyword] of ['김치', '두부', '김치'].entries()) {
      const results = await times(12, () => saveKeyword(keyword));
      expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
      const rows = (await historyRows(user.userId)).filter((r) => r.KOK_KEYWORD === keyword);
      expect(rows, `round ${round}`).toHaveLength(1);
      expect(new Set(results.map((r) => r.json().saved.kok_history_id))).toEqual(new Set([rows[0].KOK_HISTORY_ID]));
    }
    expect(await historyRows(user.userId)).toHaveLength(2);
  });

  it('12 different keywords at once are all kept, and another user’s saves of the same keyword are theirs', async () => {
    const other = await newUser(t.app);
    const keywords = Array.from({ length: 12 }, (_, i) => `키워드${i}`);
    const results = await Promise.all([...keywords.map((k) => saveKeyword(k)), ...keywords.slice(0, 6).map(() => saveKeyword('키워드0', other))]);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await historyRows(user.userId)).map((r) => r.KOK_KEYWORD).sort()).toEqual([...keywords].sort());
    expect((await historyRows(other.userId)).map((r) => r.KOK_KEYWORD)).toEqual(['키워드0']);
  });
});

describe('concurrent like toggles', () => {
  it('20 toggles at once alternate: 10 answer liked, 10 unliked, and no like is left', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[0, 10000]] }]);
    const results = await times(20, () => toggle(1));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const liked = results.filter((r) => r.json().liked === true).length;
    expect(liked).toBe(10);
    expect(await likeRows(user.userId)).toHaveLength(0);
  });

  it('an odd number of toggles ends liked, one row; another user toggling the same product at once is independent', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[0, 10000]] }]);
    const other = await newUser(t.app);
    const results = await Promise.all([...Array.from({ length: 9 }, () => toggle(1)), ...Array.from({ length: 4 }, () => toggle(1, other))]);
    const mine = results.slice(0, 9).map((r) => r.json().liked);
    const theirs = results.slice(9).map((r) => r.json().liked);
    expect(mine.filter(Boolean)).toHaveLength(5);
    expect(theirs.filter(Boolean)).toHaveLength(2);
    expect(await likeRows(user.userId)).toHaveLength(1);
    expect(await likeRows(other.userId)).toHaveLength(0);
  });

  it('toggles of an unknown product at once all answer 404 and write nothing', async () => {
    const results = await times(6, () => toggle(999));
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(404));
    expect(await likeRows(user.userId)).toHaveLength(0);
  });
});
