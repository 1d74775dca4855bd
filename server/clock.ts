/** The current time. Services take a Clock so tests can control time. */
export type Clock = () => Date;

/** The server's clock: real time. Tests pass their own Clock to the services instead. */
export const serverClock: Clock = () => new Date();
