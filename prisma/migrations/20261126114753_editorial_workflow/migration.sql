-- CreateEnum
CREATE TYPE "WorkflowAction" AS ENUM ('SUBMIT', 'WITHDRAW', 'REQUEST_CHANGES', 'APPROVE', 'PUBLISH', 'SCHEDULE', 'UNSCHEDULE', 'UNPUBLISH', 'REPUBLISH', 'SPIKE', 'RESTORE', 'PUBLISH_UPDATE', 'SCHEDULED_PUBLISH', 'SCHEDULE_FAILED', 'LEGAL_REVIEW_REQUIRED', 'LEGAL_REVIEW_CLEARED', 'LEGAL_SIGN_OFF');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "contentUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "embargoedUntil" TIMESTAMP(3),
ADD COLUMN     "hasUnpublishedChanges" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "legalReviewRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "legalSignedOffAt" TIMESTAMP(3),
ADD COLUMN     "legalSignedOffById" UUID,
ADD COLUMN     "liveRevisionId" UUID,
ADD COLUMN     "scheduleFailure" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3),
ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedById" UUID;

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "action" "WorkflowAction" NOT NULL,
    "fromStatus" "ArticleStatus" NOT NULL,
    "toStatus" "ArticleStatus" NOT NULL,
    "actorId" UUID,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "heroImageUrl" TEXT,
    "heroImageCaption" TEXT,
    "heroImageCredit" TEXT,
    "heroImageAlt" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "action" "WorkflowAction" NOT NULL,
    "actorId" UUID,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowEvent_articleId_createdAt_idx" ON "WorkflowEvent"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleRevision_articleId_createdAt_idx" ON "ArticleRevision"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Correction_articleId_createdAt_idx" ON "Correction"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Article_liveRevisionId_key" ON "Article"("liveRevisionId");

-- CreateIndex
CREATE INDEX "Article_status_statusChangedAt_idx" ON "Article"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Article_status_scheduledFor_idx" ON "Article"("status", "scheduledFor");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "ArticleRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_legalSignedOffById_fkey" FOREIGN KEY ("legalSignedOffById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Articles published before this migration get their first revision: the live snapshot.
INSERT INTO "ArticleRevision" ("id", "articleId", "headline", "standfirst", "body", "bodyText", "heroImageUrl", "heroImageCaption", "heroImageCredit", "heroImageAlt", "createdById", "createdAt")
SELECT gen_random_uuid(), a."id", a."headline", a."standfirst", a."body", a."bodyText", a."heroImageUrl", a."heroImageCaption", a."heroImageCredit", a."heroImageAlt", a."createdById", COALESCE(a."publishedAt", now())
FROM "Article" a WHERE a."status" = 'PUBLISHED';
UPDATE "Article" a SET "liveRevisionId" = r."id" FROM "ArticleRevision" r WHERE r."articleId" = a."id" AND a."status" = 'PUBLISHED';
UPDATE "Article" SET "statusChangedAt" = COALESCE("publishedAt", "updatedAt");

-- Rules the Prisma schema language cannot express.
ALTER TABLE "Article" ADD CONSTRAINT "Article_published_is_live" CHECK ("status" <> 'PUBLISHED' OR "liveRevisionId" IS NOT NULL);
ALTER TABLE "Article" ADD CONSTRAINT "Article_scheduled_has_time" CHECK ("status" <> 'SCHEDULED' OR "scheduledFor" IS NOT NULL);
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_note_when_required" CHECK ("action" NOT IN ('REQUEST_CHANGES', 'UNPUBLISH') OR char_length(btrim(COALESCE("note", ''))) > 0);
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_text_present" CHECK (char_length(btrim("text")) BETWEEN 1 AND 2000);

-- The record is append-only: no UPDATE or DELETE on events and corrections, from any client.
CREATE FUNCTION masthead_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "WorkflowEvent_append_only" BEFORE UPDATE OR DELETE ON "WorkflowEvent" FOR EACH ROW EXECUTE FUNCTION masthead_append_only();
CREATE TRIGGER "Correction_append_only" BEFORE UPDATE OR DELETE ON "Correction" FOR EACH ROW EXECUTE FUNCTION masthead_append_only();
