-- Accounts (prisma/models/user.prisma) and reminders (prisma/models/reminder.prisma).
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "dev" BOOLEAN NOT NULL DEFAULT false,
    "privacyConsentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_openid_key" ON "User"("openid");

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

CREATE TABLE "Firm" (
    "userId" TEXT NOT NULL,
    "name" TEXT,
    "region" TEXT NOT NULL,
    "submittedYear" INTEGER,
    "tiered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Firm_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "CheckDraft" (
    "userId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CheckDraft_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "channel" TEXT,
    "claimToken" TEXT,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");
CREATE INDEX "Reminder_userId_idx" ON "Reminder"("userId");

CREATE TABLE "SubscribeConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'available',
    "reminderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "spentAt" TIMESTAMP(3),
    CONSTRAINT "SubscribeConsent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SubscribeConsent_userId_templateId_status_idx" ON "SubscribeConsent"("userId", "templateId", "status");
CREATE INDEX "SubscribeConsent_reminderId_idx" ON "SubscribeConsent"("reminderId");

CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reminderId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "deadline" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Notice_reminderId_key" ON "Notice"("reminderId");
CREATE INDEX "Notice_userId_idx" ON "Notice"("userId");
