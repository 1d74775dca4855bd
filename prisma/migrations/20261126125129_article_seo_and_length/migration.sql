-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "seoDescription" TEXT,
ADD COLUMN     "seoTitle" TEXT,
ADD COLUMN     "targetWords" INTEGER;

ALTER TABLE "Article" ADD CONSTRAINT "Article_targetWords_range" CHECK ("targetWords" IS NULL OR "targetWords" BETWEEN 50 AND 50000);
ALTER TABLE "Article" ADD CONSTRAINT "Article_seo_lengths" CHECK (char_length(COALESCE("seoTitle", '')) <= 120 AND char_length(COALESCE("seoDescription", '')) <= 320);
