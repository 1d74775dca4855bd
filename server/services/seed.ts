import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArticleMarkdown } from "@/lib/content/article-import";
import { paragraphs } from "@/lib/content/document";
import type { RoleName } from "@/lib/roles";
import { slugify } from "@/lib/slugify";
import type { Db } from "../db/client";
import type { MediaStorage } from "../media/storage";
import { importArticle } from "./articles";
import { describeMedia, uploadImage } from "./media";
import { createUser } from "./users";

export const DEMO_PASSWORD = "masthead-demo";
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: RoleName }[] = [
  { email: "writer@example.com", displayName: "Wendy Writer", role: "WRITER" },
  { email: "editor@example.com", displayName: "Eddie Editor", role: "EDITOR" },
  { email: "admin@example.com", displayName: "Ada Admin", role: "ADMIN" },
];

export const DEFAULT_SECTIONS = ["World", "Politics", "Business", "Science", "Culture", "Sport", "Opinion"];

const SEED_DIR = path.resolve(process.cwd(), "prisma", "seed");

/** Reference data every newsroom starts with; safe to run again. */
export async function seedSections(db: Db): Promise<void> {
  for (const name of DEFAULT_SECTIONS) {
    await db.section.upsert({ where: { slug: slugify(name) }, update: {}, create: { slug: slugify(name), name } });
  }
}

/**
 * Demo accounts and content: the sample story published (its hero image in the media library,
 * with renditions, like any upload), and a draft by the demo writer.
 * Runs only on a database with no users, so it never touches a real newsroom's data.
 * Returns false when the database already had users.
 */
export async function seedDemo(db: Db, media: MediaStorage): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const story = parseArticleMarkdown(readFileSync(path.join(SEED_DIR, "sample-article.md"), "utf8"));
  await db.$transaction(
    async (tx) => {
      const users = [];
      for (const account of DEMO_ACCOUNTS) users.push(await createUser(tx, { ...account, password: DEMO_PASSWORD }));
      const [writer, editor] = users;
      if (!writer || !editor) throw new Error("demo accounts were not created");
      let hero: { url: string; caption: string; credit: string; alt: string } | undefined;
      if (story.hero) {
        const name = path.basename(story.hero.image);
        const uploaded = await uploadImage(tx, media, writer, {
          bytes: readFileSync(path.join(SEED_DIR, name)),
          originalName: name,
        });
        await describeMedia(tx, writer, {
          id: uploaded.id,
          caption: story.hero.caption,
          credit: story.hero.credit,
          alt: story.hero.alt,
        });
        hero = {
          url: `/media/${uploaded.fileName}`,
          caption: story.hero.caption,
          credit: story.hero.credit,
          alt: story.hero.alt,
        };
      }
      await importArticle(tx, {
        ...story,
        hero,
        createdById: writer.id,
        authorIds: [writer.id],
        status: "PUBLISHED",
        publishedAt: new Date(),
      });
      await importArticle(tx, {
        headline: "City council weighs new cycle lanes for the harbour front",
        standfirst: "A draft in progress: not for publication.",
        section: "Politics",
        tags: [],
        body: paragraphs(["Councillors will vote next week on a plan to add protected cycle lanes along the harbour."]),
        createdById: writer.id,
        authorIds: [writer.id],
        status: "DRAFT",
      });
    },
    { timeout: 30_000 },
  );
  await seedSections(db);
  return true;
}
