/** A same-site path to return to after signing in; anything else goes to the newsroom. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/newsroom"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://masthead.invalid");
    return url.origin === "http://masthead.invalid" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
