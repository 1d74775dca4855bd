-- CreateEnum
CREATE TYPE "ArticleKind" AS ENUM ('STORY', 'LIVE');

-- CreateEnum
CREATE TYPE "LiveEntryAction" AS ENUM ('ADDED', 'EDITED', 'DELETED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "coverageEndedAt" TIMESTAMP(3),
ADD COLUMN     "kind" "ArticleKind" NOT NULL DEFAULT 'STORY';

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "authorId" UUID,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "keyEvent" TEXT,
    "pinnedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryRevision" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "action" "LiveEntryAction" NOT NULL,
    "body" JSONB NOT NULL,
    "keyEvent" TEXT,
    "editorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEntryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEntry_articleId_createdAt_idx" ON "LiveEntry"("articleId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "LiveEntryRevision_entryId_createdAt_idx" ON "LiveEntryRevision"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
