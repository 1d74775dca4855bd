/**
 * What this process knows about changes to the public site: which pages each change touched,
 * and when. Kept in memory, shared (through globalThis) by the front server's cache and the
 * page builders inside Next, and fed by the change channel (channel.ts) with every change made
 * on any instance.
 *
 * Pages carry the generation they were built in (the last change applied when the build
 * started) and the tags of what they show (their own address, the lists they draw from). A
 * page is fresh when no change touching one of its tags came after its generation; stale when
 * only ordinary changes did (it may be served while one rebuild runs); expired when a
 * takedown did (never served again).
 */

/** A change as recorded: `tags` empty means the whole site. */
export interface AppliedChange {
  id: number;
  tags: readonly string[];
  takedown: boolean;
}

export type Freshness = "fresh" | "stale" | "expired";

interface Marks {
  /** The latest change touching it. */
  soft: number;
  /** The latest takedown touching it. */
  hard: number;
}

export class CacheState {
  /** The last change applied in order from the channel: new builds are labelled with it. */
  generation = 0;
  /**
   * Connected to the channel and caught up. Until then (start-up, a lost connection) nothing
   * is served from or stored in a copy: a change may have been missed.
   */
  synced = false;
  /** Set by the production web server, which keeps copies and runs the channel; unset under `next dev`. */
  instanceId: string | undefined;
  private site: Marks = { soft: 0, hard: 0 };
  private tags = new Map<string, Marks>();
  private listeners = new Set<() => void>();

  /** Marks what a change touched. Applying one twice, or out of order, is harmless. */
  mark(change: AppliedChange): void {
    const marks =
      change.tags.length === 0
        ? [this.site]
        : change.tags.map((tag) => {
            let entry = this.tags.get(tag);
            if (!entry) this.tags.set(tag, (entry = { soft: 0, hard: 0 }));
            return entry;
          });
    for (const entry of marks) {
      entry.soft = Math.max(entry.soft, change.id);
      if (change.takedown) entry.hard = Math.max(entry.hard, change.id);
    }
  }

  /** A change read from the channel, in id order: marks it and moves the generation on. */
  apply(change: AppliedChange): void {
    this.mark(change);
    this.generation = Math.max(this.generation, change.id);
  }

  /**
   * Everything built before `generation` expires: after the channel was away for longer than
   * changes are kept, or when a process starts on a site whose past it does not know.
   */
  reset(generation: number): void {
    this.site = { soft: generation, hard: generation };
    this.tags.clear();
    this.generation = Math.max(this.generation, generation);
    for (const listener of this.listeners) listener();
  }

  /** Called after every reset (the front cache empties itself). */
  onReset(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  freshness(builtIn: number, tags: readonly string[]): Freshness {
    let soft = this.site.soft;
    let hard = this.site.hard;
    for (const tag of tags) {
      const entry = this.tags.get(tag);
      if (!entry) continue;
      if (entry.soft > soft) soft = entry.soft;
      if (entry.hard > hard) hard = entry.hard;
    }
    if (builtIn < hard) return "expired";
    return builtIn < soft ? "stale" : "fresh";
  }
}

const KEY = Symbol.for("masthead.publicCacheState");
const holder = globalThis as { [KEY]?: CacheState };

/** This process's state (one per process, whichever bundle asks). */
export function cacheState(): CacheState {
  holder[KEY] ??= new CacheState();
  return holder[KEY];
}

/** Response headers a built public page carries for the front cache. */
export const GENERATION_HEADER = "x-masthead-generation";
export const TAGS_HEADER = "x-masthead-tags";

/** Reads a page's generation and tags from its headers; null when it has none (never kept). */
export function pageLabels(
  headers: Record<string, string | string[] | number | undefined>,
): { generation: number; tags: string[] } | null {
  const generation = Number(headers[GENERATION_HEADER]);
  const tags = headers[TAGS_HEADER];
  if (!Number.isSafeInteger(generation) || generation < 0 || typeof tags !== "string") return null;
  return { generation, tags: tags.split(" ").filter(Boolean) };
}
