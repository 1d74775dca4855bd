-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('PUBLISHED', 'TRANSITION', 'SAVE');

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'PUBLISHED',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Revisions are the way back to earlier text: never deleted, and only a SAVE revision may be
-- updated (rapid saves by one person are coalesced into it). Published and workflow snapshots are fixed.
CREATE FUNCTION masthead_revision_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD."kind" <> 'SAVE' OR NEW."kind" <> 'SAVE' OR NEW."articleId" <> OLD."articleId" THEN
    RAISE EXCEPTION 'ArticleRevision % cannot be changed', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ArticleRevision_guard" BEFORE UPDATE OR DELETE ON "ArticleRevision" FOR EACH ROW EXECUTE FUNCTION masthead_revision_guard();
