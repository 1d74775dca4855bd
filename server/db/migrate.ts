import { migrateQueue } from "../jobs/worker";
import { readMigrationList, readSchemaFile, SCHEMA_PATH } from "./migrations-dir";
import { SCHEMA_FILTERS, withSchemaEngine } from "./schema-engine";

/** Applies every migration not yet applied (what `prisma migrate deploy` does). */
export async function applyMigrations(url: string): Promise<string[]> {
  const applied = await withSchemaEngine(url, null, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList(),
      filters: SCHEMA_FILTERS,
    });
    return result.appliedMigrationNames;
  });
  // The mail queue's own tables (schema graphile_worker), kept by graphile-worker itself.
  await migrateQueue(url);
  return applied;
}

/**
 * The SQL that would bring a database built from the committed migrations to what
 * schema.prisma describes. Empty when they agree. Needs a server that allows CREATE DATABASE
 * (for the shadow database).
 */
export async function diffMigrationsToSchema(url: string): Promise<string> {
  const schema = readSchemaFile(SCHEMA_PATH);
  return withSchemaEngine(url, schema, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationList() },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: SCHEMA_FILTERS,
    });
    return (result.stdout ?? "").trim();
  });
}
