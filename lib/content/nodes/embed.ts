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
