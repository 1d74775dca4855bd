import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInInput } from "@/lib/schemas/user";
import { getDb } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { DomainError } from "../errors";
import { createSession, endSession, SESSION_MAX_AGE_S } from "../services/sessions";
import { authenticate, SIGN_IN_FAILED } from "../services/sign-in";

/**
 * The address the front server worked out from the socket (and trusted proxies only). Under
 * `next dev` there is no front server and no address: the per-account limits still apply.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof address === "string" && address !== "" ? address : null;
}

/**
 * next-auth with email + password. The JWT carries only the user id and a session id: the
 * session, role and active flag are read from the database on every request
 * (server/auth/session.ts), so sign-outs, demotions and deactivations take effect at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInInput.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_FAILED);
        try {
          const db = getDb();
          const user = await authenticate(db, { ...parsed.data, address: clientAddress(req.headers) });
          return {
            id: user.id,
            email: user.email,
            name: user.displayName,
            sessionId: await createSession(db, user.id),
          };
        } catch (error) {
          // next-auth shows a thrown error's message to the sign-in form.
          throw new Error(
            error instanceof DomainError ? error.message : "Sign-in is not available right now. Try again shortly.",
          );
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // At sign-in, the new server-side session's id goes into the token.
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: token.sid, user: { ...session.user, id: token.sub ?? "" } };
    },
  },
  events: {
    // Signing out ends the session on the server too: a copy of the token is refused from now on.
    async signOut({ token }) {
      await endSession(getDb(), token?.sid);
    },
  },
};
