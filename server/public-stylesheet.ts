import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compile, optimize } from "@tailwindcss/node";
import { Scanner } from "@tailwindcss/oxide";

/**
 * The public site's stylesheet, compiled once per process with Tailwind from styles/public.css
 * (which scans components/public only), minified. Public pages are plain HTML served from
 * Next's cache, outside its CSS pipeline, so they link this with its hash as the version.
 */
let compiled: Promise<{ css: string; version: string }> | null = null;

export function publicStylesheet(): Promise<{ css: string; version: string }> {
  compiled ??= (async () => {
    const file = path.join(process.cwd(), "styles", "public.css");
    const compiler = await compile(await readFile(file, "utf8"), {
      base: path.dirname(file),
      onDependency: () => undefined,
    });
    const candidates = new Scanner({ sources: compiler.sources }).scan();
    const css = optimize(compiler.build(candidates), { minify: true }).code;
    return { css, version: createHash("sha256").update(css).digest("hex").slice(0, 12) };
  })().catch((error: unknown) => {
    compiled = null;
    throw error;
  });
  return compiled;
}

export async function publicStylesheetHref(): Promise<string> {
  return `/site.css?v=${(await publicStylesheet()).version}`;
}
