import { afterAll, beforeEach, inject } from "vitest";
import type { RoleName } from "@/lib/roles";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import { createDb } from "@/server/db/client";
import { createDraft } from "@/server/services/articles";
import type { SessionUser } from "@/server/services/users";

export const TEST_PASSWORD = "correct horse battery";

export const db = createDb(inject("databaseUrl"), { max: 20 });
afterAll(() => db.$disconnect());

let passwordHash: Promise<string> | undefined;

/** Every test starts from empty tables. */
export function resetTablesBeforeEach() {
  beforeEach(async () => {
    await db.$executeRawUnsafe(
      'TRUNCATE "ArticleTag", "ArticleAuthor", "Article", "Tag", "Section", "User", "SignInThrottle" CASCADE',
    );
  });
}

let counter = 0;
export async function makeUser(role: RoleName, overrides: { email?: string; active?: boolean } = {}): Promise<SessionUser> {
  counter += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}${counter}@example.test`,
      displayName: `${role[0]}${role.slice(1).toLowerCase()} ${counter}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, displayName: true, role: true },
  });
}

export async function makeDraft(author: SessionUser, headline = "A draft about harbours") {
  return createDraft(db, author, { headline });
}

/** A tRPC caller as the given user would get over HTTP (null: signed out). */
export async function callerFor(user: SessionUser | null) {
  return createCaller(await createContext({ db, userId: user?.id ?? null }));
}
