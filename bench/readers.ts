import autocannon from "autocannon";

/** What a crowd of readers got: requests a second, p99 latency and what went wrong. */
export interface ReaderFigures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** `connections` readers (autocannon) asking for `paths` in turn, for `durationS` seconds. */
export async function readPaths(
  base: string,
  paths: string[],
  options: { connections: number; durationS: number },
): Promise<ReaderFigures> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.durationS,
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % paths.length;
          return { ...request, path: paths[next] ?? "/" };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One line of figures under a label. */
export const readerLine = (label: string, f: ReaderFigures) =>
  `${label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}   non-2xx ${f.non2xx}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes a change every `everyMs` while the readers read: `change` makes one and returns how to
 * tell it is visible, which is asked every 10 ms until it says so (up to 30 s). `stop` ends the
 * loop after the change under way and gives the milliseconds each change took to be visible.
 */
export function changeEvery(
  everyMs: number,
  change: () => Promise<() => Promise<boolean>>,
  what: string,
): { stop(): Promise<number[]> } {
  let running = true;
  const visibleAfter: number[] = [];
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const visible = await change();
      const madeAt = Date.now();
      while (!(await visible())) {
        if (Date.now() - madeAt > 30_000) throw new Error(`${what} did not become visible in 30 s`);
        await sleep(10);
      }
      visibleAfter.push(Date.now() - madeAt);
      await sleep(Math.max(0, everyMs - (Date.now() - started)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return visibleAfter;
    },
  };
}
