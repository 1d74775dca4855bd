// `npm run db:seed`: the default sections. `npm run db:seed -- --demo`: also demo accounts
// and content, only into a database that has no users yet. Either migrates the database first
// (the embedded default or DATABASE_URL), so it works on a fresh data directory.
import { createDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedSections } from "../server/services/seed";
import { createMediaStore } from "../server/media/media-store";
import { openDatabaseFor, runCli } from "./lib/cli";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--demo");
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown[0]}. Usage: npm run db:seed [-- --demo]`);
  process.exit(2);
}

runCli(async (env) => {
  const database = await openDatabaseFor(env);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await database.close();
    throw error;
  }
  const db = createDb(database.url, { max: 2 });
  try {
    await seedSections(db);
    console.log("Sections are in place.");
    if (args.includes("--demo")) {
      if (await seedDemo(db, createMediaStore(env))) {
        console.log(`Demo content and accounts created (password: ${DEMO_PASSWORD}):`);
        for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(6)} ${account.email}`);
      } else {
        console.log("The database already has users: demo content was not added.");
        return 1;
      }
    }
  } finally {
    await db.$disconnect();
    await database.close();
  }
});
