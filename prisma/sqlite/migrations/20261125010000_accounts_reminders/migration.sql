-- Accounts (prisma/models/user.prisma) and reminders (prisma/models/reminder.prisma).
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "openid" TEXT NOT NULL,
    "dev" BOOLEAN NOT NULL DEFAULT false,
    "privacyConsentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "User_openid_key" ON "User"("openid");

CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

CREATE TABLE "Firm" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "region" TEXT NOT NULL,
    "submittedYear" INTEGER,
    "tiered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "CheckDraft" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "answers" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "channel" TEXT,
    "claimToken" TEXT,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME,
    "deliveredAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");
CREATE INDEX "Reminder_userId_idx" ON "Reminder"("userId");

CREATE TABLE "SubscribeConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'available',
    "reminderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "spentAt" DATETIME
);
CREATE INDEX "SubscribeConsent_userId_templateId_status_idx" ON "SubscribeConsent"("userId", "templateId", "status");
CREATE INDEX "SubscribeConsent_reminderId_idx" ON "SubscribeConsent"("reminderId");

CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "reminderId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "deadline" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME
);
CREATE UNIQUE INDEX "Notice_reminderId_key" ON "Notice"("reminderId");
CREATE INDEX "Notice_userId_idx" ON "Notice"("userId");
