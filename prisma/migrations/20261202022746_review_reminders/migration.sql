-- AlterEnum
ALTER TYPE "WorkflowAction" ADD VALUE 'REVIEW_DUE';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "reviewAt" TIMESTAMP(3),
ADD COLUMN     "reviewSentAt" TIMESTAMP(3),
ADD COLUMN     "reviewSetById" UUID;

-- CreateIndex
CREATE INDEX "Article_reviewAt_idx" ON "Article"("reviewAt");
