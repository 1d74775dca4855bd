import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { refuseCrossSite } from "@/server/http/same-origin";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

/** Sign-in and sign-out from another site's page are refused (next-auth's own CSRF token aside). */
function POST(request: Request, context: unknown) {
  return refuseCrossSite(request) ?? handler(request, context);
}

export { handler as GET, POST };
