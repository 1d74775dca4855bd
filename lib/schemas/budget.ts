import { z } from "zod";
import { isDay } from "../budget";
import { versionSchema } from "./article";
import { zonedDateTime } from "./workflow";

// The story budget's inputs. Days and times are the newsroom's wall clock; the server turns
// them into instants in its time zone.

export const BUDGET_ROLES = ["REPORTER", "PHOTOGRAPHER", "EDITOR"] as const;
export type BudgetRoleName = (typeof BUDGET_ROLES)[number];
export const BUDGET_ROLE_LABELS: Record<BudgetRoleName, string> = {
  REPORTER: "Reporter",
  PHOTOGRAPHER: "Photographer",
  EDITOR: "Editor",
};

export const PRIORITY_LABELS: Record<number, string> = { 1: "Top", 2: "Normal", 3: "Low" };

export const MAX_BUDGET_TITLE = 200;
export const MAX_BUDGET_ANGLE = 300;

export const budgetItemIdSchema = z.uuid({ message: "Not a valid budget line" });

/** "YYYY-MM-DD": a day on the newsroom's calendar. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day")
  .refine(isDay, "Choose a day that exists");

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Choose a time");

export const budgetFields = z
  .object({
    title: z
      .string({ message: "A working title is required" })
      .trim()
      .min(1, "A working title is required")
      .max(MAX_BUDGET_TITLE, `Working titles are at most ${MAX_BUDGET_TITLE} characters`),
    angle: z.string().trim().max(MAX_BUDGET_ANGLE, `The angle is at most ${MAX_BUDGET_ANGLE} characters`).default(""),
    sectionId: z.uuid({ message: "Choose a section" }).nullable().default(null),
    priority: z
      .number()
      .int()
      .min(1, "Priority is top (1), normal (2) or low (3)")
      .max(3, "Priority is top (1), normal (2) or low (3)")
      .default(2),
    plannedDay: daySchema.nullable().default(null),
    /** A time window on the planned day ("HH:mm" to "HH:mm"). */
    windowStart: timeSchema.nullable().default(null),
    windowEnd: timeSchema.nullable().default(null),
    targetWords: z
      .number()
      .int("Target length is a whole number of words")
      .min(50, "Target length is at least 50 words")
      .max(50_000, "Target length is at most 50,000 words")
      .nullable()
      .default(null),
    deadline: zonedDateTime.nullable().default(null),
    assignees: z
      .array(z.object({ userId: z.uuid({ message: "Unknown person" }), role: z.enum(BUDGET_ROLES) }))
      .max(10, "At most 10 people on one line")
      .default([]),
  })
  .superRefine((value, ctx) => {
    if ((value.windowStart || value.windowEnd) && !value.plannedDay)
      ctx.addIssue({ code: "custom", path: ["windowStart"], message: "Choose the planned day for the time window" });
    if (value.windowEnd && !value.windowStart)
      ctx.addIssue({ code: "custom", path: ["windowStart"], message: "Choose when the window starts" });
    if (value.windowStart && value.windowEnd && value.windowEnd < value.windowStart)
      ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "The window ends after it starts" });
    const seen = new Set<string>();
    for (const [i, a] of value.assignees.entries()) {
      const key = `${a.userId}:${a.role}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["assignees", i], message: "This person already has that role" });
      seen.add(key);
    }
  });
export type BudgetFields = z.infer<typeof budgetFields>;

export const createBudgetItemInput = budgetFields;

export const budgetItemRef = z.object({ id: budgetItemIdSchema });
export const budgetStepInput = z.object({ id: budgetItemIdSchema, version: versionSchema });

export const updateBudgetItemInput = z.object({
  id: budgetItemIdSchema,
  version: versionSchema,
  fields: budgetFields,
});

export const budgetStatusInput = budgetStepInput.extend({ action: z.enum(["kill", "revive"]) });

/** A span of days: the budget for a day is from = to. At most 62 days at once. */
export const budgetRangeInput = z
  .object({ from: daySchema, to: daySchema })
  .refine((r) => r.from <= r.to, { message: "The range ends after it starts", path: ["to"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= 62, {
    message: "Ask for at most 62 days at once",
    path: ["to"],
  });

/** A line moved to another day on the calendar (its time window keeps its time of day). */
export const moveBudgetItemInput = budgetStepInput.extend({
  plannedDay: daySchema,
  /** The person confirmed that a scheduled story moves with its line (same time of day). */
  reschedule: z.boolean().optional(),
});
