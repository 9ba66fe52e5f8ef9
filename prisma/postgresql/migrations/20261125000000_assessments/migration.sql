CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "region" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    "route" TEXT,
    "total" INTEGER NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Assessment_ownerId_idx" ON "Assessment"("ownerId");
