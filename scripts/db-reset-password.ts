// `npm run db:reset-password`: gives the embedded database a new password and writes it to
// <data dir>/postgres-password, for when that file was lost. Masthead must not be running.
import { acquireInstanceLock, AlreadyRunningError } from "../server/db/instance-lock";
import { EmbeddedPostgresError, resetEmbeddedPassword } from "../server/db/embedded";
import { StartupError } from "../server/db/connect";
import { runCli } from "./lib/cli";

runCli(async (env) => {
  if (env.DATABASE_URL)
    throw new StartupError("DATABASE_URL is set: change that server's password with its own tools instead.");
  let release: () => void;
  try {
    release = acquireInstanceLock(env.dataDir);
  } catch (error) {
    if (error instanceof AlreadyRunningError) throw new StartupError(error.message);
    throw error;
  }
  try {
    await resetEmbeddedPassword(env.dataDir, (line) => console.log(`masthead: ${line}`));
    console.log(`masthead: the embedded database has a new password, written to ${env.dataDir}/postgres-password`);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw new StartupError(error.message);
    throw error;
  } finally {
    release();
  }
});
