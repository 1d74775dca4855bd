-- CreateTable
CREATE TABLE "PublicChange" (
    "id" BIGSERIAL NOT NULL,
    "tags" TEXT[],
    "takedown" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CacheInstance" (
    "id" TEXT NOT NULL,
    "appliedGeneration" BIGINT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicChange_createdAt_idx" ON "PublicChange"("createdAt");
