/**
 * Cross-site request refusal for cookie-authenticated writes. A browser says where a request
 * came from: `Origin` on every POST it sends today, `Sec-Fetch-Site` and `Referer` as older
 * signals. A write is taken only when one of them names this site; with none of them (a
 * script), it must send `Origin` itself.
 */

/** This site's origin: NEXTAUTH_URL's, or the request's own address when that is unset. */
export function siteOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  try {
    if (configured) return new URL(configured).origin;
  } catch {
    // A malformed NEXTAUTH_URL is refused at start-up; fall back to the request's own.
  }
  return new URL(request.url).origin;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Why a write from this request is refused, or null when it came from the site itself. */
export function crossSiteProblem(headers: Headers, site: string): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    return origin === site ? null : `Requests from ${origin.slice(0, 100)} may not change anything here.`;
  }
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    return fetchSite === "same-origin" ? null : "Requests from another site may not change anything here.";
  }
  const referer = headers.get("referer");
  if (referer !== null) {
    return originOf(referer) === site ? null : "Requests from another site may not change anything here.";
  }
  return "Say where this request comes from: send an Origin header naming this site.";
}

/** A 403 for a write from another site, or null to go on. */
export function refuseCrossSite(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const problem = crossSiteProblem(request.headers, siteOrigin(request));
  if (problem === null) return null;
  return Response.json(
    { error: { message: problem, code: "FORBIDDEN" } },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
