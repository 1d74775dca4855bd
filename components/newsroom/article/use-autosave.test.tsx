// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serverError } from "@/tests/trpc-client-errors";
import { ArticleVersionProvider, useArticleVersion } from "./article-version";
import { useAutosave } from "./use-autosave";

interface Draft {
  text: string;
}
type Save = (value: Draft, version: number) => Promise<{ version: number }>;

const ARTICLE = "article-1";
const STORAGE_KEY = `masthead:unsaved:${ARTICLE}`;
const SERVER: Draft = { text: "What the server has." };
const SERVER_V3 = { value: SERVER, version: 3 };

/** A save the test answers by hand. */
function pendingSave() {
  const calls: { value: Draft; version: number; answer: (version: number) => void; fail: (error: unknown) => void }[] =
    [];
  const save = vi.fn<Save>(
    (value, version) =>
      new Promise((resolve, reject) => {
        calls.push({ value, version, answer: (next) => resolve({ version: next }), fail: reject });
      }),
  );
  return { save, calls };
}

function setup(save: Save, { version = 3 }: { version?: number } = {}) {
  const onRestore = vi.fn<(value: Draft) => void>();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ArticleVersionProvider version={version}>{children}</ArticleVersionProvider>
  );
  const hook = renderHook(
    ({ value }: { value: Draft }) => ({
      autosave: useAutosave({ articleId: ARTICLE, value, initial: SERVER, save, onRestore }),
      versions: useArticleVersion(),
    }),
    { initialProps: { value: SERVER }, wrapper },
  );
  const type = (text: string) => hook.rerender({ value: { text } });
  const status = () => hook.result.current.autosave.status;
  return { hook, onRestore, type, status };
}

/** Moves the fake clock and lets React and the promises it releases run. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const stored = () => JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null") as unknown;

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe("useAutosave", () => {
  it("saves a second after typing stops, once, with the newest text, over the version the page knows", async () => {
    const { save, calls } = pendingSave();
    const { hook, type, status } = setup(save);
    type("Draft one");
    expect(status()).toEqual({ kind: "pending" });
    await wait(500);
    type("Draft one, longer");
    await wait(999);
    expect(save).not.toHaveBeenCalled();
    await wait(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(calls[0]).toMatchObject({ value: { text: "Draft one, longer" }, version: 3 });
    expect(status()).toEqual({ kind: "saving" });

    await act(async () => calls[0]?.answer(4));
    expect(status()).toMatchObject({ kind: "saved" });
    expect(hook.result.current.versions.currentVersion()).toBe(4);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("saves over the page's own version, not one it only heard of from someone else's change", async () => {
    const { save, calls } = pendingSave();
    const { hook, type } = setup(save);
    // A co-editing store or a refresh tells the page about version 7 (someone else's work).
    act(() => hook.result.current.versions.noteVersion(7));
    expect(hook.result.current.versions.currentVersion()).toBe(7);
    type("My text, written on version 3");
    await wait(1000);
    // Based on 3: if someone else saved the text meanwhile, the server answers with a conflict.
    expect(calls[0]).toMatchObject({ version: 3 });
    await act(async () => calls[0]?.answer(8));
    expect(hook.result.current.versions.ownVersion()).toBe(8);
  });

  it("stays saved when the page is refreshed around it with a new save function and the same text", async () => {
    const { save, calls } = pendingSave();
    const onRestore = vi.fn<(value: Draft) => void>();
    let version = 3;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ArticleVersionProvider version={version}>{children}</ArticleVersionProvider>
    );
    const hook = renderHook(
      ({ value, saveWith }: { value: Draft; saveWith: Save }) =>
        useAutosave({ articleId: ARTICLE, value, initial: SERVER, save: saveWith, onRestore }),
      { initialProps: { value: SERVER, saveWith: save }, wrapper },
    );
    const typed = { text: "Typed once" };
    hook.rerender({ value: typed, saveWith: save });
    await wait(1000);
    await act(async () => calls[0]?.answer(4));
    expect(hook.result.current.status).toMatchObject({ kind: "saved" });
    // The refreshed page renders the form again: a new save callback, the same draft object.
    version = 4;
    hook.rerender({ value: typed, saveWith: vi.fn<Save>(save) });
    await wait(2000);
    expect(hook.result.current.status).toMatchObject({ kind: "saved" });
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("keeps every change on this device within 300 ms, before the server has it", async () => {
    const { save } = pendingSave();
    const { type } = setup(save);
    type("Not yet on the server");
    await wait(299);
    expect(stored()).toBeNull();
    await wait(1);
    expect(stored()).toEqual({ value: { text: "Not yet on the server" }, baseVersion: 3 });
    expect(save).not.toHaveBeenCalled();
  });

  it("offline: keeps the text, says so, retries every 5 s and when the connection returns", async () => {
    const { save, calls } = pendingSave();
    const { type, status } = setup(save);
    type("Written on the train");
    await wait(1000);
    await act(async () => calls[0]?.fail(new TypeError("Failed to fetch")));
    expect(status()).toEqual({ kind: "offline" });
    expect(stored()).toEqual({ value: { text: "Written on the train" }, baseVersion: 3 });

    await wait(5000);
    expect(save).toHaveBeenCalledTimes(2);
    await act(async () => calls[1]?.fail(new TypeError("Failed to fetch")));
    expect(status()).toEqual({ kind: "offline" });

    await act(async () => {
      window.dispatchEvent(new Event("online"));
    });
    expect(save).toHaveBeenCalledTimes(3);
    await act(async () => calls[2]?.answer(4));
    expect(status()).toMatchObject({ kind: "saved" });
    expect(stored()).toBeNull();
  });

  it("a save refused because the story was busy (a row lock held elsewhere) is kept and retried, not a conflict", async () => {
    const { save, calls } = pendingSave();
    const { type, status } = setup(save);
    type("Typed while a report held the row");
    await wait(1000);
    const busy = serverError("CONFLICT", "Someone else is changing this right now.", null, "article.update", true);
    await act(async () => calls[0]?.fail(busy));
    expect(status()).toEqual({ kind: "busy" });
    expect(stored()).toEqual({ value: { text: "Typed while a report held the row" }, baseVersion: 3 });
    await wait(5000);
    expect(save).toHaveBeenCalledTimes(2);
    await act(async () => calls[1]?.answer(4));
    expect(status()).toMatchObject({ kind: "saved" });
    expect(stored()).toBeNull();
  });

  it("saves at once when the page is hidden, without waiting for the pause", async () => {
    const { save } = pendingSave();
    const { type } = setup(save);
    type("Closing the laptop");
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    await act(async () => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(save).toHaveBeenCalledWith({ text: "Closing the laptop" }, 3);
    visibility.mockRestore();
  });

  it("brings back unsaved text from an earlier visit and saves it over the version it started from", async () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ value: { text: "From before the crash" }, baseVersion: 2 }),
    );
    const { save, calls } = pendingSave();
    const { onRestore, type, status } = setup(save);
    expect(onRestore).toHaveBeenCalledWith({ text: "From before the crash" });
    expect(status()).toEqual({ kind: "restored" });
    type("From before the crash"); // the form shows what was restored
    await wait(1000);
    expect(calls[0]).toMatchObject({ value: { text: "From before the crash" }, version: 2 });
  });

  it("does not restore a copy that is what the server already has", () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ value: SERVER, baseVersion: 2 }));
    const { onRestore, status } = setup(pendingSave().save);
    expect(onRestore).not.toHaveBeenCalled();
    expect(status()).toEqual({ kind: "idle" });
  });

  it("a conflict stops saving until the user chooses; keeping mine saves over their version", async () => {
    const { save, calls } = pendingSave();
    const { type, status, hook } = setup(save);
    type("Mine");
    await wait(1000);
    await act(async () => calls[0]?.fail(serverError("CONFLICT", "Someone else saved", null)));
    expect(status()).toEqual({ kind: "conflict" });

    type("Mine, with more");
    await wait(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(status()).toEqual({ kind: "conflict" });
    expect(stored()).toEqual({ value: { text: "Mine, with more" }, baseVersion: 3 });

    await act(async () => hook.result.current.autosave.resolve({ keep: "mine", version: 9 }));
    expect(calls[1]).toMatchObject({ value: { text: "Mine, with more" }, version: 9 });
    await act(async () => calls[1]?.answer(10));
    expect(status()).toMatchObject({ kind: "saved" });
    expect(hook.result.current.versions.currentVersion()).toBe(10);
  });

  it("taking theirs continues from their version and saves nothing", async () => {
    const { save, calls } = pendingSave();
    const { type, status, hook } = setup(save);
    type("Mine");
    await wait(1000);
    await act(async () => calls[0]?.fail(serverError("CONFLICT", "Someone else saved", null)));
    const theirs = { text: "Theirs" };
    act(() => hook.result.current.autosave.resolve({ keep: "theirs", value: theirs, version: 9 }));
    type("Theirs"); // the form now shows their version
    await wait(2000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(status()).toEqual({ kind: "idle" }); // "All changes saved"
    expect(stored()).toBeNull();
    expect(hook.result.current.versions.currentVersion()).toBe(9);
  });

  it("a refused save shows the server's message and per-field messages, and keeps saving later edits", async () => {
    const { save, calls } = pendingSave();
    const { type, status } = setup(save);
    type("");
    await wait(1000);
    await act(async () =>
      calls[0]?.fail(serverError("BAD_REQUEST", "Invalid input", { headline: ["Headline is required"] })),
    );
    expect(status()).toEqual({
      kind: "refused",
      message: "Headline is required",
      fieldErrors: { headline: ["Headline is required"] },
    });
    type("Fixed");
    await wait(1000);
    expect(calls[1]?.value).toEqual({ text: "Fixed" });
  });

  it("a taken slug (a CONFLICT naming a field) is the user's to fix, not a conflict with someone", async () => {
    const { save, calls } = pendingSave();
    const { type, status } = setup(save);
    type("Slug clash");
    await wait(1000);
    await act(async () =>
      calls[0]?.fail(serverError("CONFLICT", "Another article already uses that slug.", { slug: ["Taken"] })),
    );
    expect(status()).toMatchObject({ kind: "refused", message: "Another article already uses that slug." });
    type("Slug clash fixed");
    await wait(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it("typing back to what the server has leaves nothing to save", async () => {
    const { save } = pendingSave();
    const { type, status } = setup(save);
    type("A change");
    type(SERVER.text);
    await wait(1000);
    expect(save).not.toHaveBeenCalled();
    expect(status()).toEqual({ kind: "idle" });
  });

  it("never sends two saves at once: the next waits for the one in flight and uses its version", async () => {
    const { save, calls } = pendingSave();
    const { type } = setup(save);
    type("First");
    await wait(1000);
    type("Second");
    await wait(1000);
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => calls[0]?.answer(4));
    expect(calls[1]).toMatchObject({ value: { text: "Second" }, version: 4 });
  });

  it("a workflow step's flush saves pending text at once and waits for it", async () => {
    const { save, calls } = pendingSave();
    const { type, hook } = setup(save);
    type("Last words before submitting");
    let flushed = false;
    await act(async () => {
      void hook.result.current.versions.flushPending().then(() => (flushed = true));
    });
    expect(calls[0]).toMatchObject({ value: { text: "Last words before submitting" }, version: 3 });
    expect(flushed).toBe(false);
    await act(async () => calls[0]?.answer(4));
    expect(flushed).toBe(true);
    expect(hook.result.current.versions.currentVersion()).toBe(4);
  });
});

describe("useAutosave and the same text in another form", () => {
  it("does not save a value equal to the server's with its keys in another order (the editor's JSON against jsonb's)", async () => {
    interface Body {
      body: { content: { text?: string; type: string }[] };
    }
    const fromDatabase: Body = { body: { content: [{ text: "The first paragraph.", type: "text" }] } };
    const save = vi.fn<(value: Body, version: number) => Promise<{ version: number }>>(async () => ({ version: 4 }));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ArticleVersionProvider version={3}>{children}</ArticleVersionProvider>
    );
    const hook = renderHook(
      ({ value }: { value: Body }) =>
        useAutosave({ articleId: ARTICLE, value, initial: fromDatabase, save, onRestore: () => undefined }),
      { initialProps: { value: fromDatabase }, wrapper },
    );
    // The editor reports the same document, keys in its own order.
    hook.rerender({ value: { body: { content: [{ type: "text", text: "The first paragraph." }] } } });
    await wait(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    // A real change is saved.
    hook.rerender({ value: { body: { content: [{ type: "text", text: "The first paragraph. More." }] } } });
    await wait(1_000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe("useAutosave and a newer version from the server", () => {
  function withServer(save: Save, canAdopt?: (server: Draft, saved: Draft) => boolean) {
    const onAdopt = vi.fn<(value: Draft) => void>();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ArticleVersionProvider version={3}>{children}</ArticleVersionProvider>
    );
    const hook = renderHook(
      ({ value, server }: { value: Draft; server: { value: Draft; version: number } }) => ({
        autosave: useAutosave({
          articleId: ARTICLE,
          value,
          initial: SERVER,
          save,
          onRestore: () => undefined,
          server,
          canAdopt,
          onAdopt,
        }),
        versions: useArticleVersion(),
      }),
      { initialProps: { value: SERVER, server: { value: SERVER, version: 3 } }, wrapper },
    );
    return { hook, onAdopt };
  }
  const elsewhere = { value: { text: "Changed by someone else." }, version: 5 };

  it("takes it when nothing here is unsaved, and the next save builds on it", async () => {
    const { save, calls } = pendingSave();
    const { hook, onAdopt } = withServer(save);
    hook.rerender({ value: SERVER, server: elsewhere });
    expect(onAdopt).toHaveBeenCalledWith(elsewhere.value);
    expect(hook.result.current.versions.ownVersion()).toBe(5);
    // The form shows it: that is no change of the user's, nothing to save.
    hook.rerender({ value: { text: "Changed by someone else." }, server: elsewhere });
    expect(hook.result.current.autosave.status).toEqual({ kind: "idle" });
    await wait(3000);
    expect(save).not.toHaveBeenCalled();
    hook.rerender({ value: { text: "Changed by someone else. And by me." }, server: elsewhere });
    await wait(1000);
    expect(calls[0]).toMatchObject({ version: 5, value: { text: "Changed by someone else. And by me." } });
  });

  it("leaves it while something here is unsaved or being saved: that save still shows the conflict", async () => {
    const { save, calls } = pendingSave();
    const { hook, onAdopt } = withServer(save);
    hook.rerender({ value: { text: "Mine, not saved yet." }, server: SERVER_V3 });
    hook.rerender({ value: { text: "Mine, not saved yet." }, server: elsewhere });
    await wait(1000);
    expect(onAdopt).not.toHaveBeenCalled();
    expect(calls[0]).toMatchObject({ version: 3 });
    // In flight: a refresh arriving now is not taken either.
    hook.rerender({ value: { text: "Mine, not saved yet." }, server: { ...elsewhere, version: 6 } });
    expect(onAdopt).not.toHaveBeenCalled();
    expect(hook.result.current.versions.ownVersion()).toBe(3);
  });

  it("leaves it when the caller says no (the fallback, when the text differs) or it is not newer", () => {
    const { save } = pendingSave();
    const refuse = withServer(save, () => false);
    refuse.hook.rerender({ value: SERVER, server: elsewhere });
    expect(refuse.onAdopt).not.toHaveBeenCalled();
    expect(refuse.hook.result.current.versions.ownVersion()).toBe(3);
    const older = withServer(save);
    older.hook.rerender({ value: SERVER, server: { value: { text: "Older." }, version: 2 } });
    expect(older.onAdopt).not.toHaveBeenCalled();
  });
});
