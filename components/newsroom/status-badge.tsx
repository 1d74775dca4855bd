import { STATUS_LABELS, type ArticleStatusName } from "@/lib/article-status";

const tones: Record<ArticleStatusName, string> = {
  DRAFT: "bg-neutral-200 text-neutral-900",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  CHANGES_REQUESTED: "bg-orange-100 text-orange-900",
  APPROVED: "bg-sky-100 text-sky-900",
  SCHEDULED: "bg-indigo-100 text-indigo-900",
  PUBLISHED: "bg-green-100 text-green-900",
  UNPUBLISHED: "bg-neutral-300 text-neutral-900",
  SPIKED: "bg-red-100 text-red-900",
};

export function StatusBadge({ status }: { status: ArticleStatusName }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{STATUS_LABELS[status]}</span>;
}
