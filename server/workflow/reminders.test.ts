import { describe, expect, it } from "vitest";
import { deadlineNotices, type DeadlineFacts } from "./reminders";

const HOUR = 3_600_000;
const deadline = new Date("2026-12-02T16:00:00Z");
const at = (offsetMs: number) => new Date(deadline.getTime() + offsetMs);
const line = (over: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  deadline,
  state: "ASSIGNED",
  reminderSentAt: null,
  overdueSentAt: null,
  ...over,
});
const LEAD = 2 * HOUR;

describe("deadline notices, on an injected clock", () => {
  it("reminds two hours ahead, not before", () => {
    expect(deadlineNotices(line(), at(-2 * HOUR - 1), LEAD).soon).toBeNull();
    expect(deadlineNotices(line(), at(-2 * HOUR), LEAD).soon).toEqual({ late: false });
    expect(deadlineNotices(line(), at(-2 * HOUR + 60_000), LEAD).soon).toEqual({ late: false });
  });

  it("a reminder due while Masthead was down goes out late, once", () => {
    expect(deadlineNotices(line(), at(-HOUR), LEAD).soon).toEqual({ late: true });
    expect(deadlineNotices(line({ reminderSentAt: at(-HOUR) }), at(-HOUR + 1000), LEAD).soon).toBeNull();
  });

  it("once the deadline has passed unfiled, the editor is told (late after downtime) and the reminder is dropped", () => {
    expect(deadlineNotices(line(), at(0), LEAD)).toEqual({ soon: null, missed: { late: false }, skipReminder: true });
    expect(deadlineNotices(line({ reminderSentAt: at(-2 * HOUR) }), at(3 * HOUR), LEAD)).toEqual({
      soon: null,
      missed: { late: true },
      skipReminder: false,
    });
    expect(deadlineNotices(line({ overdueSentAt: at(0) }), at(HOUR), LEAD).missed).toBeNull();
  });

  it.each(["FILED", "PUBLISHED", "KILLED"] as const)("says nothing for a line that is %s", (state) => {
    expect(deadlineNotices(line({ state }), at(HOUR), LEAD)).toEqual({ soon: null, missed: null, skipReminder: false });
  });

  it("says nothing without a deadline; the lead is configurable", () => {
    expect(deadlineNotices(line({ deadline: null }), at(0), LEAD).missed).toBeNull();
    expect(deadlineNotices(line(), at(-30 * 60_000), 15 * 60_000).soon).toBeNull();
    expect(deadlineNotices(line(), at(-14 * 60_000), 15 * 60_000).soon).toEqual({ late: false });
  });
});
