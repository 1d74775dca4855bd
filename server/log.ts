import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";

/**
 * The web process's log: one JSON object per line on standard output (pino), each carrying the
 * id of the request it belongs to (`requestId`), also inside Next's route code. The front
 * server (server/http) gives every request an id, answers it in `x-request-id`, and runs the
 * request inside `withRequest`. The launcher's own lines (scripts/run.ts) stay plain text for
 * the person at the terminal.
 */

interface RequestContext {
  requestId: string;
}

// One store and one logger per process, whichever bundle asks (Next bundles this file again).
const KEY = Symbol.for("masthead.log");
const holder = globalThis as { [KEY]?: { store: AsyncLocalStorage<RequestContext>; logger: Logger } };

function shared() {
  if (!holder[KEY]) {
    const store = new AsyncLocalStorage<RequestContext>();
    const logger = pino({
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      level: process.env.MASTHEAD_LOG_LEVEL ?? "info",
      mixin: () => {
        const context = store.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    });
    holder[KEY] = { store, logger };
  }
  return holder[KEY];
}

export const log = (): Logger => shared().logger;

export function withRequest<T>(requestId: string, work: () => T): T {
  return shared().store.run({ requestId }, work);
}

export const currentRequestId = (): string | undefined => shared().store.getStore()?.requestId;

/** An error as a log field: its message and stack, never the object with whatever it holds. */
export const errorField = (error: unknown) =>
  error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
