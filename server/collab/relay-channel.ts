// The PostgreSQL notification channel co-editing instances talk over (server/collab/relay.ts),
// and the message any transaction may send on it. Kept apart so services need not load the
// co-editing server to use it.
import type { Prisma } from "../db/generated/client";

export const RELAY_CHANNEL = "masthead_collab";

/**
 * Asks every instance that has the article's shared document open to merge in what is stored
 * now (a save outside co-editing, a restore). Sent when the transaction commits.
 */
export async function announceStoredText(tx: Prisma.TransactionClient, articleId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${RELAY_CHANNEL}, ${`-|r|${articleId}`})`;
}
