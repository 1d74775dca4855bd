/** How a kind of version is named in lists ("…, saved — Wendy Writer"). */
export const REVISION_LABELS = {
  CURRENT: "working copy",
  PUBLISHED: "published",
  TRANSITION: "workflow step",
  SAVE: "saved",
  RESTORED: "restored",
} as const;
