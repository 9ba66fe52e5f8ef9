-- Every row that belongs to a user names a user that exists: a request that was in flight while the user deleted
-- their data (DELETE /api/v1/me) cannot leave anything behind, and a user cannot be deleted while rows of theirs
-- remain (the deletion removes them first and retries if one arrived meanwhile). Rows already orphaned by such
-- a race are removed here; their files are swept on the next start.
-- SQLite cannot add a foreign key to an existing table without rebuilding it (which would drop columns other
-- migrations add later), so the same two rules are triggers. The message is what server/db/owner.ts recognises.
DELETE FROM "Assessment" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Precheck" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Document" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Session" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Firm" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "CheckDraft" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Reminder" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "SubscribeConsent" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Notice" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
CREATE TRIGGER "Assessment_ownerId_exists" BEFORE INSERT ON "Assessment"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Assessment.ownerId'); END;
CREATE TRIGGER "Assessment_ownerId_update_exists" BEFORE UPDATE OF "ownerId" ON "Assessment"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Assessment.ownerId'); END;
CREATE TRIGGER "Precheck_ownerId_exists" BEFORE INSERT ON "Precheck"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Precheck.ownerId'); END;
CREATE TRIGGER "Precheck_ownerId_update_exists" BEFORE UPDATE OF "ownerId" ON "Precheck"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Precheck.ownerId'); END;
CREATE TRIGGER "Document_ownerId_exists" BEFORE INSERT ON "Document"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Document.ownerId'); END;
CREATE TRIGGER "Document_ownerId_update_exists" BEFORE UPDATE OF "ownerId" ON "Document"
WHEN NEW."ownerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."ownerId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Document.ownerId'); END;
CREATE TRIGGER "Session_userId_exists" BEFORE INSERT ON "Session"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Session.userId'); END;
CREATE TRIGGER "Session_userId_update_exists" BEFORE UPDATE OF "userId" ON "Session"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Session.userId'); END;
CREATE TRIGGER "Firm_userId_exists" BEFORE INSERT ON "Firm"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Firm.userId'); END;
CREATE TRIGGER "Firm_userId_update_exists" BEFORE UPDATE OF "userId" ON "Firm"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Firm.userId'); END;
CREATE TRIGGER "CheckDraft_userId_exists" BEFORE INSERT ON "CheckDraft"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: CheckDraft.userId'); END;
CREATE TRIGGER "CheckDraft_userId_update_exists" BEFORE UPDATE OF "userId" ON "CheckDraft"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: CheckDraft.userId'); END;
CREATE TRIGGER "Reminder_userId_exists" BEFORE INSERT ON "Reminder"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Reminder.userId'); END;
CREATE TRIGGER "Reminder_userId_update_exists" BEFORE UPDATE OF "userId" ON "Reminder"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Reminder.userId'); END;
CREATE TRIGGER "SubscribeConsent_userId_exists" BEFORE INSERT ON "SubscribeConsent"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: SubscribeConsent.userId'); END;
CREATE TRIGGER "SubscribeConsent_userId_update_exists" BEFORE UPDATE OF "userId" ON "SubscribeConsent"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: SubscribeConsent.userId'); END;
CREATE TRIGGER "Notice_userId_exists" BEFORE INSERT ON "Notice"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Notice.userId'); END;
CREATE TRIGGER "Notice_userId_update_exists" BEFORE UPDATE OF "userId" ON "Notice"
WHEN NEW."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId")
BEGIN SELECT RAISE(ABORT, 'OWNER_MISSING: Notice.userId'); END;
CREATE TRIGGER "User_delete_restrict" BEFORE DELETE ON "User"
WHEN EXISTS (SELECT 1 FROM "Assessment" WHERE "ownerId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Precheck" WHERE "ownerId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Document" WHERE "ownerId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Session" WHERE "userId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Firm" WHERE "userId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "CheckDraft" WHERE "userId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Reminder" WHERE "userId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "SubscribeConsent" WHERE "userId" = OLD."id")
  OR EXISTS (SELECT 1 FROM "Notice" WHERE "userId" = OLD."id")
BEGIN SELECT RAISE(ABORT, 'OWNER_HAS_ROWS: User'); END;
