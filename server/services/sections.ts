import type { SectionFields, SectionOrder } from "@/lib/schemas/sections";
import { slugify } from "@/lib/slugify";
import type { Db, DbOrTx } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";

// Sections (desks): admins create, rename, reorder and retire them. A section's address
// (/sections/<slug>) never changes: renaming changes the name readers see, and a retired
// section keeps its stories and its page, but is no longer offered for new work or in the menu.

export interface SectionChoice {
  id: string;
  name: string;
  slug: string;
  retired: boolean;
}

/** Every section in the newsroom's order, retired ones flagged (pickers offer only the others). */
export async function listSections(db: DbOrTx): Promise<SectionChoice[]> {
  const rows = await db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, retiredAt: true },
  });
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}

/**
 * Why a story or budget line may not be put in this section, or null: it must exist, and be in
 * use unless the story is already in it (a retired section's stories keep it when saved).
 */
export async function sectionRefusal(
  db: DbOrTx,
  sectionId: string | null | undefined,
  currentSectionId: string | null,
): Promise<string | null> {
  if (!sectionId) return null;
  const section = await db.section.findUnique({ where: { id: sectionId }, select: { retiredAt: true } });
  if (!section) return "That section does not exist";
  if (section.retiredAt && sectionId !== currentSectionId) return "That section is retired: choose another";
  return null;
}

/** The sections page: each with how many stories it holds. */
export async function sectionsForAdmin(db: DbOrTx) {
  const rows = await db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, retiredAt: true, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, stories: _count.articles }));
}

async function assertNameFree(db: DbOrTx, name: string, id: string | null) {
  const clash = await db.section.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(id ? { id: { not: id } } : {}) },
    select: { id: true },
  });
  if (clash) throw conflict("Another section already has that name.", { name: ["Another section has that name"] });
}

export async function createSection(db: Db, fields: SectionFields) {
  const slug = slugify(fields.name);
  if (!slug) throw badRequest("A section's name needs a letter or digit.", { name: ["Use letters or digits"] });
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, fields.name, null);
    if (await tx.section.findUnique({ where: { slug }, select: { id: true } }))
      throw conflict(`The address /sections/${slug} is taken by another section.`, {
        name: ["Another section has this address: choose a different name"],
      });
    const last = await tx.section.aggregate({ _max: { position: true } });
    return tx.section.create({
      data: { name: fields.name, slug, position: (last._max.position ?? 0) + 1 },
      select: { id: true, name: true, slug: true },
    });
  });
}

/** A new name; the address stays (links to the section keep working). */
export async function renameSection(db: Db, id: string, fields: SectionFields) {
  return db.$transaction(async (tx) => {
    if (!(await tx.section.findUnique({ where: { id }, select: { id: true } }))) throw notFound("That section");
    await assertNameFree(tx, fields.name, id);
    return tx.section.update({
      where: { id },
      data: { name: fields.name },
      select: { id: true, name: true, slug: true },
    });
  });
}

/** The order given, which must name every section once. */
export async function reorderSections(db: Db, order: SectionOrder) {
  return db.$transaction(async (tx) => {
    // One reorder at a time: two admins' orders are applied one after the other, never mixed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(724531002)`;
    const ids = (await tx.section.findMany({ select: { id: true } })).map((s) => s.id);
    const given = new Set(order.ids);
    if (given.size !== ids.length || ids.some((id) => !given.has(id)))
      throw conflict("The sections changed while you were ordering them. Reload to see them all.");
    await Promise.all(order.ids.map((id, position) => tx.section.update({ where: { id }, data: { position } })));
    return listSections(tx);
  });
}

/** Retires a section (or brings it back): its stories and addresses stay as they are. */
export async function setSectionRetired(db: Db, id: string, retired: boolean, now: Date) {
  const section = await db.section.findUnique({ where: { id }, select: { retiredAt: true } });
  if (!section) throw notFound("That section");
  if ((section.retiredAt !== null) === retired) return { id, retired };
  await db.section.update({ where: { id }, data: { retiredAt: retired ? now : null } });
  return { id, retired };
}
