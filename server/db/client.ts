import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { appEnv } from "../env";
import { log } from "../log";

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

function poolConfig(url: string, options: DbOptions): pg.PoolConfig {
  const settings = [
    ...(options.lockTimeoutMs ? [`-c lock_timeout=${options.lockTimeoutMs}`] : []),
    ...(options.statementTimeoutMs ? [`-c statement_timeout=${options.statementTimeoutMs}`] : []),
  ];
  return {
    connectionString: url,
    max: options.max ?? 10,
    ...(settings.length > 0 ? { options: settings.join(" ") } : {}),
  };
}

export function createDb(url: string, options: DbOptions = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(url, options)) });
}

const globalForDb = globalThis as { mastheadDb?: PrismaClient; mastheadDbPool?: pg.Pool };

/** The one client of the Next.js server process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  if (globalForDb.mastheadDb) return globalForDb.mastheadDb;
  const env = appEnv();
  // The pool is ours (not the adapter's), so the metrics (server/http/metrics.ts, the same
  // process) can read how busy it is through globalThis.
  const pool = new pg.Pool(
    poolConfig(env.DATABASE_URL, {
      max: env.MASTHEAD_DB_POOL_SIZE,
      lockTimeoutMs: env.MASTHEAD_DB_LOCK_TIMEOUT_MS,
      statementTimeoutMs: env.MASTHEAD_DB_STATEMENT_TIMEOUT_MS,
    }),
  );
  // Expected when the database restarts or shuts down: the pool opens a new connection when needed.
  pool.on("error", (error) => log().warn({ error: error.message }, "an idle database connection failed"));
  globalForDb.mastheadDbPool = pool;
  globalForDb.mastheadDb = new PrismaClient({ adapter: new PrismaPg(pool) });
  return globalForDb.mastheadDb;
}
