import path from "node:path";

/**
 * Where `npm run build` (scripts/build-server.ts) writes what production runs besides Next's
 * own build: the bundled launcher and web server, and the public stylesheet. scripts/start.mjs
 * (plain JavaScript, run before anything is compiled) names the same folder.
 */
export const SERVER_BUILD_DIR = path.join(".next", "masthead");
