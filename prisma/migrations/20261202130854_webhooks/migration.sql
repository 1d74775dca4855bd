-- CreateEnum
CREATE TYPE "WebhookEvent" AS ENUM ('PUBLISHED', 'UPDATED', 'CORRECTED', 'UNPUBLISHED', 'ADDRESS_CHANGED');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "WorkflowAction" ADD VALUE 'WEBHOOK_DISABLED';

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" "WebhookEvent"[],
    "secret" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "failureStreak" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "endpointId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "articleId" UUID,
    "payload" JSONB NOT NULL,
    "body" TEXT,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responses" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: every step that changes what readers see is recorded as a WorkflowEvent, in the
-- transaction that takes it (the scheduler's publishing too). This trigger turns those steps
-- into deliveries for the endpoints that asked for them, and queues each delivery's job, in the
-- same transaction: an event and its deliveries exist together or not at all.
CREATE FUNCTION masthead_webhook_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind "WebhookEvent";
  story record;
  delivery record;
  event_id uuid := gen_random_uuid();
BEGIN
  kind := CASE NEW.action
    WHEN 'PUBLISH' THEN 'PUBLISHED' WHEN 'SCHEDULED_PUBLISH' THEN 'PUBLISHED' WHEN 'REPUBLISH' THEN 'PUBLISHED'
    WHEN 'PUBLISH_UPDATE' THEN 'UPDATED' WHEN 'CORRECTION' THEN 'CORRECTED' WHEN 'UNPUBLISH' THEN 'UNPUBLISHED'
    WHEN 'CHANGE_ADDRESS' THEN 'ADDRESS_CHANGED' ELSE NULL END;
  IF kind IS NULL OR NOT EXISTS (
    SELECT 1 FROM "WebhookEndpoint" e WHERE e."disabledAt" IS NULL AND kind = ANY (e.events)
  ) THEN
    RETURN NULL;
  END IF;
  SELECT a.id, a.slug, a.status, a.language, coalesce(r.headline, a.headline) AS headline INTO story
  FROM "Article" a LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" WHERE a.id = NEW."articleId";
  -- A draft's new address is nobody's business outside the newsroom.
  IF NOT FOUND OR (kind = 'ADDRESS_CHANGED' AND story.status <> 'PUBLISHED') THEN
    RETURN NULL;
  END IF;
  FOR delivery IN
    INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", event, "articleId", payload, "createdAt")
    SELECT gen_random_uuid(), e.id, event_id, kind, story.id,
      jsonb_build_object('occurredAt', to_char(NEW."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'story', jsonb_build_object('id', story.id, 'slug', story.slug, 'headline', story.headline, 'language', story.language)),
      NEW."createdAt"
    FROM "WebhookEndpoint" e
    WHERE e."disabledAt" IS NULL AND kind = ANY (e.events)
    RETURNING id
  LOOP
    PERFORM graphile_worker.add_job('deliver_webhook', json_build_object('id', delivery.id::text),
      max_attempts := 13, job_key := 'webhook:' || delivery.id::text);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "WorkflowEvent_webhooks" AFTER INSERT ON "WorkflowEvent"
  FOR EACH ROW EXECUTE FUNCTION masthead_webhook_event();

-- A notice about a webhook endpoint has no story or budget line (compared as text: the enum
-- value added above cannot be used in the transaction that adds it).
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_has_subject";
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_has_subject"
  CHECK ("articleId" IS NOT NULL OR "budgetItemId" IS NOT NULL OR "action"::text = 'WEBHOOK_DISABLED');
