"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { covers, decodeStoreNotice } from "@/lib/collab/notice";

// Co-editing in the browser: the article's shared document, kept on this device (IndexedDB)
// and synced with the server's co-editing connection (/collab, same origin, session cookie).
// The page decides once, on opening, whether the text is co-edited ("shared") or saved by the
// form's autosave ("fallback": no co-editing connection could be made, or this device still
// holds unsaved form changes from an earlier visit, which the autosave brings back first).

export type CoEditingMode = "connecting" | "shared" | "fallback";

export type SharedStatus =
  /** Everything this device has is stored on the server (at: when that was last confirmed). */
  | { kind: "stored"; at: Date | null }
  /** Edits on their way to the server, or made but not yet confirmed stored. */
  | { kind: "saving" }
  /** No connection: edits are kept on this device and merged when it returns. */
  | { kind: "offline" }
  | { kind: "refused"; message: string }
  /** The server stopped this connection's edits (the article left an editable state, …). */
  | { kind: "closed"; message: string };

export interface CoEditingUser {
  id: string;
  name: string;
}

export interface CoEditing {
  mode: CoEditingMode;
  doc: Y.Doc | null;
  provider: HocuspocusProvider | null;
  status: SharedStatus;
  /** This person's caret colour. */
  color: string;
}

/** How long the first connection may take before the form's autosave takes over. */
const CONNECT_TIMEOUT_MS = 5000;
/** Close codes the server uses when it refuses (server/collab/collab-server.ts). */
const REFUSALS = new Set([4401, 4403, 4422]);

/** Caret colours, each with white label text at AA contrast. */
const COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#b45309", "#0e7490", "#be185d", "#4d7c0f"];

export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? "#1d4ed8";
}

/** Whether the form's autosave holds unsaved changes on this device (use-autosave.ts's key). */
function hasFormCopy(articleId: string): boolean {
  try {
    return window.localStorage.getItem(`masthead:unsaved:${articleId}`) !== null;
  } catch {
    return false;
  }
}

export function useCoEditing({
  articleId,
  user,
  onStoredVersion,
}: {
  articleId: string;
  user: CoEditingUser;
  /** Called with the article's version after each store the server confirms. */
  onStoredVersion: (version: number) => void;
}): CoEditing {
  const [state, setState] = useState<Omit<CoEditing, "color">>({
    mode: "connecting",
    doc: null,
    provider: null,
    status: { kind: "saving" },
  });
  const storedVersion = useRef(onStoredVersion);
  useEffect(() => {
    storedVersion.current = onStoredVersion;
  });

  useEffect(() => {
    // Unsaved form changes on this device (or no WebSocket at all): the form's autosave it is,
    // decided once for this visit.
    if (hasFormCopy(articleId) || typeof WebSocket === "undefined") {
      let cancelled = false;
      queueMicrotask(() => {
        if (!cancelled) setState((current) => ({ ...current, mode: "fallback" }));
      });
      return () => {
        cancelled = true;
      };
    }
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`masthead:collab:${user.id}:${articleId}`, doc);
    let stored = new Map<number, number>();
    let storedAt: Date | null = null;
    let mode: CoEditingMode = "connecting";
    let connected = false;
    let stopped: string | null = null;
    let refused: string | null = null;

    const status = (): SharedStatus => {
      if (stopped) return { kind: "closed", message: stopped };
      if (!connected) return { kind: "offline" };
      if (refused) return { kind: "refused", message: refused };
      return covers(stored, Y.decodeStateVector(Y.encodeStateVector(doc)))
        ? { kind: "stored", at: storedAt }
        : { kind: "saving" };
    };
    const report = () => {
      if (mode === "shared") setState((current) => ({ ...current, status: status() }));
    };

    const fallBack = () => {
      if (mode !== "connecting") return;
      mode = "fallback";
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setState({ mode: "fallback", doc: null, provider: null, status: { kind: "saving" } });
    };

    const provider = new HocuspocusProvider({
      url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`,
      name: articleId,
      document: doc,
      // Who is connecting comes from the session cookie; Hocuspocus wants a token all the same.
      token: "session-cookie",
      onSynced: () => {
        connected = true;
        if (mode === "connecting") {
          mode = "shared";
          setState({ mode, doc, provider, status: status() });
        } else report();
      },
      onAuthenticationFailed: ({ reason }) => {
        if (mode === "connecting") return fallBack();
        stopped = reason;
        provider.destroy();
        report();
      },
      onStatus: ({ status: socket }) => {
        connected = socket === "connected" && provider.isSynced;
        report();
      },
      onClose: ({ event }) => {
        connected = false;
        if (mode === "connecting") return fallBack();
        if (REFUSALS.has(event.code)) {
          // Sending the same edit again would be refused again: stop, keep it on this device.
          stopped = event.reason || "The server refused an edit.";
          provider.destroy();
        }
        report();
      },
      onStateless: ({ payload }) => {
        const notice = decodeStoreNotice(payload);
        if (!notice) return;
        if (notice.kind === "refused") refused = notice.message;
        else {
          refused = null;
          stored = Y.decodeStateVector(notice.stateVector);
          storedAt = new Date();
          storedVersion.current(notice.version);
        }
        report();
      },
    });
    const onUpdate = () => report();
    doc.on("update", onUpdate);
    const timer = setTimeout(fallBack, CONNECT_TIMEOUT_MS);

    return () => {
      clearTimeout(timer);
      doc.off("update", onUpdate);
      if (mode === "fallback") return;
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [articleId, user.id]);

  return { ...state, color: colorFor(user.id) };
}
