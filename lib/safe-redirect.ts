const BASE = "http://masthead.invalid";

/**
 * A same-site path to return to after signing in; anything else goes to the newsroom. The value
 * is resolved as a URL against the site, as a browser would, and kept only when it stays on the
 * site and its path cannot be read as another host (`/.//evil.example` resolves to
 * `//evil.example`, which a browser would take as a host).
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/newsroom"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
