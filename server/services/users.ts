import { newPasswordHash } from "./accounts";
import { endSessions, isSessionId } from "./sessions";
import type { RoleName } from "@/lib/roles";
import { slugify } from "@/lib/slugify";
import type { CreateUserInput, UpdateProfileInput } from "@/lib/schemas/user";
import type { Db, DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { conflict, DomainError, notFound } from "../errors";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: RoleName;
}

/** Everything about a user that may leave the server: never the password hash. */
export const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  active: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/**
 * The user behind a session, read afresh on every request so that a role change or a
 * deactivation takes effect at once. Null for unknown or deactivated users.
 */
/**
 * The active user a request acts as, with their current role. Over HTTP `sessionId` is the
 * session cookie's (null when the token has none): the session must still exist, so a token
 * kept after signing out, a password change or a reset is refused. Left undefined by callers
 * that are not requests (tests, scripts).
 */
export async function loadSessionUser(
  db: DbOrTx,
  id: string | null | undefined,
  sessionId?: string | null,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  if (sessionId !== undefined && (sessionId === null || !isSessionId(sessionId))) return null;
  const user = await db.user.findFirst({
    where: {
      id,
      active: true,
      ...(sessionId ? { sessions: { some: { id: sessionId, expiresAt: { gt: now } } } } : {}),
    },
    select: { id: true, email: true, displayName: true, role: true },
  });
  return user;
}

export function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { displayName: "asc" }] });
}

/**
 * A free author-page slug from a name: "ann-bell", then "ann-bell-2", … Users and
 * contributors share /authors/<slug>, so neither may take the other's.
 */
export async function freeAuthorSlug(db: DbOrTx, displayName: string): Promise<string> {
  const base = slugify(displayName) || "author";
  const near = { where: { slug: { startsWith: base } }, select: { slug: true } } as const;
  // A merged contributor's address still leads to the one it was merged into: never reused.
  const [users, contributors, merged] = await Promise.all([
    db.user.findMany(near),
    db.contributor.findMany(near),
    db.mergedContributor.findMany(near),
  ]);
  const taken = new Set([...users, ...contributors, ...merged].map((u) => u.slug));
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function createUser(db: DbOrTx, input: CreateUserInput): Promise<UserRow> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw conflict("Someone already has that email address.", { email: ["Someone already has that email address"] });
  }
  return db.user.create({
    data: {
      email: input.email,
      displayName: input.displayName,
      slug: await freeAuthorSlug(db, input.displayName),
      role: input.role,
      passwordHash: await newPasswordHash(input.password, { email: input.email, name: input.displayName }),
    },
    select: userSelect,
  });
}

/**
 * Runs a change to one user's role or active flag, refusing it when it would leave the
 * newsroom without an active admin. Admin rows are locked so two admins demoting each other
 * at once cannot both succeed.
 */
async function changeAdminSafely(
  db: Db,
  userId: string,
  data: { role?: RoleName; active?: boolean },
): Promise<UserRow> {
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!target) throw notFound("That user");
    const staysAdmin = (data.role ?? target.role) === "ADMIN" && (data.active ?? target.active);
    const isActiveAdmin = admins.some((admin) => admin.id === userId);
    if (isActiveAdmin && !staysAdmin && admins.length <= 1) {
      throw new DomainError(
        "CONFLICT",
        "The newsroom needs at least one active admin: make someone else an admin first.",
      );
    }
    const updated = await tx.user.update({ where: { id: userId }, data, select: userSelect });
    // A deactivated person is signed out everywhere at once.
    if (data.active === false) await endSessions(tx, userId);
    return updated;
  });
}

/** Corrects a person's name or email (admins). The email stays unique. */
export async function updatePerson(
  db: DbOrTx,
  input: { userId: string; email: string; displayName: string },
): Promise<UserRow> {
  const clash = await db.user.findFirst({
    where: { email: input.email, id: { not: input.userId } },
    select: { id: true },
  });
  if (clash) throw conflict("Someone else has that email address.", { email: ["Someone else has that email address"] });
  const found = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!found) throw notFound("That person");
  return db.user.update({
    where: { id: input.userId },
    data: { email: input.email, displayName: input.displayName },
    select: userSelect,
  });
}

export function changeRole(db: Db, userId: string, role: RoleName): Promise<UserRow> {
  return changeAdminSafely(db, userId, { role });
}

export function setActive(db: Db, userId: string, active: boolean): Promise<UserRow> {
  return changeAdminSafely(db, userId, { active });
}

/** The signed-in user's own author profile (public on /authors/<slug>). */
export async function getProfile(db: DbOrTx, userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { displayName: true, slug: true, bio: true, photoUrl: true },
  });
}

/** Refuses an author page's photo that is not in the media library. */
export async function checkLibraryPhoto(db: DbOrTx, photoUrl: string | null): Promise<void> {
  if (
    photoUrl &&
    !(await db.media.findUnique({ where: { fileName: photoUrl.slice("/media/".length) }, select: { id: true } }))
  ) {
    throw new DomainError("BAD_REQUEST", "That photo is not in the media library.", {
      photoUrl: ["Choose the photo from the media library"],
    });
  }
}

/** Saves a bio and a portrait; the portrait must be in the media library. */
export async function updateProfile(db: DbOrTx, userId: string, input: UpdateProfileInput) {
  await checkLibraryPhoto(db, input.photoUrl);
  const select = { displayName: true, slug: true, bio: true, photoUrl: true } as const;
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select });
  const profile = await db.user.update({
    where: { id: userId },
    data: { bio: input.bio, photoUrl: input.photoUrl },
    select,
  });
  return { profile, changed: before.bio !== profile.bio || before.photoUrl !== profile.photoUrl };
}
