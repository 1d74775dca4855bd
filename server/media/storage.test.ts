import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiskStorage, MediaStoreError } from "./storage";

const dirs: string[] = [];
const mounted: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "masthead-media-"));
  dirs.push(dir);
  return dir;
}

/** A real, small file system (tmpfs) so that "full" is the kernel's ENOSPC, not a stand-in. */
function smallFileSystem(options: string): string {
  const dir = scratch();
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]);
  mounted.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync("umount", [dir]);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

describe("LocalDiskStorage", () => {
  it("stores, reads and removes a file, leaving no temporary file", async () => {
    const dir = scratch();
    const store = new LocalDiskStorage(dir, 0);
    await store.put("a.jpg", Buffer.from("abc"));
    expect((await store.get("a.jpg"))?.toString()).toBe("abc");
    expect(readdirSync(dir)).toEqual(["a.jpg"]);
    await store.remove("a.jpg");
    expect(await store.get("a.jpg")).toBeNull();
    expect(await store.check()).toBe("ok");
  });

  it("refuses unsafe names", async () => {
    const store = new LocalDiskStorage(scratch(), 0);
    await expect(store.put("../x.jpg", Buffer.from("a"))).rejects.toThrow(/Unsafe/);
    expect(await store.get("../../etc/passwd")).toBeNull();
  });

  it("sweeps temporary files a killed process left, and only old ones", async () => {
    const dir = scratch();
    const store = new LocalDiskStorage(dir, 0);
    writeFileSync(path.join(dir, "old.jpg.part-abc"), "x");
    writeFileSync(path.join(dir, "old.jpg.part"), "x");
    writeFileSync(path.join(dir, "new.jpg.part-def"), "x");
    writeFileSync(path.join(dir, "kept.jpg"), "x");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(dir, "old.jpg.part-abc"), hourAgo, hourAgo);
    utimesSync(path.join(dir, "old.jpg.part"), hourAgo, hourAgo);
    utimesSync(path.join(dir, "kept.jpg"), hourAgo, hourAgo);
    expect(await store.sweepTemporary()).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["kept.jpg", "new.jpg.part-def"]);
  });

  // Mounting a tmpfs needs root, which CI and the README's test machines have.
  describe.runIf(isRoot)("on a real file system that fills up or is read-only", () => {
    it("a full disk is a 507 MediaStoreError, leaves no temporary file, and check() says full", async () => {
      const dir = smallFileSystem("size=256k");
      const store = new LocalDiskStorage(dir, 64 * 1024);
      await store.put("small.jpg", Buffer.alloc(100 * 1024, 1));
      const error = await store.put("big.jpg", Buffer.alloc(400 * 1024, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaStoreError);
      expect((error as MediaStoreError).httpStatus).toBe(507);
      expect((error as MediaStoreError).message).toMatch(/full/);
      expect(readdirSync(dir)).toEqual(["small.jpg"]);
      // The disk is left as it was before the failed write, so the next small upload works.
      await store.put("next.jpg", Buffer.alloc(10 * 1024, 1));
      expect(readdirSync(dir).sort()).toEqual(["next.jpg", "small.jpg"]);
      await store.put("fill.jpg", Buffer.alloc(100 * 1024, 1));
      expect(await store.check()).toBe("full");
    });

    it("a read-only store is a 503 MediaStoreError and check() says unavailable", async () => {
      const dir = smallFileSystem("size=256k,ro");
      const store = new LocalDiskStorage(dir, 0);
      const error = await store.put("a.jpg", Buffer.from("abc")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaStoreError);
      expect((error as MediaStoreError).httpStatus).toBe(503);
      expect(await store.check()).toBe("unavailable");
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});
