// A few hundred generated malformed requests across every route of the OpenAPI document (plus raw bytes the HTTP
// parser must refuse), on both databases, with the default limits on: every answer is a 4xx JSON error with a
// stable code and a Chinese message, and afterwards the server is alive with nothing left on disk. Seeded, so a
// failure can be replayed; bounded in count and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devUser } from '../auth/support.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { rng } from '../helpers/rng.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { loadConfig } from '../../server/config.ts';
import { filesIn, openHandlesIn, rawRequest, requestHead, until } from './support.ts';

const COUNT = 320;
const DEADLINE_MS = 150_000;

interface Route {
  method: string;
  path: string;
  /** Top-level request fields and their JSON types, when the route takes a JSON body. */
  fields: Record<string, string>;
}

interface Sent {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

type Pick = <T>(xs: readonly T[]) => T;

const BAD_TOKENS = ['Bearer', 'Bearer x', 'Basic dXNlcjpwYXNz', 'Bearer ' + 'A'.repeat(300), 'Bearer ' + 'a'.repeat(43), 'bearer\u0001abc', 'Token abc'];
const BAD_IDS = ['%00', 'a%00b', '%ff%fe', 'x'.repeat(2000), '00000000-0000-4000-8000-000000000000', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', 'null', '-1', '%F0%9F%98%80', '%ED%A0%80'];
const BAD_JSON = ['', '{', '{"a":', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"a":"\\ud800"', '{"x":"\\u0000"}', '[' .repeat(5000), '{"a":' + '['.repeat(100_000)];

function wrongValue(type: string, pick: Pick): unknown {
  switch (type) {
    case 'object': return pick([123, 'x', [], true]);
    case 'array': return pick(['x', 5, { a: 1 }]);
    case 'string': return pick([12345, {}, [], false, 'x\u0000y', 'a\ud800b']);
    case 'integer':
    case 'number': return pick(['abc', {}, 1.5e308 * 10, -1e12, 'NaN']);
    case 'boolean': return pick(['maybe', 0, {}, null]);
    // A field whose type the document does not say (a $ref, a union): only values no schema accepts. An empty
    // object would be a valid, all-optional part (a pre-check's `finance: {}`), not a malformed request.
    default: return pick(['x\u0000', 'a\ud800b', ['x\u0000']]);
  }
}

function generate(routes: Route[], r: () => number, token: string): Sent[] {
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  const withId = (path: string) => path.replace('{id}', pick(BAD_IDS));
  const authed = { authorization: `Bearer ${token}` };
  const kinds: (() => Sent)[] = [
    // A token that is malformed or dead, on any route.
    () => {
      const rt = pick(routes);
      return { label: 'bad auth', method: rt.method, path: withId(rt.path), headers: { authorization: pick(BAD_TOKENS) } };
    },
    // A method the path does not have.
    () => {
      const rt = pick(routes);
      const allowed = routes.filter((x) => x.path === rt.path).map((x) => x.method);
      const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].filter((m) => !allowed.includes(m)));
      return { label: 'wrong method', method, path: withId(rt.path), headers: authed };
    },
    // A malformed id.
    () => {
      const rt = pick(routes.filter((x) => x.path.includes('{id}')));
      return { label: 'bad id', method: rt.method, path: withId(rt.path), headers: authed };
    },
    // A JSON body that is not JSON, not an object, too large, too deep, or a wrong-typed field.
    () => {
      const rt = pick(routes.filter((x) => Object.keys(x.fields).length));
      const field = pick(Object.keys(rt.fields));
      const body = pick([
        () => pick(BAD_JSON),
        () => JSON.stringify(pick([[], 1, 'x', null, true])),
        () => JSON.stringify({ [field]: wrongValue(rt.fields[field]!, pick) }),
        () => JSON.stringify({ [field]: 'x'.repeat(300 * 1024) }),
        () => Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))),
      ])();
      const type = pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']);
      return { label: `bad body ${rt.path}`, method: rt.method, path: rt.path, headers: { ...authed, 'content-type': type }, body };
    },
    // A broken upload.
    () => {
      const b = pick(['XB', '', '"', 'x'.repeat(100)]);
      const body = pick([
        `--XB\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 x`,
        `--XB\r\nContent-Disposition: form-data; name="file"; filename="a.exe"\r\n\r\nMZ\x90\x00\r\n--XB--\r\n`,
        `--XB\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n\r\n--XB--\r\n`,
        `--XB\r\nContent-Disposition: form-data; name="other"\r\n\r\nv\r\n--XB--\r\n`,
        `--XB\r\nContent-Disposition: form-data; name="name"\r\n\r\na\u0000b\r\n--XB\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n\r\n--XB--\r\n`,
        `--XB\r\n${'X-H: v\r\n'.repeat(50)}\r\n\r\n--XB--\r\n`,
        'garbage',
      ]);
      return { label: 'bad upload', method: 'POST', path: '/api/v1/documents', headers: { ...authed, 'content-type': `multipart/form-data; boundary=${b}` }, body };
    },
    // A protected route without a session.
    () => {
      const rt = pick(routes.filter((x) => !/auth|assessments|health|openapi/.test(x.path)));
      return { label: 'anonymous', method: rt.method, path: withId(rt.path), headers: {} };
    },
  ];
  return Array.from({ length: COUNT }, () => pick(kinds)());
}

/** Bytes the HTTP parser itself must refuse. */
const RAW = [
  'GARBAGE\r\n\r\n',
  'GET / HTTP/9.9\r\n\r\n',
  'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
  'POST /api/v1/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  'GET /api/v1/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
];

describe.each(PROVIDERS)('fuzzing every route on %s', (provider) => {
  let s: TestServer;
  let routes: Route[];
  let token: string;
  beforeAll(async () => {
    s = await startTestServer(provider, { limits: loadConfig({}).limits });
    token = (await devUser(s.url)).token!;
    const doc = await (await fetch(`${s.url}/api/v1/openapi.json`)).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: Record<string, { type?: string }> } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, { type?: string; anyOf?: { type?: string }[] }> }> };
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const schema = op.requestBody?.content['application/json']?.schema;
        const props = (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema)?.properties ?? {};
        const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, (v as { type?: string }).type ?? 'unknown']));
        return { method: method.toUpperCase(), path, fields };
      }),
    );
  });
  afterAll(() => s?.stop());

  it(`answers ${COUNT} malformed requests with coded 4xx JSON and stays up`, async () => {
    expect(routes.length).toBeGreaterThan(15);
    const started = Date.now();
    const cases = generate(routes, rng(provider === 'sqlite' ? 9001 : 9002), token);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    for (let i = 0; i < cases.length && Date.now() - started < DEADLINE_MS; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async (c) => {
          const body = c.body === undefined ? undefined : Buffer.from(c.body);
          const head = requestHead(c.method, c.path, { ...c.headers, ...(body ? { 'content-length': body.length } : {}) });
          const res = await rawRequest(s.url, head, body ? [body] : []);
          const ok =
            res !== null &&
            res.status >= 400 && res.status < 500 &&
            /application\/json/.test(res.headers['content-type'] ?? '') &&
            /^[A-Z][A-Z_]+$/.test(res.body?.error?.code ?? '') &&
            /[\u4e00-\u9fff]/.test(res.body?.error?.message ?? '');
          const key = `${res?.status} ${res?.body?.error?.code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (!ok) failures.push(`${c.label}: ${c.method} ${c.path.slice(0, 80)} ${JSON.stringify(String(c.body ?? '').slice(0, 80))} → ${res?.status} ${res?.text.slice(0, 120)}`);
        }),
      );
    }
    for (const raw of RAW) {
      const res = await rawRequest(s.url, raw, []);
      if (res && !(res.status >= 400 && res.status < 500 && res.body?.error?.code)) failures.push(`raw ${JSON.stringify(raw.slice(0, 40))} → ${res.status} ${res.text.slice(0, 80)}`);
    }
    console.log(`[${provider}] ${[...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(', ')}`);
    expect(failures).toEqual([]);
    expect(statuses.size).toBeGreaterThan(8); // the cases reached many different checks, not one
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 30_000);

    // Alive, and nothing left behind.
    expect((await fetch(`${s.url}/api/v1/health`)).status).toBe(200);
    const dir = s.deps.config.uploadDir;
    await until(() => filesIn(dir).filter((f) => f.startsWith('.upload-')).length === 0 && openHandlesIn(dir).length === 0);
  }, DEADLINE_MS + 60_000);
});
