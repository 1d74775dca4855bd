import { EnvError, parseLaunchEnv, type LaunchEnv } from "../../server/env";
import { openDatabase, StartupError, type OpenDatabase } from "../../server/db/connect";

/** Runs a command-line entry point: expected failures print one clear line and exit 1. */
export function runCli(main: (env: LaunchEnv) => Promise<number | void>): void {
  let env: LaunchEnv;
  try {
    env = parseLaunchEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`masthead: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  main(env).then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof StartupError || error instanceof EnvError) console.error(`masthead: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}

/** The database the environment names: DATABASE_URL, else the embedded one in the data directory. */
export function openDatabaseFor(env: LaunchEnv, log?: (line: string) => void): Promise<OpenDatabase> {
  return openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    embeddedPort: env.MASTHEAD_EMBEDDED_PG_PORT,
    log,
  });
}
