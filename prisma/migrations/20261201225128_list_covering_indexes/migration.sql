-- DropIndex
DROP INDEX "Article_sectionId_idx";

-- DropIndex
DROP INDEX "ArticleAuthor_userId_idx";

-- CreateIndex
CREATE INDEX "Article_sectionId_status_updatedAt_id_idx" ON "Article"("sectionId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "ArticleAuthor_userId_articleId_idx" ON "ArticleAuthor"("userId", "articleId");
