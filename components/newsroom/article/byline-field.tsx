"use client";

import { useState } from "react";
import type { BylineKind } from "@/lib/byline";

export interface BylineChoice {
  id: string;
  name: string;
  kind: BylineKind;
}

const GROUPS: { kind: BylineKind; label: string }[] = [
  { kind: "STAFF", label: "Newsroom" },
  { kind: "PERSON", label: "Contributors" },
  { kind: "AGENCY", label: "Agency credits" },
];
const KIND_NOTE: Record<BylineKind, string> = { STAFF: "", PERSON: "contributor", AGENCY: "agency" };

/**
 * The byline, in the order readers see it: newsroom accounts, contributors and agency
 * credits. Names are added from one list, moved earlier or later, and removed.
 */
export function BylineField({
  ids,
  choices,
  error,
  onChange,
}: {
  ids: string[];
  choices: BylineChoice[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const [adding, setAdding] = useState("");
  const byId = new Map(choices.map((c) => [c.id, c]));
  const left = choices.filter((c) => !ids.includes(c.id));
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [id] = next.splice(from, 1);
    if (id !== undefined) next.splice(to, 0, id);
    onChange(next);
  };
  const buttonClass =
    "rounded border border-neutral-400 px-2 py-0.5 text-sm hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "edit-authors-error" : undefined}>
      <legend className="text-sm font-semibold">Byline</legend>
      {ids.length > 0 ? (
        <ol className="flex flex-col gap-1">
          {ids.map((id, i) => {
            const name = byId.get(id)?.name ?? "Someone no longer listed";
            const kind = byId.get(id)?.kind ?? "STAFF";
            return (
              <li key={id} className="flex flex-col gap-1 border-b border-neutral-200 pb-1 text-sm last:border-b-0">
                <span>
                  <span className="font-semibold">{name}</span>
                  {KIND_NOTE[kind] ? <span className="text-neutral-700"> ({KIND_NOTE[kind]})</span> : null}{" "}
                </span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={i === 0}
                    aria-label={`Move ${name} earlier`}
                    onClick={() => move(i, i - 1)}
                  >
                    Earlier
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={i === ids.length - 1}
                    aria-label={`Move ${name} later`}
                    onClick={() => move(i, i + 1)}
                  >
                    Later
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    aria-label={`Remove ${name} from the byline`}
                    onClick={() => onChange(ids.filter((other) => other !== id))}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-neutral-700">Nobody yet: add a name.</p>
      )}
      {left.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            <span>Add to the byline</span>
            <select
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              className="rounded border border-neutral-500 px-2 py-1.5"
            >
              <option value="">Choose a name</option>
              {GROUPS.map((group) => {
                const options = left.filter((c) => c.kind === group.kind);
                return options.length > 0 ? (
                  <optgroup key={group.kind} label={group.label}>
                    {options.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          </label>
          <button
            type="button"
            className={buttonClass}
            disabled={!adding}
            onClick={() => {
              onChange([...ids, adding]);
              setAdding("");
            }}
          >
            Add
          </button>
        </div>
      ) : null}
      {error ? (
        <p id="edit-authors-error" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
