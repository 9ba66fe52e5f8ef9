-- Pre-checks as answered, with their explanation (prisma/models/precheck.prisma).
CREATE TABLE "Precheck" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "evaluationYear" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "explanationSource" TEXT NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Precheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Precheck_ownerId_idx" ON "Precheck"("ownerId");
