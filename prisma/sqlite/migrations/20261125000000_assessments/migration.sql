CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "region" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    "route" TEXT,
    "total" INTEGER NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "Assessment_ownerId_idx" ON "Assessment"("ownerId");
