import { inject, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/server/db/migrate";

describe("migrations", () => {
  it("prisma/schema.prisma and prisma/migrations describe the same database", async () => {
    const sql = await diffMigrationsToSchema(inject("databaseUrl"));
    // The engine answers with an empty script when they agree; anything else is drift:
    // run `npm run db:migration:new -- <name>` and commit the migration.
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });
});
