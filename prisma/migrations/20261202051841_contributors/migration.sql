-- CreateEnum
CREATE TYPE "ContributorKind" AS ENUM ('PERSON', 'AGENCY');

-- CreateTable
CREATE TABLE "Contributor" (
    "id" UUID NOT NULL,
    "kind" "ContributorKind" NOT NULL DEFAULT 'PERSON',
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "photoUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contributor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleContributor" (
    "articleId" UUID NOT NULL,
    "contributorId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleContributor_pkey" PRIMARY KEY ("articleId","contributorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contributor_slug_key" ON "Contributor"("slug");

-- CreateIndex
CREATE INDEX "ArticleContributor_contributorId_articleId_idx" ON "ArticleContributor"("contributorId", "articleId");

-- AddForeignKey
ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
