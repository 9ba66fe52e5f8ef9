// The yardstick for bench/api.ts: the least this stack can do for POST /api/v1/assessments — a bare Koa route that
// reads and parses the same body and stores the same row with one raw insert (better-sqlite3 or pg), then answers
// 201 with the stored assessment. No validation, no scoring (the row's result is computed once, passed in), no
// router, no logging. Run: node bench/yardstick.mjs PORT DATABASE_URL RESULT_JSON_FILE (schema already migrated)
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Koa from 'koa';

const [port, databaseUrl, resultFile] = process.argv.slice(2);
const result = JSON.parse(readFileSync(resultFile, 'utf8'));
const COLUMNS = '"id", "ownerId", "region", "evaluationYear", "qualified", "route", "total", "rulesVersion", "input", "result", "createdAt"';

let insert;
if (databaseUrl.startsWith('file:')) {
  const { default: Database } = await import('better-sqlite3');
  const statement = new Database(databaseUrl.slice('file:'.length)).prepare(`INSERT INTO "Assessment" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  insert = async (row) => statement.run(row.map((v) => (typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.toISOString() : v)));
} else {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const sql = `INSERT INTO "Assessment" (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::timestamp(3))`;
  insert = (row) => pool.query(sql, row);
}

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/api/v1/assessments') return void (ctx.status = 404);
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const id = randomUUID();
  const createdAt = new Date();
  await insert([id, null, result.region, result.evaluationYear, result.qualified, result.route, result.total, result.rulesVersion, JSON.stringify(input), JSON.stringify(result), createdAt]);
  ctx.status = 201;
  ctx.body = { id, createdAt: createdAt.toISOString(), ...result, input };
});
app.listen(Number(port), '127.0.0.1');
