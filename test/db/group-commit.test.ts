// Group commit on SQLite through the direct connection, and its fall-back to Prisma: concurrent rows all stored and
// acknowledged only once committed, a refused row failing alone with Prisma's error, a database another process
// holds locked waited out.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommitInserter } from '../../server/db/groupCommit.ts';
import { ASSESSMENT_COLUMNS as COLUMNS } from '../../server/db/assessments.ts';
import { sqlitePath } from '../../server/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const values = (id = randomUUID()) => [id, null, 'national', 2026, true, 'score', 90, '2026.1', { jsonText: '{"a":1}' }, { json: { b: 2 } }, new Date()];

describe('group commit on SQLite', () => {
  let t: TestDatabase;
  let inserter: ReturnType<typeof groupCommitInserter>;
  const count = (ids: string[]) => t.db.prisma.assessment.count({ where: { id: { in: ids } } });
  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    inserter = groupCommitInserter(t.db.prisma, 'sqlite', 'Assessment', COLUMNS, t.db.direct);
  });
  afterAll(() => t?.drop());

  it('stores concurrent rows, each acknowledged after its commit, as Prisma would store them', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    await Promise.all(ids.map((id) => inserter.insert(values(id))));
    expect(await count(ids)).toBe(50);
    expect(await t.db.prisma.assessment.findUnique({ where: { id: ids[0]! } })).toMatchObject({ qualified: true, input: { a: 1 }, result: { b: 2 } });
  });

  it('fails a refused row alone, with the error Prisma gives, and stores the others', async () => {
    const taken = randomUUID();
    await inserter.insert(values(taken));
    const ids = [randomUUID(), randomUUID()];
    const outcomes = await Promise.allSettled([inserter.insert(values(ids[0])), inserter.insert(values(taken)), inserter.insert(values(ids[1]))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'PrismaClientKnownRequestError' });
    expect(await count(ids)).toBe(2);
  });

  it('waits out another process holding the write lock (through Prisma) and stores every row', async () => {
    // Another process (a `kexiao remind` from cron, a second server) writing for 300 ms.
    const script = `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`;
    const other = spawn(process.execPath, ['-e', script, sqlitePath(t.url)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => other.stdout.once('data', r));
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await Promise.all(ids.map((id) => inserter.insert(values(id))));
    expect(await count(ids)).toBe(5);
    await new Promise((r) => (other.exitCode === null ? other.once('exit', r) : r(null)));
  });
});
