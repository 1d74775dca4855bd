/** The editorial workflow's actions and their button labels (shared by server and browser). */
export const ACTIONS = [
  "submit",
  "withdraw",
  "requestChanges",
  "approve",
  "publish",
  "schedule",
  "reschedule",
  "unschedule",
  "unpublish",
  "republish",
  "spike",
  "restore",
  "publishUpdate",
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw",
  requestChanges: "Request changes",
  approve: "Approve",
  publish: "Publish",
  schedule: "Schedule",
  reschedule: "Reschedule",
  unschedule: "Unschedule",
  unpublish: "Unpublish",
  republish: "Republish",
  spike: "Spike",
  restore: "Restore",
  publishUpdate: "Publish update",
};
