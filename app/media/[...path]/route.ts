import { readFile } from "node:fs/promises";
import path from "node:path";
import { appEnv } from "@/server/env";

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

/** Serves uploaded media from the media directory; names are checked so no path escapes it. */
export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  if (parts.length !== 1 || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(parts[0] ?? "")) {
    return new Response("Not found", { status: 404 });
  }
  const name = parts[0] ?? "";
  const type = TYPES[path.extname(name).toLowerCase()];
  if (!type) return new Response("Not found", { status: 404 });
  try {
    const data = await readFile(path.join(appEnv().mediaDir, name));
    return new Response(new Uint8Array(data), {
      headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
