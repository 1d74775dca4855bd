"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { canonicalJson } from "@/lib/canonical-json";
import { describeError } from "@/trpc/errors";
import type { AppRouter } from "@/trpc/types";
import { useArticleVersion } from "./article-version";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "restored" }
  | { kind: "offline" }
  /** The server was busy (someone else held the story for a moment): kept here, retried. */
  | { kind: "busy" }
  | { kind: "conflict" }
  | { kind: "refused"; message: string; fieldErrors: Record<string, string[]> };

const DEBOUNCE_MS = 1000;
const RETRY_MS = 5000;
/** How soon a change is copied to this device (localStorage). */
const LOCAL_COPY_MS = 300;

interface Stored<T> {
  value: T;
  baseVersion: number;
}

const storageKey = (articleId: string) => `masthead:unsaved:${articleId}`;

function readStored<T>(articleId: string): Stored<T> | null {
  try {
    const raw = window.localStorage.getItem(storageKey(articleId));
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

function isNetworkFailure(error: unknown): boolean {
  return !(error instanceof TRPCClientError) || !error.data;
}

/**
 * Saves `value` about a second after it stops changing, when the page is hidden, and when
 * asked (flush). Until the server confirms a save, the value is kept in this browser
 * (localStorage) and restored after a reload or crash. Offline saves, and saves the server
 * was too busy to take, are retried; a CONFLICT
 * stops saving until the user resolves it. What the server has (`server`, after a refresh brought
 * someone else's change) is taken into the form when nothing here is unsaved, so the page's next
 * save builds on it instead of running into a conflict.
 */
export function useAutosave<T>({
  articleId: storageName,
  value,
  initial,
  save,
  onRestore,
  disabled = false,
  alsoFlush,
  server,
  canAdopt,
  onAdopt,
}: {
  /** Awaited after the form's own save when a workflow step asks for everything to be saved. */
  alsoFlush?: () => Promise<void>;
  /** Names the copy kept on this device (the article's id, or a name for part of it). */
  articleId: string;
  /** Nothing is saved, kept or restored (while the page is still deciding how the text is saved). */
  disabled?: boolean;
  value: T;
  /** What the server has. */
  initial: T;
  save: (value: T, version: number) => Promise<{ version: number }>;
  onRestore: (value: T) => void;
  /** What the server has now and its version, as the page was last (re)rendered. */
  server?: { value: T; version: number };
  /** Whether the server's value may replace what this page last saved (default: it may). */
  canAdopt?: (server: T, saved: T) => boolean;
  /** Shows the server's value, taken because nothing here was unsaved. */
  onAdopt?: (value: T) => void;
}) {
  // Saves are based on the version this page's text is based on: a save by someone else that
  // this page only heard of must come back as a conflict, not be overwritten.
  const { ownVersion: currentVersion, setVersion, setFlush } = useArticleVersion();
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const latest = useRef(value);
  const lastSaved = useRef(canonicalJson(initial));
  const lastSavedValue = useRef(initial);
  // Set when the server's value was just taken: the form showing it is no change of the user's.
  const adopted = useRef(false);
  const baseVersion = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);

  const persistLocally = useCallback(
    (next: T) => {
      try {
        const stored: Stored<T> = { value: next, baseVersion: baseVersion.current ?? currentVersion() };
        window.localStorage.setItem(storageKey(storageName), JSON.stringify(stored));
      } catch {
        // Storage full or disabled: the server save is still attempted.
      }
    },
    [storageName, currentVersion],
  );

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    const snapshot = latest.current;
    const serialized = canonicalJson(snapshot);
    if (blocked.current) return;
    if (serialized === lastSaved.current) {
      // Typed and then undone back to what the server has: nothing to save.
      setStatus((current) => (current.kind === "pending" ? { kind: "idle" } : current));
      return;
    }
    persistLocally(snapshot);
    const attempt = (async () => {
      setStatus({ kind: "saving" });
      try {
        const result = await save(snapshot, baseVersion.current ?? currentVersion());
        baseVersion.current = null;
        setVersion(result.version);
        lastSaved.current = serialized;
        lastSavedValue.current = snapshot;
        // Nothing typed since the save began (the same value, or an equal one): the copy kept on
        // this device has done its work.
        if (latest.current === snapshot || canonicalJson(latest.current) === serialized)
          window.localStorage.removeItem(storageKey(storageName));
        setStatus({ kind: "saved", at: new Date() });
      } catch (error) {
        if (isNetworkFailure(error)) setStatus({ kind: "offline" });
        else if ((error as TRPCClientError<AppRouter>).data?.retryable) setStatus({ kind: "busy" });
        // A CONFLICT naming a field (a taken slug) is the user's to fix in that field; one
        // without fields means someone else saved in between.
        else if (
          (error as TRPCClientError<AppRouter>).data?.code === "CONFLICT" &&
          !(error as TRPCClientError<AppRouter>).data?.fieldErrors
        ) {
          blocked.current = true;
          setStatus({ kind: "conflict" });
        } else setStatus({ kind: "refused", ...describeError(error) });
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
  }, [storageName, currentVersion, persistLocally, save, setVersion]);

  // Each change is copied to this device within a moment and saved after a pause in typing.
  // Serialising a long article on every keystroke would cost more than a frame, so both
  // happen on timers; the value itself is always current in `latest`.
  const localTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Only a new value counts as a change (not a new callback from a refreshed page).
  const seen = useRef(value);
  useEffect(() => {
    if (seen.current === value || disabled) return;
    seen.current = value;
    latest.current = value;
    if (adopted.current) {
      adopted.current = false;
      if (canonicalJson(value) === lastSaved.current) return;
    }
    if (!localTimer.current) {
      localTimer.current = setTimeout(() => {
        localTimer.current = null;
        if (canonicalJson(latest.current) !== lastSaved.current) persistLocally(latest.current);
      }, LOCAL_COPY_MS);
    }
    if (blocked.current) return;
    setStatus((current) => (current.kind === "pending" ? current : { kind: "pending" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), DEBOUNCE_MS);
  }, [value, persistLocally, saveNow, disabled]);

  // A newer version from the server (someone else's change, or a save of this page's that a
  // reload overtook): taken when nothing here is waiting to be saved, kept on this device or in
  // flight, and the caller agrees (the fallback keeps it from replacing text).
  const adopt = useRef({ canAdopt, onAdopt });
  useEffect(() => {
    adopt.current = { canAdopt, onAdopt };
  });
  useEffect(() => {
    if (!server || disabled || blocked.current || server.version <= currentVersion()) return;
    if (timer.current || localTimer.current || inFlight.current) return;
    if (baseVersion.current !== null || canonicalJson(latest.current) !== lastSaved.current) return;
    const { canAdopt: allowed, onAdopt: show } = adopt.current;
    if (!show || (allowed && !allowed(server.value, lastSavedValue.current))) return;
    const serialized = canonicalJson(server.value);
    setVersion(server.version);
    if (serialized === lastSaved.current) return;
    lastSaved.current = serialized;
    lastSavedValue.current = server.value;
    latest.current = server.value;
    adopted.current = true;
    show(server.value);
  }, [server, disabled, currentVersion, setVersion]);

  // Unsaved changes from an earlier visit (reload, crash, lost connection) come back first.
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  });
  useEffect(() => {
    if (disabled) return;
    const stored = readStored<T>(storageName);
    if (!stored || canonicalJson(stored.value) === lastSaved.current) return;
    baseVersion.current = stored.baseVersion;
    restore.current(stored.value);
    setStatus({ kind: "restored" });
  }, [storageName, disabled]);

  // Retry while offline; save when the connection returns or the page is hidden.
  useEffect(() => {
    const retry = setInterval(() => {
      if (status.kind === "offline" || status.kind === "busy") void saveNow();
    }, RETRY_MS);
    const online = () => void saveNow();
    const hidden = () => {
      if (document.visibilityState === "hidden") void saveNow();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", online);
    return () => {
      clearInterval(retry);
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", online);
    };
  }, [saveNow, status.kind]);

  useEffect(() => {
    setFlush(async () => {
      await saveNow();
      await alsoFlush?.();
    });
    return () => setFlush(null);
  }, [saveNow, setFlush, alsoFlush]);

  /**
   * After a conflict: save mine (or `value`, a version combined from both) over `version`, or
   * continue from what the server has (take theirs, unchanged).
   */
  const resolve = useCallback(
    (resolution: { keep: "mine"; value?: T; version: number } | { keep: "theirs"; value: T; version: number }) => {
      blocked.current = false;
      baseVersion.current = null;
      setVersion(resolution.version);
      if (resolution.keep === "theirs") {
        lastSaved.current = canonicalJson(resolution.value);
        lastSavedValue.current = resolution.value;
        window.localStorage.removeItem(storageKey(storageName));
        setStatus({ kind: "saved", at: new Date() });
      } else {
        baseVersion.current = resolution.version;
        if (resolution.value !== undefined) latest.current = resolution.value;
        void saveNow();
      }
    },
    [storageName, saveNow, setVersion],
  );

  return { status, saveNow, resolve };
}
