"use client";

import { useId, useState, type KeyboardEvent } from "react";

export interface Person {
  id: string;
  displayName: string;
}

/** The ids of the people whose "@Name" is still in `text` (picked from the suggestions). */
export function mentionedIn(text: string, picked: Person[]): string[] {
  return [...new Set(picked.filter((person) => text.includes(`@${person.displayName}`)).map((p) => p.id))];
}

/**
 * A comment box that suggests newsroom people as you type "@": Arrow keys and Enter (or a
 * click) put "@Name" in; `onPick` records who, so the server is told whom to notify.
 */
export function MentionField({
  label,
  value,
  onChange,
  people,
  onPick,
  onSubmit,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  people: Person[];
  onPick: (person: Person) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit: () => void;
}) {
  const id = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  // "@" then letters just before the caret, at the start or after a space.
  const typed = /(?:^|\s)@([\p{L}\p{N}' -]{0,30})$/u.exec(value.slice(0, caret));
  const query = typed?.[1]?.toLowerCase() ?? null;
  const start = typed ? caret - (typed[1]?.length ?? 0) - 1 : -1;
  const matches =
    query === null || dismissed === start
      ? []
      : people.filter((person) => person.displayName.toLowerCase().includes(query.trim())).slice(0, 6);

  function pick(person: Person) {
    const next = `${value.slice(0, start)}@${person.displayName} ${value.slice(caret)}`;
    onPick(person);
    onChange(next);
    setCaret(start + person.displayName.length + 2);
    // This mention is done: no more suggestions for it.
    setDismissed(start);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (matches.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((current) => (current + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      const person = matches[active] ?? matches[0];
      if (person) pick(person);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissed(start);
    }
  }

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        value={value}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-people`}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${id}-person-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className="rounded border border-neutral-500 px-3 py-2 text-base"
      />
      <p className="text-xs text-neutral-700">Type @ to mention someone. Ctrl+Enter sends.</p>
      <ul
        id={`${id}-people`}
        role="listbox"
        aria-label="People to mention"
        hidden={matches.length === 0}
        className="absolute top-full z-10 w-full rounded border border-neutral-500 bg-white shadow dark:bg-neutral-900"
      >
        {matches.map((person, index) => (
          <li
            key={person.id}
            id={`${id}-person-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
            className={`cursor-pointer px-3 py-1 text-sm ${index === active ? "bg-blue-700 text-white" : ""}`}
          >
            {person.displayName}
          </li>
        ))}
      </ul>
    </div>
  );
}
