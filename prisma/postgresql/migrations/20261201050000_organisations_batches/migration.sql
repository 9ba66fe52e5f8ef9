-- Organisation accounts and batch pre-screening (prisma/models/organisation.prisma, batch.prisma).
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "OrganisationMember" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationMember_pkey" PRIMARY KEY ("organisationId", "userId")
);
CREATE INDEX "OrganisationMember_userId_idx" ON "OrganisationMember"("userId");
CREATE TABLE "OrganisationInvite" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationInvite_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OrganisationInvite_codeHash_key" ON "OrganisationInvite"("codeHash");
CREATE INDEX "OrganisationInvite_organisationId_idx" ON "OrganisationInvite"("organisationId");
CREATE TABLE "OrganisationFirm" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "creditCode" TEXT,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OrganisationFirm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OrganisationFirm_organisationId_key_key" ON "OrganisationFirm"("organisationId", "key");
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "firms" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
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
    CONSTRAINT "BatchFirm_pkey" PRIMARY KEY ("batchId", "position")
);
CREATE INDEX "BatchFirm_firmId_idx" ON "BatchFirm"("firmId");
CREATE TABLE "BatchDocument" (
    "documentId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "BatchDocument_pkey" PRIMARY KEY ("documentId")
);
CREATE INDEX "BatchDocument_batchId_position_idx" ON "BatchDocument"("batchId", "position");
