"use client";

import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { fromBase64 } from "@/lib/collab/base64";
import { covers, decodeStoreNotice, STORE_NOW } from "@/lib/collab/notice";

// Co-editing in the browser. The article's text is a shared (Yjs) document from the first
// render: the page brings the server's copy, so the editor is bound to it before any
// connection and nothing typed early is lost. A connection to the server (/collab, same
// origin, session cookie) then syncs it, and a copy is kept on this device (IndexedDB) until
// the server confirms it stored it. The page decides once how the text is saved:
// "shared" (the connection is made: the server stores the shared text), or "fallback" (no
// connection could be made, or this device still holds unsaved form changes from an earlier
// visit: the form's autosave saves the text, with its conflict screen).

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
  /** The shared text; the editor and the headline and standfirst fields are bound to it. */
  doc: Y.Doc;
  /** Who is where (carets): what the caret extension reads. */
  presence: { awareness: Awareness };
  status: SharedStatus;
  /** This person's caret colour. */
  color: string;
  /**
   * Co-edited: asks the server to store the text now and waits until it confirms everything on
   * this device is stored (or the connection is gone, or 10 s have passed). Workflow steps wait
   * for it, so a step never overtakes the last keystrokes.
   */
  flush: () => Promise<void>;
}

/** How long a flush waits for the server's confirmation at most. */
const FLUSH_TIMEOUT_MS = 10_000;
/** How long the first connection may take before the form's autosave takes over. */
const CONNECT_TIMEOUT_MS = 4000;
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

interface Parts {
  doc: Y.Doc;
  /** What the page brought: stored on the server by definition. */
  storedAtRender: Map<number, number>;
  awareness: Awareness;
  socket: HocuspocusProviderWebsocket | null;
  provider: HocuspocusProvider | null;
}

/** Made once per page: the document, and (in the browser) a connection not yet opened. */
function makeParts(articleId: string, sharedState: string): Parts {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(sharedState));
  const storedAtRender = Y.decodeStateVector(Y.encodeStateVector(doc));
  const awareness = new Awareness(doc);
  if (typeof window === "undefined") return { doc, storedAtRender, awareness, socket: null, provider: null };
  const socket = new HocuspocusProviderWebsocket({
    url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`,
    autoConnect: false,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: articleId,
    document: doc,
    awareness,
    // Who is connecting comes from the session cookie; Hocuspocus wants a token all the same.
    token: "session-cookie",
  });
  return { doc, storedAtRender, awareness, socket, provider };
}

export function useCoEditing({
  articleId,
  user,
  sharedState,
  onStoredVersion,
}: {
  articleId: string;
  user: CoEditingUser;
  /** The server's shared document (a Yjs update, base64), as the page was rendered. */
  sharedState: string;
  /** Called with the article's version after each store the server confirms. */
  onStoredVersion: (version: number) => void;
}): CoEditing {
  const [parts] = useState(() => makeParts(articleId, sharedState));
  const [presence] = useState(() => ({ awareness: parts.awareness }));
  const [state, setState] = useState<{ mode: CoEditingMode; status: SharedStatus }>({
    mode: "connecting",
    status: { kind: "saving" },
  });
  const flushNow = useRef<() => Promise<void>>(async () => undefined);
  const [flush] = useState(() => () => flushNow.current());
  const storedVersion = useRef(onStoredVersion);
  useEffect(() => {
    storedVersion.current = onStoredVersion;
  });

  useEffect(() => {
    const { doc, socket, provider } = parts;
    if (!socket || !provider) return;
    // Unsaved form changes on this device, or no network: the form's autosave it is.
    if (hasFormCopy(articleId) || !navigator.onLine) {
      let cancelled = false;
      queueMicrotask(() => {
        if (!cancelled) setState((current) => ({ ...current, mode: "fallback" }));
      });
      return () => {
        cancelled = true;
      };
    }
    const local = new IndexeddbPersistence(`masthead:collab:${user.id}:${articleId}`, doc);
    let stored = parts.storedAtRender;
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
    const waiting = new Set<() => void>();
    // Called on every keystroke: the page re-renders only when what it shows changes.
    let shown = "";
    const report = () => {
      if (mode !== "shared") return;
      const now = status();
      const key = JSON.stringify(now);
      if (key !== shown) {
        shown = key;
        setState({ mode, status: now });
      }
      if (now.kind !== "saving") for (const done of waiting) done();
    };
    flushNow.current = () => {
      if (mode !== "shared" || status().kind !== "saving") return Promise.resolve();
      provider.sendStateless(STORE_NOW);
      return new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          clearTimeout(timeout);
          resolve();
        };
        const timeout = setTimeout(done, FLUSH_TIMEOUT_MS);
        waiting.add(done);
      });
    };
    const fallBack = () => {
      if (mode !== "connecting") return;
      mode = "fallback";
      socket.disconnect();
      provider.detach();
      // The form saves the text from now on; a copy here would come back as a duplicate later.
      void local.clearData();
      setState({ mode, status: { kind: "saving" } });
    };

    const onSynced = () => {
      connected = true;
      if (mode === "connecting") mode = "shared";
      report();
    };
    const onAuthenticationFailed = ({ reason }: { reason: string }) => {
      if (mode === "connecting") return fallBack();
      stopped = reason;
      socket.disconnect();
      report();
    };
    const onStatus = ({ status: socketStatus }: { status: string }) => {
      connected = socketStatus === "connected" && provider.isSynced;
      report();
    };
    const onClose = ({ event }: { event: { code: number; reason: string } }) => {
      connected = false;
      if (mode === "connecting") return fallBack();
      if (REFUSALS.has(event.code)) {
        // Sending the same edit again would be refused again: stop, keep it on this device.
        stopped = event.reason || "The server refused an edit.";
        socket.disconnect();
      }
      report();
    };
    const onStateless = ({ payload }: { payload: string }) => {
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
    };
    provider.on("synced", onSynced);
    provider.on("authenticationFailed", onAuthenticationFailed);
    provider.on("status", onStatus);
    provider.on("close", onClose);
    provider.on("stateless", onStateless);
    // Any change is "Saving…" until a store covers it: while that is shown already, a
    // keystroke needs no look at the state vectors.
    const onDocUpdate = () => {
      if (!shown.includes('"saving"')) report();
    };
    doc.on("update", onDocUpdate);
    provider.attach();
    void socket.connect();
    const timer = setTimeout(() => {
      if (mode === "connecting") fallBack();
    }, CONNECT_TIMEOUT_MS);

    return () => {
      flushNow.current = async () => undefined;
      for (const done of waiting) done();
      clearTimeout(timer);
      provider.off("synced", onSynced);
      provider.off("authenticationFailed", onAuthenticationFailed);
      provider.off("status", onStatus);
      provider.off("close", onClose);
      provider.off("stateless", onStateless);
      doc.off("update", onDocUpdate);
      socket.disconnect();
      provider.detach();
      void local.destroy();
    };
  }, [parts, articleId, user.id]);

  return { ...state, doc: parts.doc, presence, color: colorFor(user.id), flush };
}
