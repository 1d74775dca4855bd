import { randomBytes } from "node:crypto";

/**
 * The public site is served from Next's cache (no database work per reader request). Anything
 * that changes what readers may see invalidates it. Invalidation is whole-site: a story appears
 * on its page, the home page, section, author and tag pages, feeds, sitemaps and other stories'
 * related lists, and a takedown must reach all of them on the next request. Pages are rebuilt
 * on their next request.
 */
export interface PublicCache {
  invalidate(): Promise<void>;
}

/**
 * The production web server's memory copy of Next's public pages (server/http), when the app
 * runs under it. It lives outside Next's bundles, so it is reached through globalThis.
 */
export interface FrontCacheHook {
  /** The public site was just invalidated by the request running now. */
  invalidated(): void;
}

const state = globalThis as {
  mastheadInternalToken?: string;
  mastheadPublicCacheFresh?: boolean;
  mastheadPublicRenders?: Set<Promise<unknown>>;
  mastheadFrontCache?: FrontCacheHook;
};

export function setFrontCacheHook(hook: FrontCacheHook | undefined): void {
  state.mastheadFrontCache = hook;
}

/**
 * Runs one public page build and remembers it while it runs. A build that read the database
 * just before a takedown could otherwise store its (stale) page in the cache just after the
 * invalidation; invalidating waits for such builds first.
 */
export function trackPublicRender<T>(build: () => Promise<T>): Promise<T> {
  const running = (state.mastheadPublicRenders ??= new Set());
  const promise = build();
  running.add(promise);
  promise.then(
    () => running.delete(promise),
    () => running.delete(promise),
  );
  return promise;
}

/** Waits (at most `limitMs`) for the page builds running now, then `settleMs` for Next to store their results. */
export async function buildsStartedBefore(limitMs = 10_000, settleMs = 100): Promise<void> {
  const running = [...(state.mastheadPublicRenders ?? [])];
  if (running.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.allSettled(running), new Promise((resolve) => (timer = setTimeout(resolve, limitMs)))]);
  clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** A per-process secret for the internal revalidation endpoint (same process only). */
export function internalToken(): string {
  state.mastheadInternalToken ??= randomBytes(32).toString("hex");
  return state.mastheadInternalToken;
}

/**
 * Inside a Next.js request (tRPC procedures, route handlers). Next applies the invalidation
 * when this request's response ends, so waiting here for builds already running means their
 * pages are stored before, and so invalidated by, it.
 */
export const nextPublicCache: PublicCache = {
  async invalidate() {
    const { revalidatePath } = await import("next/cache");
    await buildsStartedBefore();
    revalidatePath("/", "layout");
    state.mastheadFrontCache?.invalidated();
    state.mastheadPublicCacheFresh = true;
  },
};

/**
 * Outside a request (the scheduler, start-up), Next's revalidation is unavailable, so the
 * server asks itself over loopback; retried while the server is still starting.
 */
export function loopbackPublicCache(port: number): PublicCache {
  return {
    async invalidate() {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
            method: "POST",
            headers: { "x-masthead-internal": internalToken() },
          });
          if (response.ok) return;
          throw new Error(`revalidation answered ${response.status}`);
        } catch (error) {
          if (attempt >= 60) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
  };
}

/**
 * True once the cache was invalidated by this process: pages cached by an earlier run (or at
 * build time, without a database) are never served as current. Health reports 503 until then.
 */
export function publicCacheFresh(): boolean {
  return state.mastheadPublicCacheFresh === true;
}

/** For tests and tools that change data without a public site to refresh. */
export const noPublicCache: PublicCache = { invalidate: async () => undefined };
