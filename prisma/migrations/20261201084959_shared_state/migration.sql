-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sharedState" BYTEA;
