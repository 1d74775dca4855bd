// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from "../server/db/connect";
import { applyMigrations } from "../server/db/migrate";
import { runCli } from "./lib/cli";

runCli(async (env) => {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database schema is up to date.");
  } finally {
    await database.close();
  }
});
