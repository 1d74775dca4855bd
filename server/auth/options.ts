import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInInput } from "@/lib/schemas/user";
import { getDb } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { DomainError } from "../errors";
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
 * next-auth with email + password. The JWT carries only the user id: role and active flag
 * are read from the database on every request (server/auth/session.ts), so demotions and
 * deactivations take effect at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInInput.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_FAILED);
        try {
          const user = await authenticate(getDb(), { ...parsed.data, address: clientAddress(req.headers) });
          return { id: user.id, email: user.email, name: user.displayName };
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
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? "" } };
    },
  },
};
