import type { NewsroomSettingsInput } from "@/lib/schemas/newsroom-settings";
import type { DbOrTx } from "../db/client";
import type { SessionUser } from "./users";

export interface NewsroomSettingsView {
  /** Writers may open colleagues' stories read-only (no editing, no comments). */
  colleaguesCanRead: boolean;
}

/** Until an admin changes them: what a newsroom usually wants. */
const DEFAULTS: NewsroomSettingsView = { colleaguesCanRead: true };

export async function newsroomSettings(db: DbOrTx): Promise<NewsroomSettingsView> {
  const row = await db.newsroomSettings.findUnique({ where: { id: 1 }, select: { colleaguesCanRead: true } });
  return row ?? DEFAULTS;
}

export async function updateNewsroomSettings(
  db: DbOrTx,
  actor: SessionUser,
  input: NewsroomSettingsInput,
): Promise<NewsroomSettingsView> {
  return db.newsroomSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...input, updatedById: actor.id },
    update: { ...input, updatedById: actor.id },
    select: { colleaguesCanRead: true },
  });
}
