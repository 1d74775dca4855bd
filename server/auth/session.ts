import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db/client";
import { loadSessionUser, type SessionUser } from "../services/users";
import { readSessionToken } from "./session-token";

/** The signed-in, active user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSessionToken(await cookies());
  return loadSessionUser(getDb(), session.userId, session.sessionId);
});

/**
 * For newsroom pages: the current user, or a redirect to sign in. Layouts and pages render in
 * parallel, so each page checks for itself before calling procedures.
 */
export async function requireNewsroomUser(returnTo = "/newsroom"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
