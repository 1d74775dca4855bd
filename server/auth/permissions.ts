import type { Role } from "../db/generated/enums";

export const ROLES = ["WRITER", "EDITOR", "ADMIN"] as const satisfies readonly Role[];

/**
 * The role → permission matrix, as data. Procedure builders in server/api/trpc.ts enforce it;
 * article-level rules (e.g. a writer only reaches articles they are an author of) sit on top.
 * Publishing is its own permission, separate from editing.
 */
export const PERMISSIONS = {
  "newsroom.access": ["WRITER", "EDITOR", "ADMIN"],
  "article.create": ["WRITER", "EDITOR", "ADMIN"],
  "article.readOwn": ["WRITER", "EDITOR", "ADMIN"],
  "article.readAll": ["EDITOR", "ADMIN"],
  "article.editAll": ["EDITOR", "ADMIN"],
  "article.review": ["EDITOR", "ADMIN"],
  "article.publish": ["EDITOR", "ADMIN"],
  /** Caption, credit and alt text of any library image (the uploader may always edit their own). */
  "media.describeAll": ["EDITOR", "ADMIN"],
  "user.manage": ["ADMIN"],
  /** The story budget: plan, assign, kill (writers propose ideas and see their own lines). */
  "budget.plan": ["EDITOR", "ADMIN"],
  /** Create, rename, reorder and retire sections; the newsroom's settings. */
  "newsroom.manage": ["ADMIN"],
  /** Rename and merge tags. */
  "tag.manage": ["EDITOR", "ADMIN"],
  /** Add and change contributors and agency credits (bylines without an account). */
  "contributor.manage": ["EDITOR", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
