#!/usr/bin/env bash
# A new migration, for both providers, after editing prisma/models/*.prisma:
#   bash scripts/new-migration.sh NAME [TIMESTAMP]    creates prisma/{sqlite,postgresql}/migrations/TIMESTAMP_NAME/
#   bash scripts/new-migration.sh --check             regenerates the client, checks both providers' migrations
# Migrations are hand-written SQL: Prisma's migrate commands need its native schema engine, a download this machine
# cannot make (scripts/generate-prisma.mjs). TIMESTAMP defaults to now (UTC); parallel branches use the prefix
# they were given so that names never collide. The check applies every migration to a fresh SQLite file and a
# fresh PostgreSQL database and compares each table's columns with the Prisma models (test/db/schema.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

check() {
  node scripts/generate-prisma.mjs
  npx vitest run test/db
}

case "${1:-}" in
  --check) check; exit ;;
  '' | -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
name=$1
stamp=${2:-$(date -u +%Y%m%d%H%M%S)}
[[ $name =~ ^[a-z][a-z0-9_]*$ ]] || { echo "名称只能用小写字母、数字和下划线：$name" >&2; exit 2; }
[[ $stamp =~ ^[0-9]{14}$ ]] || { echo "时间戳须为 14 位数字（YYYYMMDDhhmmss）：$stamp" >&2; exit 2; }
for provider in sqlite postgresql; do
  if compgen -G "prisma/$provider/migrations/${stamp}_*" >/dev/null; then echo "已有以 $stamp 开头的迁移（$provider）" >&2; exit 2; fi
  last=$(ls prisma/$provider/migrations | sort | tail -1)
  if [[ -n $last && ! ${stamp}_$name > $last ]]; then echo "$stamp 不晚于最后一个迁移 $last：迁移按名称顺序执行" >&2; exit 2; fi
done
for provider in sqlite postgresql; do
  dir=prisma/$provider/migrations/${stamp}_$name
  mkdir -p "$dir"
  if [[ $provider == sqlite ]]; then
    types='TEXT, INTEGER, BOOLEAN, REAL, DATETIME (DEFAULT CURRENT_TIMESTAMP), JSONB; primary key inline: "id" TEXT NOT NULL PRIMARY KEY'
  else
    types='TEXT, INTEGER, BOOLEAN, DOUBLE PRECISION, TIMESTAMP(3) (DEFAULT CURRENT_TIMESTAMP), JSONB; primary key as CONSTRAINT "Model_pkey" PRIMARY KEY ("id")'
  fi
  cat >"$dir/migration.sql" <<SQL
-- $name (prisma/models/…): what changed and why, in one line.
-- $provider types: $types.
-- Indexes as Prisma names them: "Model_field_idx", unique "Model_field_key". Runs once, in one transaction.

SQL
  echo "$dir/migration.sql"
done
echo "写好两个 migration.sql 之后运行：bash scripts/new-migration.sh --check"
