// `npm run db:restore -- <file>`: a backup made by db:backup, into an empty database (a new
// MASTHEAD_DATA_DIR for the embedded default, or an empty DATABASE_URL database) and the
// configured media store. Masthead must not be running on that data directory.
import path from "node:path";
import { BackupError, restoreBackup } from "../server/db/backup";
import { StartupError } from "../server/db/connect";
import { createMediaStore } from "../server/media/media-store";
import { openDatabaseFor, runCli } from "./lib/cli";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("Usage: npm run db:restore -- <file.tar.gz>");
  process.exit(2);
}

runCli(async (env) => {
  const database = await openDatabaseFor(env, (line) => console.log(`masthead: ${line}`));
  try {
    const manifest = await restoreBackup({
      url: database.url,
      media: createMediaStore(env),
      file: path.resolve(file),
      log: (line) => console.log(`masthead: ${line}`),
    });
    console.log(
      `masthead: restored the backup of ${manifest.createdAt}; start Masthead as usual (it applies newer migrations).`,
    );
  } catch (error) {
    if (error instanceof BackupError) throw new StartupError(error.message);
    throw error;
  } finally {
    await database.close();
  }
});
