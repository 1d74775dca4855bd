import type { BlockDiff, DiffSegment, FieldChange } from "@/lib/content/diff";

// How a comparison reads: removed words struck through in red, added words underlined in
// green, each announced to screen readers; moved, added and removed blocks labelled. Long runs
// of unchanged paragraphs fold away, keeping one on each side of a change for context.
// No hooks: the compare page renders it on the server, the conflict screen in the browser.

export function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.op === "same" ? (
          <span key={i}>{segment.text}</span>
        ) : segment.op === "added" ? (
          <ins key={i} className="diff-added">
            <span className="sr-only">[added: </span>
            {segment.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            <span className="sr-only">[removed: </span>
            {segment.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </>
  );
}

const LABELS = {
  added: "Added",
  removed: "Removed",
  movedFrom: "Moved from here",
  movedTo: "Moved here",
} as const;

function Entry({ entry }: { entry: BlockDiff }) {
  if (entry.kind === "same") return <p className="diff-block text-neutral-700">{entry.text}</p>;
  if (entry.kind === "changed") {
    const marked = entry.paragraphs.some((p) => p.some((s) => s.op !== "same"));
    const notes = [
      entry.splits > 0 ? `split into ${entry.splits + 1}` : null,
      entry.merges > 0 ? `${entry.merges + 1} paragraphs joined` : null,
      marked ? null : "formatting or details changed",
    ].filter(Boolean);
    return (
      <div className="diff-block diff-block-changed">
        <p className="diff-label">Changed{notes.length > 0 ? ` (${notes.join(", ")})` : ""}</p>
        {entry.paragraphs.map((paragraph, i) => (
          <p key={i} className="whitespace-pre-line">
            <Segments segments={paragraph} />
          </p>
        ))}
      </div>
    );
  }
  return (
    <div className={`diff-block diff-block-${entry.kind}`}>
      <p className="diff-label">{LABELS[entry.kind]}</p>
      <p className="whitespace-pre-line">
        {entry.kind === "added" ? (
          <Segments segments={[{ op: "added", text: entry.text }]} />
        ) : entry.kind === "removed" ? (
          <Segments segments={[{ op: "removed", text: entry.text }]} />
        ) : (
          entry.text
        )}
      </p>
    </div>
  );
}

type Group = { fold: false; entry: BlockDiff; index: number } | { fold: true; entries: BlockDiff[]; index: number };

/** Unchanged blocks more than one away from a change fold into one "N unchanged" group. */
function grouped(diff: BlockDiff[]): Group[] {
  const nearChange = (i: number) =>
    [i - 1, i + 1].some((j) => diff[j] !== undefined && (diff[j] as BlockDiff).kind !== "same");
  const groups: Group[] = [];
  diff.forEach((entry, index) => {
    if (entry.kind !== "same" || nearChange(index)) {
      groups.push({ fold: false, entry, index });
      return;
    }
    const last = groups.at(-1);
    if (last?.fold) last.entries.push(entry);
    else groups.push({ fold: true, entries: [entry], index });
  });
  return groups;
}

export function BodyDiff({ diff }: { diff: BlockDiff[] }) {
  if (diff.length === 0) return <p className="text-sm text-neutral-700">Both bodies are empty.</p>;
  if (diff.every((entry) => entry.kind === "same"))
    return <p className="text-sm text-neutral-700">The body is the same in both.</p>;
  return (
    <div className="flex flex-col gap-3 font-serif">
      {grouped(diff).map((group) =>
        group.fold ? (
          <details key={group.index} className="text-sm text-neutral-700">
            <summary className="cursor-pointer font-sans">
              {group.entries.length} unchanged {group.entries.length === 1 ? "block" : "blocks"}
            </summary>
            <div className="mt-2 flex flex-col gap-3">
              {group.entries.map((entry, i) => (
                <Entry key={i} entry={entry} />
              ))}
            </div>
          </details>
        ) : (
          <Entry key={group.index} entry={group.entry} />
        ),
      )}
    </div>
  );
}

export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0)
    return <p className="text-sm text-neutral-700">Headline, standfirst and hero image: unchanged.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-semibold">{change.field}</dt>
          <dd>
            {change.kind === "words" ? (
              <Segments segments={change.segments} />
            ) : (
              <Segments
                segments={[
                  ...(change.before ? [{ op: "removed" as const, text: change.before }] : []),
                  ...(change.before && change.after ? [{ op: "same" as const, text: " " }] : []),
                  ...(change.after ? [{ op: "added" as const, text: change.after }] : []),
                ]}
              />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "2 changed, 1 added, 1 moved": what the body comparison found. */
export function diffSummary(diff: BlockDiff[]): string {
  const count = (kind: BlockDiff["kind"]) => diff.filter((e) => e.kind === kind).length;
  const parts = [
    [count("changed"), "changed"],
    [count("added"), "added"],
    [count("removed"), "removed"],
    [count("movedTo"), "moved"],
  ] as const;
  const found = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  return found.length > 0 ? `Body: ${found.join(", ")}.` : "Body: no changes.";
}
