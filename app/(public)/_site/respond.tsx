import type { ReactNode } from "react";
import { prerender } from "react-dom/static.edge";
import { PublicDocument, type PageHead } from "@/components/public/document";
import { PublicNotice } from "@/components/public/public-notice";
import { publicStylesheetHref } from "@/server/public-stylesheet";
import { appEnv } from "@/server/env";
import { siteUrl } from "@/server/site";
import { publicApi } from "@/trpc/server";

// Security headers (a CSP that forbids scripts outright, since these pages have none) are set
// for every public address in next.config.mjs.

/**
 * During `next build` there is no database: pages rendered then are placeholders, replaced when
 * the server invalidates the public cache at start-up (health answers 503 until it has). A
 * placeholder answers 200, or Next would treat the page as dynamic and never cache it.
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

export function buildPlaceholder(): Response {
  return new Response("Starting up.", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function toHtml(element: ReactNode): Promise<string> {
  const { prelude } = await prerender(element);
  // React writes the doctype itself when the tree starts at <html>.
  return new Response(prelude).text();
}

/** Renders a public page to a complete HTML response. */
export async function publicPage(
  head: PageHead,
  body: ReactNode,
  options: { status?: number; query?: string } = {},
): Promise<Response> {
  const [sections, stylesheet] = await Promise.all([publicApi().site.sections(), publicStylesheetHref()]);
  const html = await toHtml(
    <PublicDocument
      head={head}
      siteUrl={siteUrl()}
      sections={sections}
      stylesheet={stylesheet}
      query={options.query}
      language={head.language ?? appEnv().MASTHEAD_LANGUAGE}
    >
      {body}
    </PublicDocument>,
  );
  return new Response(html, { status: options.status ?? 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export function notFoundPage(): Promise<Response> {
  return publicPage(
    { title: "Page not found", description: "There is nothing at this address.", path: null, noindex: true },
    <PublicNotice title="Page not found" text="There is nothing at this address." />,
    { status: 404 },
  );
}

export function gonePage(): Promise<Response> {
  return publicPage(
    {
      title: "This article has been removed",
      description: "This story is no longer available.",
      path: null,
      noindex: true,
    },
    <PublicNotice
      title="This article has been removed"
      text="The article that was published at this address has been withdrawn."
    />,
    { status: 410 },
  );
}
