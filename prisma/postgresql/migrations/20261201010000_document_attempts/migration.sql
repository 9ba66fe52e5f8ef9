-- How many times a document's extraction was started (prisma/models/document.prisma): a file that kills the
-- process mid-read is failed after KEXIAO_JOB_MAX_ATTEMPTS starts instead of being retried on every start.
ALTER TABLE "Document" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
