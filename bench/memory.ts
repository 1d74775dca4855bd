// bench/memory: what `npm start` holds. Starts it as a newsroom would (npm start on a demo data
// directory, embedded PostgreSQL), reads a few public and newsroom-free pages to warm it up,
// then prints the resident memory of every process in its tree (from /proc) and the total,
// next to the target. Asserts nothing. Target (issue 12): the whole tree ≤ 250 MiB idle after
// warm-up. For scale, the issue measured Ghost 5 at 232 MiB and WordPress 6 with MariaDB at
// 274 MiB on this kind of machine.
//   npm run build && npm run bench:memory
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../server/db/embedded";
import { runBenchmark, waitUntilReady } from "./cluster";

const TARGET_MIB = 250;

interface Proc {
  pid: number;
  ppid: number;
  rssKib: number;
  /** Proportional set size: shared pages divided among the processes sharing them. */
  pssKib: number;
  command: string;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const rssKib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      const rollup = existsSync(`/proc/${entry}/smaps_rollup`)
        ? readFileSync(`/proc/${entry}/smaps_rollup`, "utf8")
        : "";
      const pssKib = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? rssKib);
      list.push({ pid: Number(entry), ppid, rssKib, pssKib, command });
    } catch {
      // The process ended while we looked.
    }
  }
  return list;
}

function tree(root: number): Proc[] {
  const all = processes();
  const out: Proc[] = [];
  const walk = (pid: number) => {
    for (const p of all.filter((candidate) => candidate.ppid === pid)) {
      out.push(p);
      walk(p.pid);
    }
  };
  const self = all.find((p) => p.pid === root);
  if (self) out.push(self);
  walk(root);
  return out;
}

const label = (command: string) =>
  command.includes("masthead-web")
    ? "web server (Next + front cache)"
    : command.includes("start.mjs")
      ? "launcher"
      : command.startsWith("npm")
        ? "npm"
        : command.includes("postgres")
          ? `PostgreSQL (${command.includes(" -D ") ? "postmaster" : command.split(" ")[0]?.split("/").pop()})`
          : command.includes("esbuild")
            ? "esbuild service (tsx)"
            : command.slice(0, 40);

async function main() {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("Run npm run build first.");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "masthead-bench-memory-"));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), MASTHEAD_DATA_DIR: dataDir };
  const seeded = spawnSync("npm", ["run", "-s", "db:seed", "--", "--demo"], { env, stdio: "ignore" });
  if (seeded.status !== 0) throw new Error("Seeding the demo content failed.");
  // As production runs it (README, Deploying): the launcher started by Node itself, no npm
  // process waiting above it. BENCH_MEMORY_NPM=1 measures `npm start` instead.
  const started = process.env.BENCH_MEMORY_NPM
    ? spawn("npm", ["start"], { env, stdio: "ignore" })
    : spawn(process.execPath, ["scripts/start.mjs", "start"], { env, stdio: "ignore" });
  const base = `http://localhost:${port}`;
  try {
    await waitUntilReady(base);
    const html = await (await fetch(`${base}/`)).text();
    const story = /href="(\/articles\/[^"]+)"/.exec(html)?.[1] ?? "/";
    for (let round = 0; round < 20; round += 1)
      for (const page of ["/", story, "/feed.xml", "/sitemap.xml", "/sections/world", "/signin", "/search?q=syria"])
        await fetch(`${base}${page}`).then((r) => r.arrayBuffer());
    // Idle: 30 s without a request, as a quiet night on a small newsroom's server (the
    // database pool closes connections idle for 10 s; the garbage collector settles).
    await new Promise((r) => setTimeout(r, 30_000));
    const procs = tree(started.pid ?? 0);
    // One line per kind of process (PostgreSQL's backends together).
    const groups = new Map<string, { count: number; rss: number; pss: number }>();
    for (const p of procs) {
      const name = label(p.command).startsWith("PostgreSQL")
        ? "PostgreSQL (postmaster and backends)"
        : label(p.command);
      const group = groups.get(name) ?? { count: 0, rss: 0, pss: 0 };
      groups.set(name, { count: group.count + 1, rss: group.rss + p.rssKib, pss: group.pss + p.pssKib });
    }
    const mib = (kib: number) => (kib / 1024).toFixed(0).padStart(5);
    console.log("Memory of `npm start` after warm-up (20 rounds of 7 pages), idle. PSS shares shared pages out;");
    console.log("RSS counts them in every process.");
    console.log("    PSS MiB   RSS MiB  process");
    let pss = 0;
    for (const [name, group] of groups) {
      pss += group.pss;
      console.log(
        `  ${mib(group.pss)}     ${mib(group.rss)}    ${name}${group.count > 1 ? ` (${group.count} processes)` : ""}`,
      );
    }
    console.log(`  ${mib(pss)}              total (PSS)   target ≤ ${TARGET_MIB} MiB`);
  } finally {
    // npm does not pass the signal on: the launcher under it gets its own.
    for (const p of tree(started.pid ?? 0)) if (p.command.includes("start.mjs")) process.kill(p.pid, "SIGINT");
    await new Promise((r) => setTimeout(r, 4_000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
