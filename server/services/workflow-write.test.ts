import { describe, expect, it } from "vitest";
import { WorkflowAction } from "../db/generated/enums";
import { notificationFor } from "./workflow-write";

const actor = { id: "u1", displayName: "Eddie Editor" };
const headline = "Harbour vote";

/** Every workflow action: who hears of it, and what they read without and with a note. */
const TABLE: Record<WorkflowAction, [to: "authors" | "editors" | null, plain: string, withNote: string]> = {
  SUBMIT: [
    "editors",
    "Eddie Editor submitted “Harbour vote” for review.",
    "Eddie Editor submitted “Harbour vote” for review: Ready",
  ],
  WITHDRAW: [
    "editors",
    "Eddie Editor withdrew “Harbour vote” from review.",
    "Eddie Editor withdrew “Harbour vote” from review: Ready",
  ],
  REQUEST_CHANGES: [
    "authors",
    "Eddie Editor sent back “Harbour vote”.",
    "Eddie Editor sent back “Harbour vote”: Ready",
  ],
  APPROVE: ["authors", "Eddie Editor approved “Harbour vote”.", "Eddie Editor approved “Harbour vote”: Ready"],
  SCHEDULE: ["authors", "Eddie Editor scheduled “Harbour vote”.", "Eddie Editor scheduled “Harbour vote”: Ready"],
  RESCHEDULE: ["authors", "Eddie Editor rescheduled “Harbour vote”.", "Eddie Editor rescheduled “Harbour vote”: Ready"],
  UNSCHEDULE: [
    "authors",
    "Eddie Editor took “Harbour vote” off the schedule.",
    "Eddie Editor took “Harbour vote” off the schedule: Ready",
  ],
  PUBLISH: ["authors", "Eddie Editor published “Harbour vote”.", "Eddie Editor published “Harbour vote”: Ready"],
  PUBLISH_UPDATE: [
    "authors",
    "Eddie Editor published an update to “Harbour vote”.",
    "Eddie Editor published an update to “Harbour vote”: Ready",
  ],
  REPUBLISH: ["authors", "Eddie Editor republished “Harbour vote”.", "Eddie Editor republished “Harbour vote”: Ready"],
  UNPUBLISH: ["authors", "Eddie Editor unpublished “Harbour vote”.", "Eddie Editor unpublished “Harbour vote”: Ready"],
  SPIKE: ["authors", "Eddie Editor spiked “Harbour vote”.", "Eddie Editor spiked “Harbour vote”: Ready"],
  RESTORE: [
    "authors",
    "Eddie Editor restored “Harbour vote” from the spike.",
    "Eddie Editor restored “Harbour vote” from the spike: Ready",
  ],
  SCHEDULED_PUBLISH: [
    "authors",
    "“Harbour vote” was published as scheduled.",
    "“Harbour vote” was published as scheduled.",
  ],
  SCHEDULE_FAILED: [
    "editors",
    "“Harbour vote” could not be published as scheduled.",
    "“Harbour vote” could not be published as scheduled: Ready",
  ],
  LEGAL_REVIEW_REQUIRED: [null, "", ""],
  LEGAL_REVIEW_CLEARED: [null, "", ""],
  LEGAL_SIGN_OFF: [null, "", ""],
  CORRECTION: [
    "authors",
    "Eddie Editor published a correction to “Harbour vote”.",
    "Eddie Editor published a correction to “Harbour vote”: Ready",
  ],
  RESTORE_VERSION: [
    "authors",
    "Eddie Editor restored an earlier version of “Harbour vote”.",
    "Eddie Editor restored an earlier version of “Harbour vote”: Ready",
  ],
  CREATE: [null, "", ""],
  CHANGE_ADDRESS: [null, "", ""],
  PIN: [null, "", ""],
  UNPIN: [null, "", ""],
  SET_EMBARGO: [null, "", ""],
  CLEAR_EMBARGO: [null, "", ""],
  // Comments tell whom they mention (server/services/comments.ts), not authors or editors.
  COMMENT_OPENED: [null, "", ""],
  COMMENT_RESOLVED: [null, "", ""],
  MENTION: [null, "", ""],
  SUGGESTIONS_ACCEPTED: [null, "", ""],
  SUGGESTIONS_REJECTED: [null, "", ""],
  HOLD_FOR_COMMENTS: [null, "", ""],
  HOLD_FOR_COMMENTS_LIFTED: [null, "", ""],
  // Deadline notices come from the reminder sweep (server/services/reminders.ts).
  DEADLINE_SOON: [null, "", ""],
  DEADLINE_MISSED: [null, "", ""],
  REVIEW_DUE: [null, "", ""],
  WEBHOOK_DISABLED: [null, "", ""],
};

describe("who is told about each workflow step", () => {
  it.each(Object.values(WorkflowAction))("%s", (action) => {
    const [to, plain, withNote] = TABLE[action];
    const without = notificationFor({ action, actor, headline, note: null });
    const noted = notificationFor({ action, actor, headline, note: "  Ready  " });
    if (to === null) {
      expect(without).toBeNull();
      expect(noted).toBeNull();
      return;
    }
    expect(without).toEqual({ to, message: plain });
    expect(noted).toEqual({ to, message: withNote });
  });

  it("names the scheduler when no one acted", () => {
    expect(notificationFor({ action: "SCHEDULE_FAILED", actor: null, headline, note: "Missing: a section." })).toEqual({
      to: "editors",
      message: "“Harbour vote” could not be published as scheduled: Missing: a section.",
    });
    expect(notificationFor({ action: "UNSCHEDULE", actor: null, headline, note: null })?.message).toBe(
      "The scheduler took “Harbour vote” off the schedule.",
    );
  });
});
