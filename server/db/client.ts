import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { appEnv } from "../env";

export type Db = PrismaClient;
/** What services accept: the client itself or an open transaction. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

export function createDb(url: string, options: { max?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: options.max ?? 10 }) });
}

const globalForDb = globalThis as { mastheadDb?: PrismaClient };

/** The one client of the Next.js server process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  globalForDb.mastheadDb ??= createDb(appEnv().DATABASE_URL);
  return globalForDb.mastheadDb;
}
