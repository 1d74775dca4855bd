import type { Db } from "./db/client";
import { entityTag } from "./http/conditional";
import { log } from "./log";
import { waitForInstances } from "./cache/channel";
import { recordChange, type PublicChange } from "./cache/changes";
import { cacheState, GENERATION_HEADER, TAGS_HEADER } from "./cache/state";

export type { PublicChange } from "./cache/changes";

/**
 * The public site is served from a cache (the production web server's front cache, on every
 * instance). Anything that changes what readers may see says so here, naming the pages it
 * touches (server/cache/tags.ts): those pages are rebuilt, on every instance, while the
 * previous copy is served meanwhile; a takedown is gone everywhere before the call returns.
 */
export interface PublicCache {
  changed(change: PublicChange): Promise<void>;
}

/**
 * Records the change in the database, which notifies every instance (server/cache/channel.ts),
 * marks it in this process at once, and for a takedown waits until every other instance
 * confirms it has applied it.
 */
export function databasePublicCache(db: Db, state = cacheState()): PublicCache {
  return {
    async changed(change) {
      const id = await recordChange(db, change);
      state.mark({ id, ...change });
      if (!change.takedown) return;
      const behind = await waitForInstances(db, id, { self: state.instanceId });
      if (behind.length > 0)
        log().warn({ change: id, instances: behind }, "instances did not confirm a takedown in time (now out of sync)");
    },
  };
}

/** For tests and tools that change data without a public site to refresh. */
export const noPublicCache: PublicCache = { changed: async () => undefined };

export interface PageTags {
  /** Adds the tags of what the page shows (server/cache/tags.ts). */
  add(...tags: string[]): void;
}

/**
 * Builds one public page and labels it for the front cache: the generation it was built in
 * (read before the build reads anything, so a change that lands during the build makes it
 * stale, never the other way round) and the tags `build` declared. A successful page gets its
 * validators for conditional GET (server/http/conditional.ts): an ETag from its body, so every
 * instance building the same page gives the same one, and Last-Modified the time it was built
 * (a page is rebuilt after anything it shows changes; the story's own dates would miss a
 * change to its related stories or a colleague's name in its byline).
 */
export async function publicRender(build: (page: PageTags) => Promise<Response>): Promise<Response> {
  const generation = cacheState().generation;
  const declared = new Set<string>();
  const built = await build({ add: (...tags) => tags.forEach((tag) => declared.add(tag)) });
  let response = built;
  if (built.status === 200 && built.body) {
    const body = new Uint8Array(await built.arrayBuffer());
    response = new Response(body, { status: built.status, headers: built.headers });
    response.headers.set("ETag", entityTag(body));
    response.headers.set("Last-Modified", new Date().toUTCString());
  }
  response.headers.set(GENERATION_HEADER, String(generation));
  response.headers.set(TAGS_HEADER, [...declared].join(" "));
  return response;
}
