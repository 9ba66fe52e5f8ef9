// Prisma CLI configuration. The provider follows DATABASE_URL: postgresql://… uses prisma/postgresql,
// anything else the embedded SQLite file (data/kexiao.db).
import { defineConfig } from 'prisma/config';
import { databaseUrl, providerOf } from './server/db/url.ts';

const url = databaseUrl();
const provider = providerOf(url);

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
