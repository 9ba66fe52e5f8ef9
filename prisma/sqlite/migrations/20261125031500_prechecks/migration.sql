-- Pre-checks as answered, with their explanation (prisma/models/precheck.prisma).
CREATE TABLE "Precheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "evaluationYear" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "explanationSource" TEXT NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "Precheck_ownerId_idx" ON "Precheck"("ownerId");
