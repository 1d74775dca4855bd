import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { isRetryable } from "@/server/api/errors";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createDb } from "@/server/db/client";
import { DATABASE_URL, makeDraft, makeUser, outcome, resetTablesBeforeEach } from "@/tests/db";

// The app's connections carry lock_timeout and statement_timeout (MASTHEAD_DB_LOCK_TIMEOUT_MS,
// MASTHEAD_DB_STATEMENT_TIMEOUT_MS): a request that would wait on someone else's row lock is
// refused fast with a CONFLICT, instead of holding a pooled connection for as long as the lock.

resetTablesBeforeEach();
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** An outside session (a psql prompt, a long report) holding one article's row lock. */
async function holdRowLock(articleId: string) {
  const holder = new pg.Client({ connectionString: DATABASE_URL });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(`SELECT id FROM "Article" WHERE id = $1 FOR UPDATE`, [articleId]);
  closers.push(async () => {
    await holder.query("ROLLBACK");
    await holder.end();
  });
}

describe("database timeouts", () => {
  it("a save waiting on a held row lock is a CONFLICT within the lock timeout; other stories and the pool stay free", async () => {
    const writer = await makeUser("WRITER");
    const held = await makeDraft(writer, "Held by someone else");
    const other = await makeDraft(writer, "Another story");
    // A small pool, so that a blocked connection would show.
    const app = createDb(DATABASE_URL, { max: 2, lockTimeoutMs: 300, statementTimeoutMs: 5_000 });
    closers.push(() => app.$disconnect());
    const caller = createCaller(await createContext({ db: app, userId: writer.id }));
    await holdRowLock(held.id);

    const save = (id: string) =>
      caller.article.update({
        id,
        version: 1,
        headline: "New headline",
        standfirst: "",
        sectionId: null,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] },
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      });
    const refused = await Promise.all([save(held.id), save(held.id), save(held.id)].map((p) => outcome(p)));
    expect(refused).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    const error = await save(held.id).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Someone else is changing this right now/);
    // The client keeps the text and tries again (use-autosave), instead of showing a conflict.
    expect(isRetryable((error as TRPCError).cause)).toBe(true);
    // The lock is never released during the test: without the timeout these saves would still be waiting.

    expect(await outcome(save(other.id))).toBe("ok");
    expect((await caller.article.get({ id: held.id })).headline).toBe("Held by someone else");
  });

  it("a query running past the statement timeout is cancelled", async () => {
    const app = createDb(DATABASE_URL, { statementTimeoutMs: 1_000 });
    closers.push(() => app.$disconnect());
    const error = await app.$queryRaw`SELECT pg_sleep(5)`.catch((e: unknown) => e);
    expect(String(error)).toMatch(/statement timeout/);
  });
});
