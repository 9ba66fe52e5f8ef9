// The ladder (contracts.md §5) through POST /api/v1/assessments over real HTTP on both real databases: every
// ladder table case agrees with the engine's tables, and the stored result returns the same ladder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../helpers/databases.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { ALL_LADDER_CASES } from '../domain/cases/ladder.ts';
import { expectLadder } from '../domain/expectLadder.ts';
import { firm } from '../domain/firm.ts';

describe.each(PROVIDERS)('ladder through the assessments API on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(provider);
  });
  afterAll(() => s?.stop());
  const post = (body: unknown) =>
    fetch(`${s.url}/api/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it(`agrees with the ladder tables on all ${ALL_LADDER_CASES.length} cases`, async () => {
    for (const c of ALL_LADDER_CASES) {
      const res = await post(c.input);
      expect(res.status, c.name).toBe(201);
      expectLadder(await json(res), c);
    }
  });

  it('stores the ladder with the result: GET returns it unchanged', async () => {
    const c = ALL_LADDER_CASES.find((x) => x.expect.specialized?.gaps)!;
    const created = await json(await post(c.input));
    expect(created.ladder.specialized.conditions.some((x: { state: string }) => x.state === 'unmet')).toBe(true);
    const got = await json(await fetch(`${s.url}/api/v1/assessments/${created.id}`));
    expect(got.ladder).toEqual(created.ladder);
  });

  it('answers 400 with the ladder field’s path and a Chinese message for a bad ladder answer', async () => {
    const res = await post(firm({ ladder: { totalLiabilities: '七百', ipClass1SelfDeveloped: 3 } }));
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'ladder.totalLiabilities', code: 'INVALID_AMOUNT', message: expect.stringContaining('负债合计') }),
      ]),
    );
  });
});
