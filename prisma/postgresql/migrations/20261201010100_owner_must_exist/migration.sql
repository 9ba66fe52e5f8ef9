-- Every row that belongs to a user names a user that exists: a request that was in flight while the user deleted
-- their data (DELETE /api/v1/me) cannot leave anything behind, and a user cannot be deleted while rows of theirs
-- remain (the deletion removes them first and retries if one arrived meanwhile). Rows already orphaned by such
-- a race are removed here; their files are swept on the next start.
DELETE FROM "Assessment" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Precheck" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Document" WHERE "ownerId" IS NOT NULL AND "ownerId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Session" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Firm" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "CheckDraft" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Reminder" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "SubscribeConsent" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "Notice" WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Precheck" ADD CONSTRAINT "Precheck_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Document" ADD CONSTRAINT "Document_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Firm" ADD CONSTRAINT "Firm_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "CheckDraft" ADD CONSTRAINT "CheckDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "SubscribeConsent" ADD CONSTRAINT "SubscribeConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
