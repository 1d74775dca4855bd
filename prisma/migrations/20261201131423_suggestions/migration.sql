-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkflowAction" ADD VALUE 'SUGGESTIONS_ACCEPTED';
ALTER TYPE "WorkflowAction" ADD VALUE 'SUGGESTIONS_REJECTED';
ALTER TYPE "WorkflowAction" ADD VALUE 'HOLD_FOR_COMMENTS';
ALTER TYPE "WorkflowAction" ADD VALUE 'HOLD_FOR_COMMENTS_LIFTED';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "holdForComments" BOOLEAN NOT NULL DEFAULT false;
