import { decode } from "next-auth/jwt";

/** What the session cookie says: whose it is and which server-side session it belongs to. */
export interface SessionToken {
  userId: string | null;
  sessionId: string | null;
}

const NO_SESSION: SessionToken = { userId: null, sessionId: null };

/** A request's cookies as Next gives them (a route's `req.cookies`, or `await cookies()`). */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/** The cookie next-auth keeps the session token in (prefixed when the site is served over https). */
export function sessionCookieName(siteUrl = process.env.NEXTAUTH_URL ?? ""): string {
  return `${siteUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/** The token from the cookies, joined from next-auth's numbered chunks when it was split. */
function tokenOf(cookies: ReadonlyMap<string, string>, name: string): string | undefined {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i += 1) chunks.push(cookies.get(`${name}.${i}`) ?? "");
  return chunks.length > 0 ? chunks.join("") : undefined;
}

/**
 * Reads and checks (signature, expiry) the session cookie of a request, as next-auth's
 * getServerSession does, without what it does next: encrypting a renewed token that nobody
 * sends back (it cannot set cookies from a server component or from here). A sign-in lasts
 * SESSION_MAX_AGE_S whatever the cookie says (the server-side session ends then), so renewing
 * it on every request would change nothing. Whether the session and its user are still
 * active is loadSessionUser's question.
 */
export async function readSessionToken(
  jar: CookieJar,
  secret = process.env.NEXTAUTH_SECRET ?? "",
): Promise<SessionToken> {
  const token = tokenOf(new Map(jar.getAll().map((c) => [c.name, c.value])), sessionCookieName());
  if (!token || !secret) return NO_SESSION;
  try {
    const payload = await decode({ token, secret });
    if (!payload) return NO_SESSION;
    return {
      userId: typeof payload.sub === "string" ? payload.sub : null,
      sessionId: typeof payload.sid === "string" ? payload.sid : null,
    };
  } catch {
    // Tampered with, expired, or made with another secret: no session.
    return NO_SESSION;
  }
}
