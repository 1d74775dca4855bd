// Run by the launcher (scripts/run.ts) in a process of its own before the web server starts,
// so that what it loads (the migration engine, Prisma, sharp for the demo image) is freed when
// it exits: sweeps unfinished uploads, applies migrations, seeds demo content (`dev`) or prints
// the set-up link for the first admin (`start`, no accounts yet). DATABASE_URL is set by the
// launcher; MASTHEAD_PREPARE_EMBEDDED says whether it is the embedded database.
import { createDb } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { createMediaStore, describeMediaStore } from "../server/media/media-store";
import { LocalDiskStorage } from "../server/media/storage";
import { issueSetupLink } from "../server/services/account-tokens";
import { syncSearchLanguage } from "../server/services/search-language";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../server/services/seed";
import { runCli } from "./lib/cli";

const mode = process.argv[2] === "start" ? "start" : "dev";

runCli(async (env) => {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("prepare.ts is run by the launcher, with DATABASE_URL set");
  const embedded = process.env.MASTHEAD_PREPARE_EMBEDDED === "true";
  const log = (line: string) => console.log(`masthead: ${line}`);
  const media = createMediaStore(env);
  log(describeMediaStore(env));
  if (media instanceof LocalDiskStorage) {
    const swept = await media.sweepTemporary();
    if (swept > 0) log(`removed ${swept} unfinished upload file(s) left in ${env.mediaDir}`);
  }
  if (env.MASTHEAD_MIGRATE_ON_START) {
    const applied = await applyMigrations(url);
    log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  }
  const db = createDb(url, { max: 2 });
  try {
    const reindexed = await syncSearchLanguage(db, env.MASTHEAD_LANGUAGE);
    if (reindexed > 0)
      log(`the newsroom's language is now ${env.MASTHEAD_LANGUAGE}: ${reindexed} stories re-indexed for search`);
    if (mode === "dev" && embedded && (await seedDemo(db, media))) {
      log("seeded demo content. Demo accounts (password: " + DEMO_PASSWORD + "):");
      for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(6)} ${account.email}`);
    }
    const setupLink = mode === "start" ? await issueSetupLink(db) : null;
    if (setupLink) {
      log("no accounts yet. Open this link to create the first admin (it works once, for one hour):");
      log(`  ${setupLink}`);
      log("(or run: npm run user:create; for demo accounts and content: npm run db:seed -- --demo)");
    }
  } finally {
    await db.$disconnect();
  }
});
