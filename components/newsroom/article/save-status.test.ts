import { describe, expect, it } from "vitest";
import { workspaceStatus } from "./save-status";

describe("the workspace's status line", () => {
  const at = new Date("2026-12-01T10:42:00");
  it("without co-editing, says what the form's autosave is doing", () => {
    expect(workspaceStatus({ kind: "pending" }, null)).toEqual({ text: "Unsaved changes", problem: false });
    expect(workspaceStatus({ kind: "conflict" }, null)).toEqual({ text: "Conflict", problem: true });
  });
  it("co-edited, the shared text's state comes first", () => {
    expect(workspaceStatus({ kind: "idle" }, { kind: "saving" }).text).toBe("Saving…");
    expect(workspaceStatus({ kind: "idle" }, { kind: "offline" }).text).toBe(
      "Offline — changes kept on this device; they merge when you reconnect",
    );
    expect(workspaceStatus({ kind: "saved", at }, { kind: "stored", at }).text).toMatch(/^Saved \d\d:\d\d$/);
    // Only the other fields saved since the page opened: that save's time.
    expect(workspaceStatus({ kind: "saved", at }, { kind: "stored", at: null }).text).toBe("Saved 10:42");
    expect(
      workspaceStatus({ kind: "idle" }, { kind: "closed", message: "You can no longer edit this article." }),
    ).toEqual({
      text: "You can no longer edit this article. Your latest changes are kept on this device.",
      problem: true,
    });
  });
  it("unless the form has something to say: a refusal, a conflict, a save of the other fields on its way", () => {
    const refused = { kind: "refused" as const, message: "That section does not exist.", fieldErrors: {} };
    expect(workspaceStatus(refused, { kind: "stored", at })).toEqual({
      text: "Not saved: That section does not exist.",
      problem: true,
    });
    expect(workspaceStatus({ kind: "saving" }, { kind: "stored", at }).text).toBe("Saving…");
    expect(workspaceStatus({ kind: "pending" }, { kind: "stored", at }).text).toBe("Unsaved changes");
  });
});
