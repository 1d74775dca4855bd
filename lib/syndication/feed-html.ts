/**
 * A story's HTML as feed readers take it (RSS content:encoded, Atom content): rendered by the
 * same renderer as the page, then cleaned of what only a browser page wants. React adds
 * `<link rel="preload">` for images (the W3C feed validator flags links in content; some
 * parsers fail on them) and `<!-- -->` between adjacent texts (for hydration, which a feed
 * never has); and the page's addresses are site-relative, where a feed reader needs absolute
 * ones. The input is the renderer's own output, in which text is escaped: neither a comment
 * nor a link element can come from what a writer typed.
 */
export function feedHtml(rendered: string, origin: string): string {
  const base = origin.replace(/\/+$/, "");
  const absolute = (url: string) => (url.startsWith("/") && !url.startsWith("//") ? `${base}${url}` : url);
  return rendered
    .replace(/<link rel="preload"[^>]*\/?>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/ (href|src)="([^"]*)"/g, (_all, name: string, url: string) => ` ${name}="${absolute(url)}"`)
    .replace(
      / (?:srcSet|srcset)="([^"]*)"/g,
      (_all, list: string) =>
        ` srcset="${list
          .split(",")
          .map((candidate) => {
            const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
            return [absolute(url), ...descriptor].join(" ");
          })
          .join(", ")}"`,
    );
}
