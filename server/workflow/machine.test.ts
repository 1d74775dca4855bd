import { describe, expect, it } from "vitest";
import type { ArticleStatusName } from "@/lib/article-status";
import { ACTIONS, allowedActions, canEdit, decide, STATUSES, type Action, type WorkflowActor } from "./machine";

// The rules restated from the workflow issue, independently of RULES, as the expected table.
type ActorKind = "author" | "otherWriter" | "editor" | "admin";
const ACTORS: Record<ActorKind, WorkflowActor> = {
  author: { role: "WRITER", isAuthor: true },
  otherWriter: { role: "WRITER", isAuthor: false },
  editor: { role: "EDITOR", isAuthor: false },
  admin: { role: "ADMIN", isAuthor: false },
};
const EDITORS: ActorKind[] = ["editor", "admin"];

const SPEC: Record<
  Action,
  { from: ArticleStatusName[]; to: ArticleStatusName; who: (kind: ActorKind, from: ArticleStatusName) => boolean }
> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "IN_REVIEW", who: (k) => k !== "otherWriter" },
  withdraw: { from: ["IN_REVIEW"], to: "DRAFT", who: (k) => k === "author" },
  requestChanges: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", who: (k) => EDITORS.includes(k) },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", who: (k) => EDITORS.includes(k) },
  publish: { from: ["APPROVED", "IN_REVIEW"], to: "PUBLISHED", who: (k) => EDITORS.includes(k) },
  schedule: { from: ["APPROVED"], to: "SCHEDULED", who: (k) => EDITORS.includes(k) },
  reschedule: { from: ["SCHEDULED"], to: "SCHEDULED", who: (k) => EDITORS.includes(k) },
  unschedule: { from: ["SCHEDULED"], to: "APPROVED", who: (k) => EDITORS.includes(k) },
  unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", who: (k) => EDITORS.includes(k) },
  republish: { from: ["UNPUBLISHED"], to: "PUBLISHED", who: (k) => EDITORS.includes(k) },
  spike: {
    from: STATUSES.filter((s) => s !== "PUBLISHED" && s !== "SPIKED"),
    to: "SPIKED",
    who: (k, from) => EDITORS.includes(k) || (k === "author" && from === "DRAFT"),
  },
  restore: { from: ["SPIKED"], to: "DRAFT", who: (k) => EDITORS.includes(k) },
  publishUpdate: { from: ["PUBLISHED"], to: "PUBLISHED", who: (k) => EDITORS.includes(k) },
};

const rows = STATUSES.flatMap((status) =>
  ACTIONS.flatMap((action) => (Object.keys(ACTORS) as ActorKind[]).map((actor) => ({ status, action, actor }))),
);

describe("state × action × role", () => {
  it("covers every combination", () => {
    expect(rows).toHaveLength(8 * 13 * 4);
  });

  it.each(rows)("$status / $action / $actor", ({ status, action, actor }) => {
    const spec = SPEC[action];
    const decision = decide({ status, hasUnpublishedChanges: true }, action, ACTORS[actor]);
    if (!spec.from.includes(status)) expect(decision).toEqual({ ok: false, reason: "state" });
    else if (!spec.who(actor, status)) expect(decision).toEqual({ ok: false, reason: "role" });
    else expect(decision).toMatchObject({ ok: true, to: spec.to });
  });
});

describe("rules beyond the table", () => {
  it("writers never publish, schedule or unpublish, in any state, even as authors", () => {
    for (const status of STATUSES) {
      for (const action of [
        "publish",
        "schedule",
        "reschedule",
        "unpublish",
        "republish",
        "publishUpdate",
        "approve",
      ] as const) {
        expect(decide({ status, hasUnpublishedChanges: true }, action, ACTORS.author).ok).toBe(false);
      }
    }
  });

  it("publishing an update needs unpublished changes", () => {
    expect(decide({ status: "PUBLISHED", hasUnpublishedChanges: false }, "publishUpdate", ACTORS.editor)).toEqual({
      ok: false,
      reason: "nothing-to-update",
    });
  });

  it("says what each action needs", () => {
    const needs = (action: Action, status: ArticleStatusName) => {
      const d = decide({ status, hasUnpublishedChanges: true }, action, ACTORS.editor);
      return d.ok ? d.needs : "refused";
    };
    expect(needs("requestChanges", "IN_REVIEW")).toBe("note");
    expect(needs("unpublish", "PUBLISHED")).toBe("reason");
    expect(needs("schedule", "APPROVED")).toBe("time");
    expect(needs("approve", "IN_REVIEW")).toBeUndefined();
  });

  it("lists allowed actions in a stable order", () => {
    expect(allowedActions({ status: "IN_REVIEW", hasUnpublishedChanges: false }, ACTORS.editor)).toEqual([
      "requestChanges",
      "approve",
      "publish",
      "spike",
    ]);
    expect(allowedActions({ status: "IN_REVIEW", hasUnpublishedChanges: false }, ACTORS.author)).toEqual(["withdraw"]);
    expect(allowedActions({ status: "PUBLISHED", hasUnpublishedChanges: false }, ACTORS.otherWriter)).toEqual([]);
  });
});

describe("who may edit", () => {
  const table = STATUSES.flatMap((status) => (Object.keys(ACTORS) as ActorKind[]).map((actor) => ({ status, actor })));
  it.each(table)("$status / $actor", ({ status, actor }) => {
    const expected =
      EDITORS.includes(actor) || (actor === "author" && (status === "DRAFT" || status === "CHANGES_REQUESTED"));
    expect(canEdit({ status }, ACTORS[actor])).toBe(expected);
  });
});
