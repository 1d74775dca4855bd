import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { SLUG_PATTERN } from "@/lib/slug";
import { getDb } from "@/server/db/client";
import { slugAvailability } from "@/server/services/public-articles";

/**
 * Two jobs at the edge of the app:
 * - signed-out visitors of the newsroom go to the sign-in page and back afterwards (pages and
 *   procedures still check the user against the database);
 * - the address of an unpublished article answers 410 Gone rather than 404.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/articles/")) {
    const slug = pathname.slice("/articles/".length);
    if (SLUG_PATTERN.test(slug) && (await slugAvailability(getDb(), slug)) === "gone") {
      return NextResponse.rewrite(new URL("/removed", request.url), { status: 410 });
    }
    return NextResponse.next();
  }
  if (await getToken({ req: request })) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/newsroom", "/newsroom/:path*", "/articles/:slug"] };
