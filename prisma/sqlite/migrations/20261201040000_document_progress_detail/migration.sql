-- Where a document's reading is (page, pages, step), shown to the owner while it is read.
ALTER TABLE "Document" ADD COLUMN "progressDetail" JSONB;
