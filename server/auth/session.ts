import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db/client";
import { loadSessionUser, type SessionUser } from "../services/users";
import { authOptions } from "./options";

/** The signed-in, active user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return loadSessionUser(getDb(), session?.user?.id);
});
