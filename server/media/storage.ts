import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where media files live. Local disk today; an S3-compatible store can implement the same. */
export interface MediaStorage {
  put(name: string, data: Buffer): Promise<void>;
  get(name: string): Promise<Buffer | null>;
  remove(name: string): Promise<void>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly dir: string) {}

  private file(name: string): string {
    if (!SAFE_NAME.test(name)) throw new Error(`Unsafe media name: ${name}`);
    return path.join(this.dir, name);
  }

  async put(name: string, data: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const target = this.file(name);
    await writeFile(`${target}.part`, data, { flag: "wx" });
    await rename(`${target}.part`, target);
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
}
