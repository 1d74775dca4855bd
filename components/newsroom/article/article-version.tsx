"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

// The version of the article this page last knew. Every accepted change returns the new
// version at once, so a user who saves and then submits straight away does not collide with
// their own save while the page is still refreshing. Versions only increase: the newer of
// the server's and the last mutation's is current.
//
// It also lets the edit form register a "flush" (save what is pending now), which workflow
// steps await first, so a step never overtakes the user's last keystrokes.

interface VersionContextValue {
  version: number;
  /** The newest version known right now (for event handlers, after awaiting a save). */
  currentVersion: () => number;
  /**
   * The newest version this page's own text and details are based on: what it loaded, saved
   * or stepped to (never a version learned from others' saves, or a save on top of it would
   * silently replace their work instead of showing the conflict).
   */
  ownVersion: () => number;
  /** A version this page's own save or step produced. */
  setVersion: (version: number) => void;
  /** A version a co-editing store of the shared text produced: current, not own. */
  noteVersion: (version: number) => void;
  /**
   * A workflow step this page took, carrying `carried` (the newest version known) and giving
   * `next`. It becomes this page's own version only when nothing but its own saves and
   * co-editing stores came before it: after someone else's form save (a fallback without
   * co-editing, or details such as the section), the page's unsaved work is still based on
   * the older version, and its next save must show the conflict, not replace their work.
   */
  stepTaken: (carried: number, next: number) => void;
  flushPending: () => Promise<void>;
  setFlush: (flush: (() => Promise<void>) | null) => void;
}

const VersionContext = createContext<VersionContextValue | null>(null);

export function ArticleVersionProvider({ version, children }: { version: number; children: ReactNode }) {
  const [local, setLocal] = useState(version);
  const newest = useRef(version);
  const own = useRef(version);
  // The newest version made by stores of the shared text (co-editing), which leave what this
  // page saves itself (details, or the text in the fallback) untouched.
  const shared = useRef(version);
  const flush = useRef<(() => Promise<void>) | null>(null);
  useEffect(() => {
    newest.current = Math.max(newest.current, version);
  }, [version]);
  const seen = useCallback((next: number) => {
    newest.current = Math.max(newest.current, next);
    setLocal((current) => Math.max(current, next));
  }, []);
  const noteVersion = useCallback(
    (next: number) => {
      shared.current = Math.max(shared.current, next);
      seen(next);
    },
    [seen],
  );
  const setVersion = useCallback(
    (next: number) => {
      own.current = Math.max(own.current, next);
      seen(next);
    },
    [seen],
  );
  const stepTaken = useCallback(
    (carried: number, next: number) => {
      if (carried <= Math.max(own.current, shared.current)) setVersion(next);
      else seen(next);
    },
    [setVersion, seen],
  );
  const currentVersion = useCallback(() => newest.current, []);
  const ownVersion = useCallback(() => own.current, []);
  const flushPending = useCallback(async () => {
    await flush.current?.();
  }, []);
  const setFlush = useCallback((next: (() => Promise<void>) | null) => {
    flush.current = next;
  }, []);
  const value = useMemo(
    () => ({
      version: Math.max(local, version),
      currentVersion,
      ownVersion,
      setVersion,
      noteVersion,
      stepTaken,
      flushPending,
      setFlush,
    }),
    [local, version, currentVersion, ownVersion, setVersion, noteVersion, stepTaken, flushPending, setFlush],
  );
  return <VersionContext.Provider value={value}>{children}</VersionContext.Provider>;
}

export function useArticleVersion() {
  const context = useContext(VersionContext);
  if (!context) throw new Error("useArticleVersion needs an ArticleVersionProvider");
  return context;
}
