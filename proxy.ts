import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * The newsroom and sign-in are Next.js pages with scripts: each response gets a fresh nonce,
 * and the Content-Security-Policy allows only scripts carrying it (and what they load), so an
 * injected script would not run even if something let one into a page. Inline style
 * attributes stay allowed (the editor positions things with them). Public pages never pass
 * through here: they carry no script at all and are served from Next's cache as they are.
 */
function withNonce(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * Signed-out visitors of the newsroom go to the sign-in page and back afterwards (pages and
 * procedures still check the user against the database).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/signin" || pathname.startsWith("/signin/") || (await getToken({ req: request })))
    return withNonce(request);
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/newsroom", "/newsroom/:path*", "/signin", "/signin/:path*"] };
