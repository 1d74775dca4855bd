/**
 * Text PostgreSQL cannot store, or would store changed: the NUL character (refused by text and
 * jsonb columns alike, which surfaced as a 500 with the database's error) and UTF-16 surrogates
 * without their pair (stored as U+FFFD, so the text would change silently). Either is refused
 * with a message rather than dropped or replaced.
 */
const INVALID = /\u0000|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

export interface InvalidText {
  /** Where it is: object keys and array indexes from the top. */
  path: (string | number)[];
  message: string;
}

function problem(text: string): string | null {
  const match = INVALID.exec(text);
  if (!match) return null;
  return match[0] === "\u0000"
    ? "Text may not contain the NUL character (\\0). Remove it and try again."
    : "Text contains a broken character (half of an emoji or other symbol). Retype it and try again.";
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first string (value or key) in `value` that cannot be stored as it is, or null. A loop
 * with its own stack, not recursion, so a deeply nested value cannot overflow the call stack;
 * each node is visited once.
 */
export function findInvalidText(value: unknown): InvalidText | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const current = visit;
    if (typeof current.value === "string") {
      const message = problem(current.value);
      if (message) return { path: pathOf(current), message };
    } else if (Array.isArray(current.value)) {
      current.value.forEach((child: unknown, index) => stack.push({ value: child, key: index, parent: current }));
    } else if (current.value !== null && typeof current.value === "object") {
      for (const [key, child] of Object.entries(current.value)) {
        const message = problem(key);
        if (message) return { path: [...pathOf(current), key], message };
        stack.push({ value: child, key, parent: current });
      }
    }
  }
  return null;
}
