"use client";

import { useCallback, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { replaceText } from "@/lib/content/shared-doc";

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Where a caret at `at` ends up after a remote change (a Yjs text delta) is applied before it. */
export function mapThroughDelta(at: number, delta: Y.YTextEvent["delta"]): number {
  let pos = 0;
  let mapped = at;
  for (const op of delta) {
    if (op.retain !== undefined) pos += op.retain;
    else if (typeof op.insert === "string") {
      if (pos < at) mapped += op.insert.length;
      pos += op.insert.length;
    } else if (op.delete !== undefined) {
      if (pos < at) mapped -= Math.min(op.delete, at - pos);
    }
  }
  return mapped;
}

/**
 * A plain-text field (headline, standfirst) bound to a shared Yjs text: what the person types
 * goes in as the smallest edit; what others type appears without moving their caret.
 * Returns the text (or `fallback` without a shared text), the change handler, and the ref
 * to put on the field.
 */
export function useSharedField<E extends TextField>(
  text: Y.Text | null,
  fallback: string,
): [string, (next: string) => void, React.RefObject<E | null>] {
  const element = useRef<E | null>(null);
  const caret = useRef<{ start: number; end: number } | null>(null);

  const subscribe = useCallback(
    (changed: () => void) => {
      if (!text) return () => undefined;
      const observe = (event: Y.YTextEvent) => {
        const field = element.current;
        if (!event.transaction.local && field && document.activeElement === field) {
          caret.current = {
            start: mapThroughDelta(field.selectionStart ?? 0, event.delta),
            end: mapThroughDelta(field.selectionEnd ?? 0, event.delta),
          };
        }
        changed();
      };
      text.observe(observe);
      return () => text.unobserve(observe);
    },
    [text],
  );
  const value = useSyncExternalStore(
    subscribe,
    () => (text ? text.toString() : fallback),
    () => fallback,
  );

  useLayoutEffect(() => {
    const field = element.current;
    if (!caret.current || !field) return;
    field.setSelectionRange(caret.current.start, caret.current.end);
    caret.current = null;
  }, [value]);

  const change = useCallback(
    (next: string) => {
      if (!text) return;
      if (text.doc) text.doc.transact(() => replaceText(text, next));
      else replaceText(text, next);
    },
    [text],
  );

  return [value, change, element];
}
