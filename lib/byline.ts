import type { ContributorKindName } from "./schemas/contributor";

/** Who a byline names: a newsroom account (STAFF), a contributor (PERSON) or an agency credit. */
export type BylineKind = "STAFF" | ContributorKindName;

/** One name on a byline, with its author page (/authors/<slug>). */
export interface BylineName {
  id: string;
  displayName: string;
  slug: string;
  kind: BylineKind;
}

interface AccountCredit {
  position: number;
  user: { id: string; displayName: string; slug: string };
}
interface ContributorCredit {
  position: number;
  contributor: { id: string; name: string; slug: string; kind: ContributorKindName };
}

/**
 * A story's byline: its accounts and its contributors share one numbering of positions, and
 * read in that order (an account before a contributor at the same position).
 */
export function mergeByline(authors: AccountCredit[], contributors: ContributorCredit[]): BylineName[] {
  return [
    ...authors.map((a, i) => ({ position: a.position, tie: i, name: { ...a.user, kind: "STAFF" as const } })),
    ...contributors.map((c, i) => ({
      position: c.position,
      tie: authors.length + i,
      name: {
        id: c.contributor.id,
        displayName: c.contributor.name,
        slug: c.contributor.slug,
        kind: c.contributor.kind,
      },
    })),
  ]
    .sort((a, b) => a.position - b.position || a.tie - b.tie)
    .map((entry) => entry.name);
}
