import { STATUS_LABELS, type ArticleStatusName } from "@/lib/article-status";
import { formatInZone } from "@/lib/time-zone";

const EVENT_LABELS: Record<string, string> = {
  SUBMIT: "Submitted for review",
  WITHDRAW: "Withdrawn",
  REQUEST_CHANGES: "Changes requested",
  APPROVE: "Approved",
  PUBLISH: "Published",
  SCHEDULE: "Scheduled",
  RESCHEDULE: "Rescheduled",
  UNSCHEDULE: "Unscheduled",
  UNPUBLISH: "Unpublished",
  REPUBLISH: "Republished",
  SPIKE: "Spiked",
  RESTORE: "Restored",
  PUBLISH_UPDATE: "Update published",
  SCHEDULED_PUBLISH: "Published as scheduled",
  SCHEDULE_FAILED: "Scheduled publish failed",
  LEGAL_REVIEW_REQUIRED: "Legal review required",
  LEGAL_REVIEW_CLEARED: "Legal review no longer required",
  LEGAL_SIGN_OFF: "Legal sign-off",
  CREATE: "Created",
  CORRECTION: "Correction published",
  CHANGE_ADDRESS: "Address changed",
  PIN: "Pinned as the home page's lead",
  UNPIN: "Unpinned from the home page",
  SET_EMBARGO: "Embargo set",
  CLEAR_EMBARGO: "Embargo lifted",
  RESTORE_VERSION: "Earlier version restored",
  COMMENT_OPENED: "Comment thread opened",
  COMMENT_RESOLVED: "Comment thread resolved",
  SUGGESTIONS_ACCEPTED: "Suggestions accepted",
  SUGGESTIONS_REJECTED: "Suggestions rejected",
  HOLD_FOR_COMMENTS: "Publishing held until comments are resolved",
  HOLD_FOR_COMMENTS_LIFTED: "Hold for comments lifted",
};

export interface TimelineEvent {
  id: string;
  action: string;
  fromStatus: ArticleStatusName;
  toStatus: ArticleStatusName;
  note: string | null;
  createdAt: Date;
  actor: { displayName: string } | null;
}

export function Timeline({ events, timeZone }: { events: TimelineEvent[]; timeZone: string }) {
  return (
    <div>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-700">Nothing has happened to this article yet.</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-3 border-l-2 border-neutral-300 pl-4">
          {[...events].reverse().map((event) => (
            <li key={event.id} className="text-sm">
              <p>
                <span className="font-semibold">{EVENT_LABELS[event.action] ?? event.action}</span>
                {event.fromStatus !== event.toStatus ? (
                  <span className="text-neutral-700">
                    {" "}
                    ({STATUS_LABELS[event.fromStatus]} → {STATUS_LABELS[event.toStatus]})
                  </span>
                ) : null}
              </p>
              <p className="text-neutral-700">
                {event.actor?.displayName ?? "Scheduler"} ·{" "}
                <time dateTime={event.createdAt.toISOString()}>{formatInZone(event.createdAt, timeZone)}</time>
              </p>
              {event.note ? (
                <p className="mt-1 whitespace-pre-line rounded bg-neutral-100 px-2 py-1">{event.note}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
