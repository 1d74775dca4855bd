-- CreateTable
CREATE TABLE "MergedContributor" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "intoId" UUID NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MergedContributor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MergedContributor_slug_key" ON "MergedContributor"("slug");

-- CreateIndex
CREATE INDEX "MergedContributor_intoId_idx" ON "MergedContributor"("intoId");

-- AddForeignKey
ALTER TABLE "MergedContributor" ADD CONSTRAINT "MergedContributor_intoId_fkey" FOREIGN KEY ("intoId") REFERENCES "Contributor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
