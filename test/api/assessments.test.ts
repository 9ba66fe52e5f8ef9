// The assessment API over real HTTP against both real databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../helpers/databases.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { firm } from '../domain/firm.ts';
import { invalid, VALID_GROUPS } from '../domain/cases/index.ts';
import { expectCase } from '../domain/expect.ts';

describe.each(PROVIDERS)('assessments API on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(provider, { jsonLimit: 64 * 1024 });
  });
  afterAll(() => s?.stop());

  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${s.url}/api/v1/assessments`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('scores, stores and returns the result with an id; GET returns the same', async () => {
    const res = await post(firm());
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/assessments/${created.id}`);
    expect(created).toMatchObject({ qualified: true, route: 'score', total: 100 });
    const got = await fetch(`${s.url}/api/v1/assessments/${created.id}`);
    expect(got.status).toBe(200);
    expect(await json(got)).toEqual(created);
    const row = await s.database.db.prisma.assessment.findUnique({ where: { id: created.id } });
    expect(row?.total).toBe(100);
  });

  it('agrees with the engine on every table case', async () => {
    for (const cases of Object.values(VALID_GROUPS))
      for (const c of cases) {
        const res = await post(c.input);
        expect(res.status, c.name).toBe(201);
        expectCase(await json(res), c);
      }
  });

  it('answers 400 with every validation issue', async () => {
    for (const c of invalid) {
      const res = await post(c.input);
      expect(res.status, c.name).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe('INVALID_INPUT');
      for (const [path, code] of c.issues)
        expect(body.error.issues).toContainEqual(expect.objectContaining({ path, code }));
    }
  });

  it('refuses bodies over the limit with 413, malformed JSON with 400 and other media types with 415', async () => {
    const big = await post(JSON.stringify({ ...firm(), padding: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect((await json(big)).error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await post('{"evaluationYear": 20');
    expect(broken.status).toBe(400);
    expect((await json(broken)).error.code).toBe('INVALID_JSON');
    const form = await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('answers JSON 404s for unknown routes and unknown ids', async () => {
    for (const path of ['/api/v1/nothing', '/api/v1/assessments/not-a-uuid', `/api/v1/assessments/${crypto.randomUUID()}`]) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect((await json(res)).error.message).toMatch(/不存在/);
    }
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const doc = await json(await fetch(`${s.url}/api/v1/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/v1/assessments'].post;
    const deref = (x: { $ref?: string }) => (x.$ref ? doc.components.schemas[x.$ref.split('/').pop()!] : x);
    const schema = deref(post.requestBody.content['application/json'].schema);
    expect(schema.required).toEqual(expect.arrayContaining(['evaluationYear', 'basic', 'finance', 'staff']));
    expect(schema.properties.rdProjects.items.properties.form.enum).toContain('commissioned_foreign');
    expect(deref(post.responses['201'].content['application/json'].schema).properties.reasons).toBeDefined();
    expect(deref(post.responses.default.content['application/json'].schema).properties.error).toBeDefined();
  });
});
