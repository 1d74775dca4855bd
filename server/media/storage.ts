import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, readdir, readFile, rename, rm, stat, statfs, writeFile } from "node:fs/promises";
import path from "node:path";

/** What a media store says about itself (health, readiness). */
export type MediaStoreState = "ok" | "full" | "unavailable";

/**
 * Where media files live: the local disk by default (below), an S3-compatible bucket when one
 * is configured. Names are checked by every implementation (SAFE_NAME).
 */
export interface MediaStorage {
  put(name: string, data: Buffer): Promise<void>;
  get(name: string): Promise<Buffer | null>;
  remove(name: string): Promise<void>;
  /** Whether a write would work now. Cheap: called by the health check. */
  check(): Promise<MediaStoreState>;
  /** Every stored file's name (backups). */
  names(): AsyncIterable<string>;
}

export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/**
 * A write the store refused for a reason the uploader cannot fix by trying again at once:
 * full (507) or unavailable, read-only or unreachable (503).
 */
export class MediaStoreError extends Error {
  constructor(
    readonly state: Exclude<MediaStoreState, "ok">,
    message: string,
  ) {
    super(message);
    this.name = "MediaStoreError";
  }

  get httpStatus(): 503 | 507 {
    return this.state === "full" ? 507 : 503;
  }
}

const FULL_CODES = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
const UNAVAILABLE_CODES = new Set(["EROFS", "EACCES", "EPERM", "EIO", "ENOTDIR"]);

/** A write error as the uploader should see it; other errors stay as they are. */
export function storeError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FULL_CODES.has(code))
    return new MediaStoreError("full", "The media store is full: nothing was saved. Tell your administrator.");
  if (code && UNAVAILABLE_CODES.has(code))
    return new MediaStoreError(
      "unavailable",
      "The media store cannot be written to right now: nothing was saved. Tell your administrator.",
    );
  return error;
}

/** Room kept free below which the disk store reports itself full: one largest upload and its renditions. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;
const TEMPORARY = /\.part(?:-[A-Za-z0-9_-]+)?$/;

export class LocalDiskStorage implements MediaStorage {
  constructor(
    private readonly dir: string,
    private readonly minFreeBytes = MIN_FREE_BYTES,
  ) {}

  private file(name: string): string {
    if (!SAFE_NAME.test(name)) throw new Error(`Unsafe media name: ${name}`);
    return path.join(this.dir, name);
  }

  async put(name: string, data: Buffer): Promise<void> {
    const target = this.file(name);
    // Written under a temporary name and renamed, so a reader never sees half a file; the
    // temporary file is removed whatever fails, so a full disk does not stay full.
    const temporary = `${target}.part-${randomBytes(6).toString("base64url")}`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temporary, data, { flag: "wx" });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw storeError(error);
    }
  }

  async get(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(name));
    } catch {
      return null;
    }
  }

  async remove(name: string): Promise<void> {
    await rm(this.file(name), { force: true });
  }

  async check(): Promise<MediaStoreState> {
    try {
      await mkdir(this.dir, { recursive: true });
      await access(this.dir, constants.W_OK);
      const fs = await statfs(this.dir);
      if (fs.bavail * fs.bsize < this.minFreeBytes) return "full";
      // W_OK does not see a read-only mount; a file the size of nothing does.
      const probe = path.join(this.dir, `.probe-${randomBytes(6).toString("base64url")}.part`);
      await writeFile(probe, "");
      await rm(probe, { force: true });
      return "ok";
    } catch {
      return "unavailable";
    }
  }

  async *names(): AsyncGenerator<string> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names.sort()) if (SAFE_NAME.test(name) && !TEMPORARY.test(name)) yield name;
  }

  /** Removes temporary files older than `olderThanMs` that a killed process left behind; returns how many. */
  async sweepTemporary(olderThanMs = 60 * 60 * 1000): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!TEMPORARY.test(name)) continue;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => null);
      if (!info || Date.now() - info.mtimeMs < olderThanMs) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}
