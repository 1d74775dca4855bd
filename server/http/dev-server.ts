// `npm run dev`'s server: Next in development mode (hot reload as `next dev` gives it) behind a
// plain Node `http` server that also takes the co-editing WebSocket upgrades on /collab, as
// the production server does (web-server.ts). Other upgrades (Next's hot-reload socket) go to Next.
import { createServer } from "node:http";
import next from "next";
import { createCollabServer } from "../collab/collab-server";
import { newInstanceId } from "../cache/channel";
import { getDb } from "../db/client";
import { appEnv } from "../env";
import { siteUrl } from "../site";
import { answerConditionally } from "./conditional";
import { frontCacheKey } from "./front-cache";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: true, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeNext = app.getUpgradeHandler();
  const collab = createCollabServer({
    db: getDb(),
    timeZone: appEnv().MASTHEAD_TIME_ZONE,
    siteOrigin: new URL(siteUrl()).origin,
    log: (line) => console.warn(`masthead: ${line}`),
    relay: { connectionString: process.env.DATABASE_URL ?? "", instanceId: newInstanceId() },
  });
  const server = createServer((req, res) => {
    if (frontCacheKey(req.method, req.url, req.headers) !== null) answerConditionally(req.method, req.headers, res);
    void handle(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) void upgradeNext(req, socket, head);
  });
  server.listen(port, () => console.log(`masthead: ready on http://localhost:${port} (development)`));
  const stop = () => {
    server.close();
    void Promise.allSettled([collab.close(), app.close()]).finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, stop);
}

main().catch((error: unknown) => {
  console.error("masthead: the development server could not start:", error);
  process.exit(1);
});
