import { z } from "zod";

/** The workflow notices a person may also get by email, as the account page offers them. */
export const MAILABLE_ACTIONS = [
  { action: "SUBMIT", label: "A story is submitted for review (editors and admins)" },
  { action: "REQUEST_CHANGES", label: "Your story is sent back with changes requested" },
  { action: "APPROVE", label: "Your story is approved" },
  { action: "SCHEDULE", label: "Your story is scheduled or rescheduled" },
  { action: "PUBLISH", label: "Your story is published" },
  { action: "SCHEDULED_PUBLISH", label: "Your scheduled story goes live" },
  { action: "SCHEDULE_FAILED", label: "A scheduled story could not be published (editors and admins)" },
  { action: "MENTION", label: "Someone mentions you in a comment" },
  { action: "DEADLINE_SOON", label: "A story you are on is due soon (before its filing deadline)" },
  { action: "DEADLINE_MISSED", label: "A story you assigned has missed its filing deadline" },
  { action: "REVIEW_DUE", label: "A published story is due for the review you or an editor asked for" },
] as const;

export type MailableAction = (typeof MAILABLE_ACTIONS)[number]["action"];
const ACTIONS = MAILABLE_ACTIONS.map((item) => item.action) as [MailableAction, ...MailableAction[]];

export const mailPreferencesInput = z.object({
  actions: z.array(z.enum(ACTIONS, { message: "Not a kind of notice that can be emailed" })).max(ACTIONS.length),
});
