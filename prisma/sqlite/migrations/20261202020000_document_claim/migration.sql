-- document_claim (prisma/models/document.prisma): the current start's id, so that only the worker holding a job
-- (BullMQ on Redis, any number of processes) moves the document to done or failed.
ALTER TABLE "Document" ADD COLUMN "claim" TEXT;
