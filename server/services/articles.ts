import { EMPTY_DOCUMENT } from "@/lib/content/document";
import { ArticleImportError, parseArticleMarkdown } from "@/lib/content/article-import";
import { validateDocument } from "@/lib/content/validate";
import type { CreateArticleInput } from "@/lib/schemas/article";
import { slugify } from "@/lib/slugify";
import { can } from "../auth/permissions";
import type { Db, DbOrTx } from "../db/client";
import { Prisma, type ArticleStatus } from "../db/generated/client";
import { badRequest } from "../errors";
import { bylineSelect, contributorBylineSelect } from "./byline-select";
import { resolveImportedFigures } from "./import-figures";
import { newsroomSettings } from "./newsroom-settings";
import { tagIdsFor } from "./tags";
import { writeStep } from "./workflow-write";
import type { SessionUser } from "./users";

export const newsroomArticleSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  section: { select: { name: true, slug: true } },
  authors: bylineSelect,
  contributors: contributorBylineSelect,
} as const satisfies Prisma.ArticleSelect;

export type NewsroomArticle = Prisma.ArticleGetPayload<{ select: typeof newsroomArticleSelect }>;

/** What a user may see in the newsroom: editors everything, writers what they are an author of. */
export function visibleTo(actor: SessionUser): Prisma.ArticleWhereInput {
  return can(actor.role, "article.readAll") ? {} : { authors: { some: { userId: actor.id } } };
}

/**
 * What a user may open (read-only where they may not edit): what they may work on, and for
 * writers their colleagues' stories too when the newsroom allows it (the default).
 */
export async function readableTo(db: DbOrTx, actor: SessionUser): Promise<Prisma.ArticleWhereInput> {
  if (can(actor.role, "article.readAll")) return {};
  return (await newsroomSettings(db)).colleaguesCanRead ? {} : visibleTo(actor);
}

/** Active newsroom members, for the Authors field. */
export function listPossibleAuthors(db: DbOrTx) {
  return db.user.findMany({
    where: { active: true },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true },
  });
}

/** Existing tag names, most used first, for the Tags field's suggestions. */
export async function listTagNames(db: DbOrTx): Promise<string[]> {
  const tags = await db.tag.findMany({ orderBy: { articles: { _count: "desc" } }, take: 300, select: { name: true } });
  return tags.map((tag) => tag.name);
}

/** A slug not yet taken: the base, or the base with -2, -3, ... */
export async function uniqueSlug(db: DbOrTx, base: string, now: Date = new Date()): Promise<string> {
  // Headlines in any script transliterate (lib/slugify.ts); one with nothing a transliteration
  // can read (only punctuation or emoji) is known by its day.
  const root = base || `story-${now.toISOString().slice(0, 10)}`;
  // Old addresses of published stories stay reserved: they redirect to those stories.
  const [articles, redirects] = await Promise.all([
    db.article.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } }),
    db.articleSlugRedirect.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } }),
  ]);
  const taken = new Set([...articles, ...redirects].map((a) => a.slug));
  if (!taken.has(root)) return root;
  for (let n = 2; ; n += 1) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isSlugClash(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes("slug");
}

const SLUG_ATTEMPTS = 20;

/**
 * Runs `create` with a free slug; when another request takes the same slug in between, tries
 * the next one instead of failing the user's save. Each round has at least one winner, so
 * SLUG_ATTEMPTS bounds how many simultaneous clashes are absorbed.
 */
async function withFreeSlug<T>(db: DbOrTx, base: string, now: Date, create: (slug: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create(await uniqueSlug(db, base, now));
    } catch (error) {
      if (!isSlugClash(error) || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
}

export function createDraft(
  db: DbOrTx,
  actor: SessionUser,
  input: Pick<CreateArticleInput, "headline"> & Partial<Pick<CreateArticleInput, "kind">>,
  now: Date = new Date(),
): Promise<NewsroomArticle> {
  return withFreeSlug(db, slugify(input.headline), now, (slug) =>
    db.article.create({
      data: {
        slug,
        headline: input.headline,
        kind: input.kind ?? "STORY",
        body: EMPTY_DOCUMENT as unknown as Prisma.InputJsonObject,
        createdById: actor.id,
        authors: { create: [{ userId: actor.id, position: 0 }] },
        events: {
          create: [{ action: "CREATE", fromStatus: "DRAFT", toStatus: "DRAFT", actorId: actor.id, createdAt: now }],
        },
      },
      select: newsroomArticleSelect,
    }),
  );
}

/**
 * A new draft from a Markdown file in the sample story's format (front matter + body), by and
 * for `actor`. The body goes through the same validation as any save. Returns what could not
 * be carried over.
 */
export async function importMarkdownDraft(
  db: Db,
  actor: SessionUser,
  markdown: string,
): Promise<{ id: string; warnings: string[] }> {
  let story;
  try {
    story = parseArticleMarkdown(markdown);
  } catch (error) {
    if (error instanceof ArticleImportError) throw badRequest(error.message, { markdown: [error.message] });
    throw error;
  }
  const warnings: string[] = [];
  const section = story.section
    ? await db.section.findFirst({
        where: { name: { equals: story.section, mode: "insensitive" } },
        select: { name: true },
      })
    : null;
  if (story.section && !section)
    warnings.push(`There is no section called “${story.section}”: choose one before publishing.`);
  if (story.hero)
    warnings.push(`The hero image ${story.hero.image} was not imported: images come from the media library.`);
  warnings.push(...story.notes);
  const figures = await resolveImportedFigures(db, story.body);
  warnings.push(...figures.notes);
  const created = await db.$transaction((tx) =>
    importArticle(tx, {
      headline: story.headline,
      standfirst: story.standfirst,
      section: section?.name,
      tags: story.tags,
      body: figures.document,
      createdById: actor.id,
      authorIds: [actor.id],
      status: "DRAFT",
    }),
  );
  return { id: created.id, warnings };
}

export interface ArticleImport {
  headline: string;
  standfirst: string;
  section?: string;
  tags: string[];
  body: unknown;
  hero?: { url: string; caption: string; credit: string; alt: string };
  createdById: string;
  authorIds: string[];
  status: ArticleStatus;
  publishedAt?: Date;
}

/**
 * Creates an article from imported content. The body goes through the same validation as
 * any save; the section and tags are found by name or created.
 */
export async function importArticle(tx: DbOrTx, input: ArticleImport): Promise<{ id: string; slug: string }> {
  const body = validateDocument(input.body);
  if (!body.ok) throw badRequest(body.error, { body: [body.error] });
  const section = input.section
    ? await tx.section.upsert({
        where: { slug: slugify(input.section) },
        update: {},
        create: { slug: slugify(input.section), name: input.section },
        select: { id: true },
      })
    : null;
  const tagIds = await tagIdsFor(tx, input.tags);
  const publish = input.status === "PUBLISHED";
  const created = await tx.article.create({
    data: {
      slug: await uniqueSlug(tx, slugify(input.headline)),
      headline: input.headline,
      standfirst: input.standfirst,
      body: body.document as unknown as Prisma.InputJsonObject,
      bodyText: body.text,
      // A published import goes live through the same snapshot as any publish.
      status: publish ? "APPROVED" : input.status,
      sectionId: section?.id ?? null,
      heroImageUrl: input.hero?.url ?? null,
      heroImageCaption: input.hero?.caption ?? null,
      heroImageCredit: input.hero?.credit ?? null,
      heroImageAlt: input.hero?.alt ?? null,
      createdById: input.createdById,
      authors: { create: input.authorIds.map((userId, position) => ({ userId, position })) },
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
      events: {
        create: [
          {
            action: "CREATE",
            fromStatus: publish ? "APPROVED" : input.status,
            toStatus: publish ? "APPROVED" : input.status,
            actorId: input.createdById,
            note: "Imported",
            // Just before an imported publish time, so the timeline reads in order.
            ...(input.publishedAt ? { createdAt: new Date(input.publishedAt.getTime() - 1) } : {}),
          },
        ],
      },
    },
    select: { id: true, slug: true, headline: true, version: true },
  });
  if (publish) {
    const creator = await tx.user.findUniqueOrThrow({
      where: { id: input.createdById },
      select: { id: true, displayName: true },
    });
    await writeStep(tx, {
      articleId: created.id,
      expectedVersion: created.version,
      from: "APPROVED",
      to: "PUBLISHED",
      action: "PUBLISH",
      actor: creator,
      note: "Imported",
      now: input.publishedAt ?? new Date(),
      headline: created.headline,
      publish: "first",
    });
  }
  return { id: created.id, slug: created.slug };
}
