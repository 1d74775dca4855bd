// `npm start`: the production launcher (scripts/run.ts) as `npm run build` compiled it, run by
// plain Node. Says what to do when there is no build yet.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The folder is SERVER_BUILD_DIR of server/build-output.ts (this file runs before any TypeScript).
const launcher = path.join(process.cwd(), ".next", "masthead", "run.mjs");
if (!existsSync(launcher) || !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("masthead: there is no production build here. Run `npm run build` first, then `npm start`.");
  process.exit(1);
}
await import(pathToFileURL(launcher).href);
