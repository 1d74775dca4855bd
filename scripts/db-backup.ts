// `npm run db:backup -- <file>`: the database (embedded, or DATABASE_URL) and every media file
// (the data directory's or the S3 bucket's) in one .tar.gz. Works while Masthead runs.
import path from "node:path";
import { BackupError, writeBackup } from "../server/db/backup";
import { runningEmbeddedUrl, StartupError } from "../server/db/connect";
import { createMediaStore } from "../server/media/media-store";
import { openDatabaseFor, runCli } from "./lib/cli";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("Usage: npm run db:backup -- <file.tar.gz>");
  process.exit(2);
}

runCli(async (env) => {
  const running = env.DATABASE_URL ? null : runningEmbeddedUrl(env.dataDir);
  const database = running ? { url: running, close: async () => undefined } : await openDatabaseFor(env);
  try {
    const target = path.resolve(file);
    const manifest = await writeBackup({
      url: database.url,
      media: createMediaStore(env),
      file: target,
      log: (line) => console.log(`masthead: ${line}`),
    });
    console.log(
      `masthead: backup written to ${target} (PostgreSQL ${manifest.postgresMajor}, ${manifest.mediaFiles} media files)`,
    );
  } catch (error) {
    if (error instanceof BackupError) throw new StartupError(error.message);
    throw error;
  } finally {
    await database.close();
  }
});
