-- Organisation accounts and batch pre-screening (prisma/models/organisation.prisma, batch.prisma).
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE "OrganisationMember" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("organisationId", "userId")
);
CREATE INDEX "OrganisationMember_userId_idx" ON "OrganisationMember"("userId");
CREATE TABLE "OrganisationInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "OrganisationInvite_codeHash_key" ON "OrganisationInvite"("codeHash");
CREATE INDEX "OrganisationInvite_organisationId_idx" ON "OrganisationInvite"("organisationId");
CREATE TABLE "OrganisationFirm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "creditCode" TEXT,
    "name" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "OrganisationFirm_organisationId_key_key" ON "OrganisationFirm"("organisationId", "key");
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "firms" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE INDEX "Batch_organisationId_idx" ON "Batch"("organisationId");
CREATE INDEX "Batch_status_idx" ON "Batch"("status");
CREATE TABLE "BatchFirm" (
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "firmId" TEXT,
    "name" TEXT,
    "creditCode" TEXT,
    "verdict" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    PRIMARY KEY ("batchId", "position")
);
CREATE INDEX "BatchFirm_firmId_idx" ON "BatchFirm"("firmId");
CREATE TABLE "BatchDocument" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL
);
CREATE INDEX "BatchDocument_batchId_position_idx" ON "BatchDocument"("batchId", "position");
