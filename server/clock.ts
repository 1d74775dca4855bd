/** The current time. Services take a Clock so tests can control time. */
export type Clock = () => Date;

const state = globalThis as { mastheadClockOffsetMs?: number };

/**
 * The server's clock: real time, plus an offset that only end-to-end tests can set (through
 * /api/test/clock, which exists only when MASTHEAD_TEST_CLOCK is on). Kept on globalThis so
 * every bundle in the server process shares it.
 */
export const serverClock: Clock = () => new Date(Date.now() + (state.mastheadClockOffsetMs ?? 0));

export function advanceServerClock(ms: number): Date {
  state.mastheadClockOffsetMs = (state.mastheadClockOffsetMs ?? 0) + ms;
  return serverClock();
}
