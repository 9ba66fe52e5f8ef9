// Every user-owned row must name an existing user (migration 20261201010100_owner_must_exist: foreign keys on
// PostgreSQL, triggers on SQLite). Both providers report a violation the same way through Prisma.
export function isOwnerMissing(e: unknown): boolean {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return err?.code === 'P2003' || err?.meta?.driverAdapterError?.cause?.kind === 'ForeignKeyConstraintViolation';
}
