// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { serverError } from "@/tests/trpc-client-errors";
import { ArticleVersionProvider, useArticleVersion } from "./article-version";
import { useArticleStep } from "./use-article-step";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

function setup(version = 3) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ArticleVersionProvider version={version}>{children}</ArticleVersionProvider>
  );
  return renderHook(() => ({ step: useArticleStep(), versions: useArticleVersion() }), { wrapper });
}

beforeEach(() => refresh.mockClear());

describe("useArticleStep", () => {
  it("saves pending edits first, runs the step with the version that save produced, then refreshes", async () => {
    const { result } = setup();
    const order: string[] = [];
    act(() =>
      result.current.versions.setFlush(async () => {
        order.push("flush");
        result.current.versions.setVersion(4);
      }),
    );
    const step = vi.fn(async (version: number) => {
      order.push(`step at ${version}`);
      return { version: 5 };
    });
    let ok: boolean | undefined;
    await act(async () => {
      ok = await result.current.step.run(step);
    });
    expect(ok).toBe(true);
    expect(order).toEqual(["flush", "step at 4"]);
    expect(result.current.versions.currentVersion()).toBe(5);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(result.current.step.busy).toBe(false);
    expect(result.current.step.error).toBeNull();
  });

  it("a step after co-editing stores becomes the page's own version (details are saved on it)", async () => {
    const { result } = setup(3);
    act(() => result.current.versions.noteVersion(6));
    await act(async () => {
      await result.current.step.run(async (version) => ({ version: version + 1 }));
    });
    expect(result.current.versions.ownVersion()).toBe(7);
    expect(result.current.versions.currentVersion()).toBe(7);
  });

  it("a step after someone else's save does not move the page's own version past that save", async () => {
    let version = 3;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ArticleVersionProvider version={version}>{children}</ArticleVersionProvider>
    );
    const { result, rerender } = renderHook(() => ({ step: useArticleStep(), versions: useArticleVersion() }), {
      wrapper,
    });
    version = 4; // someone else's form save, seen on refresh
    rerender();
    await act(async () => {
      await result.current.step.run(async (carried) => ({ version: carried + 1 }));
    });
    // The step itself went with the newest version; this page's unsaved text is still based on 3,
    // so its next save shows the conflict instead of replacing the other person's text.
    expect(result.current.versions.currentVersion()).toBe(5);
    expect(result.current.versions.ownVersion()).toBe(3);
  });

  it("is busy while the step runs", async () => {
    const { result } = setup();
    let finish!: () => void;
    let running!: Promise<boolean>;
    const step = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    await act(async () => {
      running = result.current.step.run(step);
    });
    expect(step).toHaveBeenCalled();
    expect(result.current.step.busy).toBe(true);
    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.step.busy).toBe(false);
  });

  it("keeps a refusal as a message with its per-field messages, and does not refresh", async () => {
    const { result } = setup();
    const refusal = serverError("BAD_REQUEST", "Invalid input", { note: ["Tell the writer what to change"] });
    let ok: boolean | undefined;
    await act(async () => {
      ok = await result.current.step.run(() => Promise.reject(refusal));
    });
    expect(ok).toBe(false);
    expect(result.current.step.error).toEqual({
      message: "Tell the writer what to change",
      fieldErrors: { note: ["Tell the writer what to change"] },
      conflict: false,
    });
    expect(refresh).not.toHaveBeenCalled();
    act(() => result.current.step.clearError());
    expect(result.current.step.error).toBeNull();
  });

  it("marks a stale version as a conflict, so the page offers a reload", async () => {
    const { result } = setup();
    const stale = serverError("CONFLICT", "This article changed after you opened it: it is now In review.");
    await act(async () => {
      await result.current.step.run(() => Promise.reject(stale));
    });
    expect(result.current.step.error?.conflict).toBe(true);
  });

  it("a lost connection gets a message that says so", async () => {
    const { result } = setup();
    await act(async () => {
      await result.current.step.run(() => Promise.reject(new TypeError("Failed to fetch")));
    });
    expect(result.current.step.error?.message).toBe("Something went wrong. Check your connection and try again.");
  });
});

describe("the article's version on the page", () => {
  it("only ever increases: a late answer or an older server render never moves it back", () => {
    let version = 3;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ArticleVersionProvider version={version}>{children}</ArticleVersionProvider>
    );
    const { result, rerender } = renderHook(() => useArticleVersion(), { wrapper });
    act(() => result.current.setVersion(6));
    act(() => result.current.setVersion(5));
    expect(result.current.version).toBe(6);
    expect(result.current.currentVersion()).toBe(6);
    version = 4; // a refresh rendered before the last save
    rerender();
    expect(result.current.version).toBe(6);
    version = 8; // someone else's step, seen on refresh
    rerender();
    expect(result.current.version).toBe(8);
    expect(result.current.currentVersion()).toBe(8);
  });

  it("flushing with nothing registered resolves at once", async () => {
    const { result } = setup();
    await expect(result.current.versions.flushPending()).resolves.toBeUndefined();
  });

  it("is only available inside its provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => renderHook(() => useArticleVersion())).toThrow("useArticleVersion needs an ArticleVersionProvider");
  });
});
