export const STATUS_LABELS = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  SPIKED: "Spiked",
} as const;

export type ArticleStatusName = keyof typeof STATUS_LABELS;
