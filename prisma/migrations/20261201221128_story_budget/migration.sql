-- CreateEnum
CREATE TYPE "BudgetStatus" AS ENUM ('IDEA', 'ASSIGNED', 'KILLED');

-- CreateEnum
CREATE TYPE "BudgetRole" AS ENUM ('REPORTER', 'PHOTOGRAPHER', 'EDITOR');

-- CreateTable
CREATE TABLE "BudgetItem" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "angle" TEXT NOT NULL DEFAULT '',
    "sectionId" UUID,
    "priority" INTEGER NOT NULL DEFAULT 2,
    "plannedDay" DATE,
    "windowStart" TIMESTAMP(3),
    "windowEnd" TIMESTAMP(3),
    "targetWords" INTEGER,
    "deadline" TIMESTAMP(3),
    "status" "BudgetStatus" NOT NULL DEFAULT 'IDEA',
    "articleId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BudgetItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAssignment" (
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "BudgetRole" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BudgetAssignment_pkey" PRIMARY KEY ("itemId","userId","role")
);

-- CreateIndex
CREATE UNIQUE INDEX "BudgetItem_articleId_key" ON "BudgetItem"("articleId");

-- CreateIndex
CREATE INDEX "BudgetItem_plannedDay_idx" ON "BudgetItem"("plannedDay");

-- CreateIndex
CREATE INDEX "BudgetItem_deadline_idx" ON "BudgetItem"("deadline");

-- CreateIndex
CREATE INDEX "BudgetItem_createdById_idx" ON "BudgetItem"("createdById");

-- CreateIndex
CREATE INDEX "BudgetAssignment_userId_idx" ON "BudgetAssignment"("userId");

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetAssignment" ADD CONSTRAINT "BudgetAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BudgetItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetAssignment" ADD CONSTRAINT "BudgetAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express (the service checks them first, with messages).
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_priority_check" CHECK ("priority" BETWEEN 1 AND 3);
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_window_check" CHECK ("windowEnd" IS NULL OR ("windowStart" IS NOT NULL AND "windowEnd" >= "windowStart"));
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_title_check" CHECK (char_length("title") BETWEEN 1 AND 200);
