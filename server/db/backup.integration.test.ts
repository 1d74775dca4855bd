import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { LocalDiskStorage } from "@/server/media/storage";
import { uploadImage } from "@/server/services/media";
import { DATABASE_URL, db, makeUser, resetTablesBeforeEach } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { BackupError, restoreBackup, writeBackup } from "./backup";

resetTablesBeforeEach();
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "masthead-backup-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const counts = async (database: ReturnType<typeof createDb>) => ({
  users: await database.user.count(),
  articles: await database.article.count(),
  revisions: await database.articleRevision.count(),
  events: await database.workflowEvent.count(),
  media: await database.media.count(),
});

describe("backup and restore", () => {
  it("gives back every article, revision, event, user and image in an empty database", async () => {
    const writer = await makeUser("WRITER");
    const editor = await makeUser("EDITOR");
    const live = await articleIn("PUBLISHED", writer, editor, "Harbour vote counted");
    await articleIn("UNPUBLISHED", writer, editor, "Withdrawn story");
    const media = new LocalDiskStorage(path.join(scratch(), "media"));
    const picture = await sharp({ create: { width: 900, height: 500, channels: 3, background: "#0f766e" } })
      .jpeg()
      .toBuffer();
    const image = await uploadImage(db, media, writer, { bytes: picture, originalName: "harbour.jpg" });
    const before = await counts(db);

    const file = path.join(scratch(), "newsroom.tar.gz");
    const written = await writeBackup({ url: DATABASE_URL, media, file });
    const [setting] = await db.$queryRaw<
      { version: string }[]
    >`SELECT current_setting('server_version_num') AS version`;
    // The server's major (15 on the embedded default), and the image with its 480 px AVIF and WebP.
    expect(written).toMatchObject({
      format: 1,
      postgresMajor: Math.floor(Number(setting?.version) / 10_000),
      mediaFiles: 3,
    });

    // A new data directory: a fresh embedded PostgreSQL and an empty media folder.
    const target = await startEmbeddedPostgres({ dataDir: scratch(), throwaway: true });
    cleanups.push(() => target.stop());
    const restoredMedia = new LocalDiskStorage(path.join(scratch(), "media"));
    await restoreBackup({ url: target.url, media: restoredMedia, file });

    const restored = createDb(target.url, { max: 2 });
    cleanups.push(() => restored.$disconnect());
    expect(await counts(restored)).toEqual(before);
    expect(before).toMatchObject({ users: 2, articles: 2, media: 1 });
    expect(
      (await restored.article.findUniqueOrThrow({ where: { id: live.id }, include: { liveRevision: true } }))
        .liveRevision?.headline,
    ).toBe("Harbour vote counted");
    expect(await restoredMedia.get(image.fileName)).toEqual(await media.get(image.fileName));

    // Restoring twice, or into a database that is in use, is refused and changes nothing.
    const again = await restoreBackup({ url: target.url, media: restoredMedia, file }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BackupError);
    expect((again as Error).message).toMatch(/not empty/);
    expect(await counts(restored)).toEqual(before);
  }, 120_000);

  it("refuses a file that is not a backup", async () => {
    const file = path.join(scratch(), "notes.tar.gz");
    writeFileSync(file, "not an archive");
    const media = new LocalDiskStorage(path.join(scratch(), "media"));
    const error = await restoreBackup({ url: DATABASE_URL, media, file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/not a Masthead backup/);
  });
});
