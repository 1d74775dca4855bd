import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

/** Prisma's layout: prisma/migrations/<timestamp>_<name>/migration.sql plus migration_lock.toml. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma", "schema.prisma");

export function readMigrationList(baseDir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(baseDir, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

export function readSchemaFile(schemaPath: string = SCHEMA_PATH) {
  return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
}
