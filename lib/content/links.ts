const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Link targets allowed in article bodies: absolute http(s) and mailto URLs only. */
export function isAllowedHref(href: string): boolean {
  if (href.length > 2048 || /[\u0000-\u001f\s]/.test(href)) return false;
  try {
    const url = new URL(href);
    return ALLOWED_PROTOCOLS.has(url.protocol) && (url.protocol === "mailto:" || url.hostname !== "");
  } catch {
    return false;
  }
}
