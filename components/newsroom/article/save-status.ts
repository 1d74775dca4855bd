import type { SharedStatus } from "../../editor/co-editing/use-co-editing";
import type { SaveStatus } from "./use-autosave";

// The one status line of the workspace: how the form's autosave is doing and, while the text
// is co-edited, how the shared text is (the text's state comes first unless the form has
// something to say: a conflict, a refusal, a save in progress).

const time = (at: Date) => at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "All changes saved";
    case "pending":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${time(status.at)}`;
    case "restored":
      return "Restored unsaved changes from this device";
    case "offline":
      return "Offline — changes kept on this device";
    case "busy":
      return "Waiting to save — the story is busy; changes kept on this device";
    case "conflict":
      return "Conflict";
    case "refused":
      return `Not saved: ${status.message}`;
  }
}

function sharedText(status: SharedStatus): string {
  switch (status.kind) {
    case "stored":
      return status.at ? `Saved ${time(status.at)}` : "All changes saved";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline — changes kept on this device; they merge when you reconnect";
    case "refused":
      return `Not saved: ${status.message}`;
    case "closed":
      return `${status.message} Your latest changes are kept on this device.`;
  }
}

/** The status line, and whether it reports a problem. */
export function workspaceStatus(form: SaveStatus, shared: SharedStatus | null): { text: string; problem: boolean } {
  const formProblem = form.kind === "conflict" || form.kind === "refused";
  if (!shared || formProblem || (shared.kind === "stored" && form.kind !== "idle" && form.kind !== "saved"))
    return { text: statusText(form), problem: formProblem };
  if (shared.kind === "stored" && form.kind === "saved") {
    // Both stored: the newer confirmation is the time to show.
    const at = shared.at && shared.at > form.at ? shared.at : form.at;
    return { text: `Saved ${time(at)}`, problem: false };
  }
  return { text: sharedText(shared), problem: shared.kind === "refused" || shared.kind === "closed" };
}
