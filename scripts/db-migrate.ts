// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { applyMigrations } from "../server/db/migrate";
import { openDatabaseFor, runCli } from "./lib/cli";

runCli(async (env) => {
  const database = await openDatabaseFor(env);
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database schema is up to date.");
  } finally {
    await database.close();
  }
});
