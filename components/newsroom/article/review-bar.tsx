"use client";

import type { Editor } from "@tiptap/core";
import { Button } from "../../ui/button";
import { NewComment, type CommentAnchor } from "./comments-panel";
import type { Person } from "./mention-field";
import { SuggestingSwitch } from "./suggestions-panel";

/**
 * Under the body: "Comment" on the selected words (also Ctrl/Cmd+Alt+M), the switch between
 * Editing and Suggesting, what either has to say, and the comment being written.
 */
export function ReviewBar({
  articleId,
  editor,
  people,
  anchor,
  notice,
  onComment,
  onCommentDone,
}: {
  articleId: string;
  editor: Editor | null;
  people: Person[];
  anchor: CommentAnchor | null;
  notice: string | null;
  onComment: () => void;
  onCommentDone: (sent: boolean) => void;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          // The selection stays in the story while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onComment}
          aria-keyshortcuts="Control+Alt+M"
        >
          Comment
        </Button>
        <SuggestingSwitch editor={editor} />
        <p role="status" className="text-sm">
          {notice ?? ""}
        </p>
      </div>
      {anchor ? <NewComment articleId={articleId} anchor={anchor} people={people} onDone={onCommentDone} /> : null}
    </>
  );
}
