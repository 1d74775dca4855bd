import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { appEnv } from "../env";

export type Db = PrismaClient;
/** What services accept: the client itself or an open transaction. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

export interface DbOptions {
  /** Pool size. */
  max?: number;
  /** A query waiting this long for a lock fails (lock_timeout), instead of holding a connection. */
  lockTimeoutMs?: number;
  /** A query running this long is cancelled (statement_timeout). */
  statementTimeoutMs?: number;
}

export function createDb(url: string, options: DbOptions = {}): PrismaClient {
  const settings = [
    ...(options.lockTimeoutMs ? [`-c lock_timeout=${options.lockTimeoutMs}`] : []),
    ...(options.statementTimeoutMs ? [`-c statement_timeout=${options.statementTimeoutMs}`] : []),
  ];
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: options.max ?? 10,
      ...(settings.length > 0 ? { options: settings.join(" ") } : {}),
    }),
  });
}

const globalForDb = globalThis as { mastheadDb?: PrismaClient };

/** The one client of the Next.js server process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  const env = appEnv();
  globalForDb.mastheadDb ??= createDb(env.DATABASE_URL, {
    max: env.MASTHEAD_DB_POOL_SIZE,
    lockTimeoutMs: env.MASTHEAD_DB_LOCK_TIMEOUT_MS,
    statementTimeoutMs: env.MASTHEAD_DB_STATEMENT_TIMEOUT_MS,
  });
  return globalForDb.mastheadDb;
}
