import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { SERVER_BUILD_DIR } from "./build-output";

const stylesheetShape = z.object({ css: z.string(), version: z.string() });
type Stylesheet = z.infer<typeof stylesheetShape>;

/** Written by `npm run build` (scripts/build-server.ts), read by the production server. */
export const PREBUILT_STYLESHEET = path.join(SERVER_BUILD_DIR, "public.css.json");

/**
 * Compiles the public site's stylesheet with Tailwind from styles/public.css (which scans
 * components/public only), minified. The compiler is loaded only here: a production server
 * reads the copy the build made and never loads it.
 */
export async function compilePublicStylesheet(): Promise<Stylesheet> {
  const [{ compile, optimize }, { Scanner }] = await Promise.all([
    import("@tailwindcss/node"),
    import("@tailwindcss/oxide"),
  ]);
  const file = path.join(process.cwd(), "styles", "public.css");
  const compiler = await compile(await readFile(file, "utf8"), {
    base: path.dirname(file),
    onDependency: () => undefined,
  });
  const candidates = new Scanner({ sources: compiler.sources }).scan();
  const css = optimize(compiler.build(candidates), { minify: true }).code;
  return { css, version: createHash("sha256").update(css).digest("hex").slice(0, 12) };
}

async function prebuilt(): Promise<Stylesheet | null> {
  if (process.env.NODE_ENV !== "production") return null;
  try {
    const parsed = stylesheetShape.safeParse(
      JSON.parse(await readFile(path.join(process.cwd(), PREBUILT_STYLESHEET), "utf8")),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // Not built yet (`next build` alone, or during it): compile below.
  }
  return null;
}

/**
 * The public site's stylesheet, once per process. Public pages are plain HTML served from the
 * front cache, outside Next's CSS pipeline, so they link this with its hash as the version.
 */
let loaded: Promise<Stylesheet> | null = null;

export function publicStylesheet(): Promise<Stylesheet> {
  loaded ??= (async () => (await prebuilt()) ?? (await compilePublicStylesheet()))().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

export async function publicStylesheetHref(): Promise<string> {
  return `/site.css?v=${(await publicStylesheet()).version}`;
}
