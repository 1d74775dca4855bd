import type { Prisma } from "../db/generated/client";

// What a byline is read with: the accounts and the contributors of a story, each with its
// position (lib/byline.ts merges them into the order readers see).

/** The newsroom accounts on a byline. */
export const bylineSelect = {
  orderBy: { position: "asc" },
  select: { position: true, user: { select: { id: true, displayName: true, slug: true } } },
} as const satisfies Prisma.Article$authorsArgs;

/** The contributors and agency credits on a byline (lib/byline.ts merges them with the accounts). */
export const contributorBylineSelect = {
  orderBy: { position: "asc" },
  select: { position: true, contributor: { select: { id: true, name: true, slug: true, kind: true } } },
} as const satisfies Prisma.Article$contributorsArgs;
