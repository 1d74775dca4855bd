/** The site's public URL without a trailing slash (NEXTAUTH_URL, which the launcher always sets). */
export function siteUrl(): string {
  const configured =
    process.env.MASTHEAD_SITE_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  return configured.replace(/\/+$/, "");
}

export const absoluteUrl = (path: string) => `${siteUrl()}${path}`;
