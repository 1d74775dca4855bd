-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "detailsVersion" INTEGER NOT NULL DEFAULT 1;

-- Existing articles: their details are as new as the article.
UPDATE "Article" SET "detailsVersion" = "version";

-- CreateTable
CREATE TABLE "CollabMessage" (
    "id" BIGSERIAL NOT NULL,
    "body" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CollabMessage_createdAt_idx" ON "CollabMessage"("createdAt");
