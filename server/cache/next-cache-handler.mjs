// @ts-check
/**
 * Next.js's page cache, replaced by one that keeps nothing. The public pages are kept once, by
 * the production web server's front cache (server/http/front-cache.ts), which knows which
 * pages each change touches, on every instance (server/cache). A second copy inside Next
 * would double the memory and need invalidating in step. Next still builds each page once for
 * concurrent requests (its response cache batches them) and marks the answer MISS.
 *
 * Plain JavaScript: Next imports this file itself, also during `next build`.
 */
export default class NoPageCache {
  /** @returns {Promise<null>} */
  async get() {
    return null;
  }

  /** @returns {Promise<void>} */
  async set() {}

  /** @returns {Promise<void>} */
  async revalidateTag() {}

  resetRequestCache() {}
}
