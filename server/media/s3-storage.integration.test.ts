import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "@/server/db/embedded";
import { uploadImage } from "@/server/services/media";
import type { SessionUser } from "@/server/services/users";
import { db, makeUser, resetTablesBeforeEach } from "@/tests/db";
import { startS3, type TestS3 } from "@/tests/s3";
import { S3Storage } from "./s3-storage";
import { MediaStoreError, type MediaStorage } from "./storage";

// Against a real S3-protocol server (s3rver) on loopback.

let s3: TestS3;
let store: S3Storage;
let writer: SessionUser;
resetTablesBeforeEach();
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => s3.stop());
beforeEach(async () => {
  writer = await makeUser("WRITER");
  store = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true });
  for await (const name of store.names()) await store.remove(name);
});

const listed = async (storage: MediaStorage) => {
  const names: string[] = [];
  for await (const name of storage.names()) names.push(name);
  return names.sort();
};

const photo = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: "#336699" } })
    .jpeg()
    .toBuffer();

describe("media in an S3 bucket", () => {
  it("stores, reads, lists and removes files; a missing file is null", async () => {
    await store.put("a.jpg", Buffer.from("abc"));
    expect((await store.get("a.jpg"))?.toString()).toBe("abc");
    expect(await store.get("missing.jpg")).toBeNull();
    expect(await store.get("../escape.jpg")).toBeNull();
    expect(await listed(store)).toEqual(["a.jpg"]);
    expect(await store.check()).toBe("ok");
    await store.remove("a.jpg");
    expect(await listed(store)).toEqual([]);
  });

  it("an upload writes the master and every rendition to the bucket", async () => {
    const media = await uploadImage(db, store, writer, { bytes: await photo(), originalName: "harbour.jpg" });
    const names = await listed(store);
    expect(names).toContain(media.fileName);
    expect(names.filter((n) => n !== media.fileName)).toHaveLength(4); // 480 and 960, AVIF and WebP
    expect((await sharp((await store.get(media.fileName)) ?? Buffer.alloc(0)).metadata()).width).toBe(1200);
  });

  it("a failed upload leaves nothing behind: no object, no row", async () => {
    // The bucket refuses the fourth file (a rendition), after three were stored.
    let puts = 0;
    const failing: MediaStorage = {
      put: async (name, data) => {
        puts += 1;
        if (puts === 4) throw new MediaStoreError("unavailable", "The media store cannot be reached.");
        await store.put(name, data);
      },
      get: (name) => store.get(name),
      remove: (name) => store.remove(name),
      check: () => store.check(),
      names: () => store.names(),
    };
    const error = await uploadImage(db, failing, writer, { bytes: await photo(), originalName: "harbour.jpg" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MediaStoreError);
    expect(await listed(store)).toEqual([]);
    expect(await db.media.count()).toBe(0);
  });

  it("an unreachable store says so: check() is unavailable and a write is a 503", async () => {
    const nowhere = new S3Storage({
      bucket: s3.bucket,
      endpoint: `http://127.0.0.1:${await freePort()}`,
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(await nowhere.check()).toBe("unavailable");
    const error = await nowhere.put("a.jpg", Buffer.from("abc")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaStoreError);
    expect((error as MediaStoreError).httpStatus).toBe(503);
  });
});
