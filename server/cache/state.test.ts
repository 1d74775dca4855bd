import { describe, expect, it } from "vitest";
import { storyChange } from "./tags";
import { CacheState, pageLabels } from "./state";

describe("what a change does to a page, by the page's tags and the generation it was built in", () => {
  const cases: {
    name: string;
    change: { tags: string[]; takedown: boolean };
    page: string[];
    expected: "fresh" | "stale" | "expired";
  }[] = [
    {
      name: "an update to the story itself",
      change: { tags: ["article:a"], takedown: false },
      page: ["article:a"],
      expected: "stale",
    },
    {
      name: "a takedown of the story itself",
      change: { tags: ["article:a"], takedown: true },
      page: ["article:a"],
      expected: "expired",
    },
    {
      name: "a takedown listed on the home page",
      change: { tags: ["article:a", "home"], takedown: true },
      page: ["home"],
      expected: "expired",
    },
    {
      name: "a story in another section",
      change: { tags: ["section:sport"], takedown: true },
      page: ["article:b", "section:world"],
      expected: "fresh",
    },
    {
      name: "a story sharing a tag (related list)",
      change: { tags: ["tag:harbour"], takedown: false },
      page: ["article:b", "tag:harbour"],
      expected: "stale",
    },
    { name: "the whole site (menu)", change: { tags: [], takedown: false }, page: ["article:b"], expected: "stale" },
    { name: "the whole site, taken down", change: { tags: [], takedown: true }, page: ["feed"], expected: "expired" },
  ];
  for (const { name, change, page, expected } of cases) {
    it(name, () => {
      const state = new CacheState();
      state.apply({ id: 4, tags: ["unrelated"], takedown: true });
      state.apply({ id: 5, ...change });
      expect(state.freshness(4, page)).toBe(expected);
      expect(state.freshness(5, page)).toBe("fresh"); // built after the change
    });
  }

  it("keeps the strongest mark when changes arrive out of order", () => {
    const state = new CacheState();
    state.mark({ id: 9, tags: ["article:a"], takedown: true });
    state.apply({ id: 7, tags: ["article:a"], takedown: false });
    expect(state.freshness(8, ["article:a"])).toBe("expired");
    expect(state.generation).toBe(7);
  });

  it("a reset expires everything built before it and tells listeners", () => {
    const state = new CacheState();
    let resets = 0;
    state.onReset(() => (resets += 1));
    state.reset(12);
    expect(state.freshness(11, [])).toBe("expired");
    expect(state.freshness(12, ["article:a"])).toBe("fresh");
    expect(state.generation).toBe(12);
    expect(resets).toBe(1);
  });

  it("reads a page's labels from its headers, and refuses pages without them", () => {
    expect(pageLabels({ "x-masthead-generation": "3", "x-masthead-tags": "home feed" })).toEqual({
      generation: 3,
      tags: ["home", "feed"],
    });
    expect(pageLabels({ "x-masthead-generation": "3", "x-masthead-tags": "" })).toEqual({ generation: 3, tags: [] });
    expect(pageLabels({ "x-masthead-tags": "home" })).toBeNull();
    expect(pageLabels({ "x-masthead-generation": "-1", "x-masthead-tags": "home" })).toBeNull();
    expect(pageLabels({ "x-masthead-generation": "3" })).toBeNull();
  });
});

describe("a story's change", () => {
  it("touches the pages of before and after, once each, and the whole site when the menu changed", () => {
    const before = { tags: ["home", "article:a", "section:world"], menu: "world" };
    const after = { tags: ["home", "article:a", "section:sport"], menu: "world" };
    expect(storyChange([before], [after], false)).toEqual({
      tags: ["article:a", "home", "section:sport", "section:world"],
      takedown: false,
    });
    expect(storyChange([before], [{ ...after, menu: "sport world" }], true)).toEqual({ tags: [], takedown: true });
  });
});
