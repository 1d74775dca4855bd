import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/server/media/storage";
import { MAX_UPLOAD_BYTES, uploadImage } from "@/server/services/media";
import type { SessionUser } from "@/server/services/users";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PublicChange } from "@/server/public-cache";
import { callerFor, db, FIXED_NOW, makeUser, outcome, resetTablesBeforeEach } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let dir: string;
let storage: LocalDiskStorage;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  dir = mkdtempSync(path.join(os.tmpdir(), "masthead-media-test-"));
  storage = new LocalDiskStorage(dir);
});

const photoWithGps = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: "#336699" } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: "Agency" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .toBuffer();

describe("uploading images", () => {
  it("strips EXIF location from a JPEG and makes AVIF and WebP renditions", async () => {
    const input = await photoWithGps();
    expect((await sharp(input).metadata()).exif?.length).toBeGreaterThan(0);
    const media = await uploadImage(db, storage, writer, { bytes: input, originalName: "IMG_0001.JPG" });
    expect(media).toMatchObject({ mimeType: "image/jpeg", width: 1200, height: 800, originalName: "IMG_0001.JPG" });
    const stored = await storage.get(media.fileName);
    expect(stored).not.toBeNull();
    const meta = await sharp(stored ?? Buffer.alloc(0)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored?.includes(Buffer.from("GPS"))).toBe(false);
    expect((media.renditions as { width: number; format: string }[]).map((r) => `${r.width} ${r.format}`)).toEqual([
      "480 avif",
      "480 webp",
      "960 avif",
      "960 webp",
    ]);
    const names = [media.fileName, ...[480, 960].flatMap((w) => [`${media.id}-${w}.avif`, `${media.id}-${w}.webp`])];
    expect(readdirSync(dir).sort()).toEqual(names.sort());
    const avif = await sharp((await storage.get(`${media.id}-480.avif`)) ?? Buffer.alloc(0)).metadata();
    expect(avif).toMatchObject({ format: "heif", width: 480, height: 320 });
    expect(avif.exif).toBeUndefined();
    const webp = await sharp((await storage.get(`${media.id}-960.webp`)) ?? Buffer.alloc(0)).metadata();
    expect(webp).toMatchObject({ format: "webp", width: 960, height: 640 });
  });

  it("refuses a text file renamed to .jpg, and stores nothing", async () => {
    await expect(
      uploadImage(db, storage, writer, { bytes: Buffer.from("<script>alert(1)</script>"), originalName: "photo.jpg" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That file is not an image: Masthead accepts JPEG, PNG, WebP, AVIF and GIF.",
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(await db.media.count()).toBe(0);
  });

  it("refuses an oversize file and a damaged image, and stores nothing", async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    await expect(uploadImage(db, storage, writer, { bytes: big, originalName: "huge.jpg" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    await expect(
      uploadImage(db, storage, writer, { bytes: damaged, originalName: "broken.jpg" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(readdirSync(dir)).toEqual([]);
    expect(await db.media.count()).toBe(0);
  });

  it("removes the files it wrote when the database refuses the row", async () => {
    const png = await sharp({ create: { width: 600, height: 400, channels: 4, background: "#ffffff" } })
      .png()
      .toBuffer();
    const ghost = { ...writer, id: "018f0000-0000-7000-8000-0000000000ff" };
    await expect(uploadImage(db, storage, ghost, { bytes: png, originalName: "a.png" })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("the library lists and finds images, and alt text is required to describe one", async () => {
    const media = await uploadImage(db, storage, writer, { bytes: await photoWithGps(), originalName: "harbour.jpg" });
    const caller = await callerFor(writer);
    await caller.media.describe({
      id: media.id,
      caption: "Ferries at dawn",
      credit: "Jane Doe",
      alt: "Two ferries moored at the harbour",
    });
    expect((await caller.media.list({ query: "ferries", limit: 10 })).map((m) => m.id)).toEqual([media.id]);
    expect(await caller.media.list({ query: "nothing like it", limit: 10 })).toEqual([]);
    expect(await outcome(caller.media.describe({ id: media.id, caption: "", credit: "", alt: " " }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome((await callerFor(null)).media.list({ limit: 10 }))).toBe("UNAUTHORIZED");
  });
});

describe("who may describe a library image", () => {
  const roles = [
    ["its uploader", "ok"],
    ["another writer", "FORBIDDEN"],
    ["an editor", "ok"],
    ["an admin", "ok"],
    ["a signed-out visitor", "UNAUTHORIZED"],
  ] as const;

  it.each(roles)("%s → %s, and a refusal changes nothing", async (who, expected) => {
    const media = await uploadImage(db, storage, writer, { bytes: await photoWithGps(), originalName: "quay.jpg" });
    const actors = {
      "its uploader": writer,
      "another writer": await makeUser("WRITER"),
      "an editor": await makeUser("EDITOR"),
      "an admin": await makeUser("ADMIN"),
      "a signed-out visitor": null,
    };
    const caller = await callerFor(actors[who]);
    const change = { id: media.id, caption: "Rewritten", credit: "Someone", alt: "Changed alt text" };
    expect(await outcome(caller.media.describe(change))).toBe(expected);
    const stored = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(stored.alt === "Changed alt text").toBe(expected === "ok");
    if (expected === "UNAUTHORIZED") return;
    const listed = (await caller.media.list({ limit: 10 })).find((item) => item.id === media.id);
    expect(listed?.canDescribe).toBe(expected === "ok");
  });

  it("an unknown image is NOT_FOUND", async () => {
    const caller = await callerFor(await makeUser("EDITOR"));
    const missing = { id: "018f0000-0000-7000-8000-000000000001", caption: "", credit: "", alt: "Alt" };
    expect(await outcome(caller.media.describe(missing))).toBe("NOT_FOUND");
  });
});

describe("an image's focal point", () => {
  it("starts at the centre, is kept, refused outside the picture, and re-crops the live stories it heads", async () => {
    const editor = await makeUser("EDITOR");
    const media = await uploadImage(db, storage, writer, { bytes: await photoWithGps(), originalName: "quay.jpg" });
    expect(media).toMatchObject({ focalX: 0.5, focalY: 0.5 });
    // A story headed by it goes live (revisions cannot be changed: the hero is set before).
    const story = await articleIn("APPROVED", writer, editor, "Quay reopens");
    await db.article.update({
      where: { id: story.id },
      data: {
        heroImageUrl: `/media/${media.fileName}`,
        heroImageAlt: "The quay",
        heroImageCredit: "Jane Doe",
        heroImageCaption: "The quay at dawn",
        version: { increment: 1 },
      },
    });
    await (await callerFor(editor)).workflow.publish({ id: story.id, version: story.version + 1 });
    const changes: PublicChange[] = [];
    const caller = createCaller({
      ...(await createContext({ db, userId: writer.id, publicCache: { changed: async (c) => void changes.push(c) } })),
      clock: () => FIXED_NOW,
      timeZone: "UTC",
    });
    const described = { id: media.id, caption: "", credit: "", alt: "The quay" };
    await caller.media.describe({ ...described, focalX: 0.8, focalY: 0.25 });
    expect(
      await db.media.findUniqueOrThrow({ where: { id: media.id }, select: { focalX: true, focalY: true } }),
    ).toEqual({
      focalX: 0.8,
      focalY: 0.25,
    });
    // The story's pages (its share images among them) are refreshed; a save leaving the point alone refreshes nothing.
    expect(changes).toEqual([{ tags: [`article:${story.slug}`], takedown: false }]);
    await caller.media.describe({ ...described, caption: "New caption" });
    await caller.media.describe({ ...described, focalX: 0.8, focalY: 0.25 });
    expect(changes).toHaveLength(1);
    for (const bad of [{ focalX: 1.2 }, { focalY: -0.1 }, { focalX: Number.NaN }]) {
      expect(await outcome(caller.media.describe({ ...described, ...bad })), JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await db.media.findUniqueOrThrow({ where: { id: media.id }, select: { focalX: true } })).toEqual({
      focalX: 0.8,
    });
    // A colleague may not move it.
    const other = await callerFor(await makeUser("WRITER"));
    expect(await outcome(other.media.describe({ ...described, focalX: 0.1 }))).toBe("FORBIDDEN");
  });
});
