-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkflowAction" ADD VALUE 'DEADLINE_SOON';
ALTER TYPE "WorkflowAction" ADD VALUE 'DEADLINE_MISSED';

-- AlterTable
ALTER TABLE "BudgetItem" ADD COLUMN     "assignedById" UUID,
ADD COLUMN     "overdueSentAt" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "budgetItemId" UUID,
ALTER COLUMN "articleId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_budgetItemId_fkey" FOREIGN KEY ("budgetItemId") REFERENCES "BudgetItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A notice is about an article or a budget line.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_has_subject" CHECK ("articleId" IS NOT NULL OR "budgetItemId" IS NOT NULL);
