-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TagSlugRedirect" (
    "slug" TEXT NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "NewsroomSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "colleaguesCanRead" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "NewsroomSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TagSlugRedirect_tagId_idx" ON "TagSlugRedirect"("tagId");

-- AddForeignKey
ALTER TABLE "TagSlugRedirect" ADD CONSTRAINT "TagSlugRedirect_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One settings row at most.
ALTER TABLE "NewsroomSettings" ADD CONSTRAINT "NewsroomSettings_single_row" CHECK ("id" = 1);

-- Sections keep the order they had (by name) until an admin reorders them.
UPDATE "Section" s SET "position" = r.n
FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM "Section") r
WHERE s.id = r.id;
