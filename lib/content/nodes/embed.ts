import { Node } from "@tiptap/core";

export const EMBED_PROVIDERS = {
  youtube: {
    label: "YouTube",
    id: /^[A-Za-z0-9_-]{11}$/,
    url: (id: string) => `https://www.youtube.com/watch?v=${id}`,
  },
  vimeo: { label: "Vimeo", id: /^\d{6,12}$/, url: (id: string) => `https://vimeo.com/${id}` },
  x: { label: "X", id: /^[A-Za-z0-9_]{1,15}\/status\/\d{5,25}$/, url: (id: string) => `https://x.com/${id}` },
  bluesky: {
    label: "Bluesky",
    id: /^[A-Za-z0-9.-]{3,253}\/post\/[a-z0-9]{5,20}$/,
    url: (id: string) => `https://bsky.app/profile/${id}`,
  },
} as const;
export type EmbedProvider = keyof typeof EMBED_PROVIDERS;

export function isEmbedProvider(value: unknown): value is EmbedProvider {
  return typeof value === "string" && Object.hasOwn(EMBED_PROVIDERS, value);
}

/** Provider and id from a pasted URL of a known provider, or null. */
export function parseEmbedUrl(input: string): { provider: EmbedProvider; id: string } | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\.|^m\./, "");
  const path = url.pathname.replace(/\/+$/, "");
  const candidates: [EmbedProvider, string | undefined][] = [
    [
      "youtube",
      host === "youtube.com"
        ? (url.searchParams.get("v") ?? undefined)
        : host === "youtu.be"
          ? path.slice(1)
          : undefined,
    ],
    ["vimeo", host === "vimeo.com" ? path.slice(1) : undefined],
    ["x", host === "x.com" || host === "twitter.com" ? path.slice(1) : undefined],
    ["bluesky", host === "bsky.app" && path.startsWith("/profile/") ? path.slice("/profile/".length) : undefined],
  ];
  for (const [provider, id] of candidates) {
    if (id && EMBED_PROVIDERS[provider].id.test(id)) return { provider, id };
  }
  return null;
}

/**
 * A post or video from a known provider, stored as provider + id, and shown as a plain link
 * (no third-party script or frame loads until a reader chooses to follow it).
 */
export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  addAttributes() {
    return { provider: { default: null }, id: { default: null } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-type="embed"]',
        getAttrs: (element) => parseEmbedUrl(element.querySelector("a")?.getAttribute("href") ?? "") ?? false,
      },
    ];
  },
  /**
   * In the editor the link is a card, not a link: a click selects the block (it never takes
   * the tab away from unsaved work), and an "Open" button opens the post in a new tab.
   */
  addNodeView() {
    return ({ node }) => {
      const provider = node.attrs.provider as unknown;
      const id = String(node.attrs.id ?? "");
      const dom = document.createElement("div");
      dom.dataset.type = "embed";
      if (!isEmbedProvider(provider) || !EMBED_PROVIDERS[provider].id.test(id)) return { dom };
      const { label, url } = EMBED_PROVIDERS[provider];
      dom.className = `embed embed-${provider} embed-card`;
      const text = document.createElement("span");
      text.textContent = `${label}: ${url(id)}`;
      const open = document.createElement("button");
      open.type = "button";
      open.className = "embed-open";
      open.textContent = "Open";
      open.setAttribute("aria-label", `Open on ${label} in a new tab`);
      open.addEventListener("click", (event) => {
        event.preventDefault();
        window.open(url(id), "_blank", "noopener,noreferrer");
      });
      dom.append(text, open);
      return {
        dom,
        // The button's own clicks and keys are its own; the rest select the block as usual.
        stopEvent: (event: Event) => event.target instanceof Element && open.contains(event.target),
        ignoreMutation: () => true,
      };
    };
  },
  renderHTML({ node }) {
    const provider = node.attrs.provider as unknown;
    const id = String(node.attrs.id ?? "");
    if (!isEmbedProvider(provider) || !EMBED_PROVIDERS[provider].id.test(id)) return ["div", { "data-type": "embed" }];
    const { label, url } = EMBED_PROVIDERS[provider];
    return [
      "div",
      { "data-type": "embed", class: `embed embed-${provider}` },
      [
        "a",
        { href: url(id), rel: "noopener noreferrer nofollow", class: "embed-link" },
        `View on ${label}: ${url(id)}`,
      ],
    ];
  },
});
