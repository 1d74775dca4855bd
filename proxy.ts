import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Signed-out visitors of the newsroom go to the sign-in page and back afterwards (pages and
 * procedures still check the user against the database). Public pages never pass through
 * here: they are served from Next's cache as they are.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (await getToken({ req: request })) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/newsroom", "/newsroom/:path*"] };
