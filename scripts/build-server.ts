// The second half of `npm run build` (after `next build`): the production launcher and web
// server as plain JavaScript, and the public stylesheet compiled once, all under .next/masthead.
// `npm start` then runs them with plain Node: no TypeScript loader thread, no source maps of
// Next's chunks parsed into memory, no Tailwind compiler loaded in a running server
// (bench/memory).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { SERVER_BUILD_DIR } from "../server/build-output";
import { compilePublicStylesheet, PREBUILT_STYLESHEET } from "../server/public-stylesheet";

async function main() {
  const root = process.cwd();
  const out = path.join(root, SERVER_BUILD_DIR);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      run: path.join(root, "scripts", "run.ts"),
      "web-server": path.join(root, "server", "http", "web-server.ts"),
    },
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Packages stay in node_modules, loaded as `npm run dev` loads them.
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  const stylesheet = await compilePublicStylesheet();
  writeFileSync(path.join(root, PREBUILT_STYLESHEET), JSON.stringify(stylesheet));
  console.log(`masthead: server built in ${SERVER_BUILD_DIR}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
