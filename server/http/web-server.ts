// The production web server (`npm start` runs it through scripts/run.ts): Next.js behind a
// plain Node `http` server that answers repeat requests for public pages from a memory copy
// of Next's page cache (front-cache.ts). Everything else goes to Next as it is.
import { createServer } from "node:http";
import next from "next";
import { setFrontCacheHook } from "../public-cache";
import { frontCachedHandler } from "./front-handler";

async function main() {
  process.title = "masthead-web";
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const { listener, hook } = frontCachedHandler(app.getRequestHandler());
  setFrontCacheHook(hook);
  const server = createServer(listener);
  server.listen(port, () => console.log(`masthead: ready on http://localhost:${port}`));

  const stop = () => {
    server.close();
    server.closeIdleConnections();
    // Exit whether or not Next closes cleanly: the signal asked the process to stop.
    void app.close().finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
