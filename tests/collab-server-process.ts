// A co-editing server in a process of its own, for the crash test: started on PORT against
// DATABASE_URL, killed with SIGKILL, started again. Prints "listening" when ready.
import { createServer } from "node:http";
import { createCollabServer } from "@/server/collab/collab-server";
import { createDb } from "@/server/db/client";

const db = createDb(process.env.DATABASE_URL ?? "", { max: 4 });
const collab = createCollabServer({ db, timeZone: "UTC", debounceMs: 50, maxDebounceMs: 200 });
const http = createServer((_req, res) => res.writeHead(404).end());
http.on("upgrade", (req, socket, head) => {
  if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
});
http.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
