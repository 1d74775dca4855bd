import path from "node:path";
import { defineConfig } from "prisma/config";

// The connection URL is given to the driver adapter at run time (server/db/client.ts);
// migrations run through scripts/db-migrate.ts, which works without Prisma's native engine.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
