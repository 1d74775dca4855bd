// bench/newsroom-load: the newsroom at work on one production instance (`npm start` on an
// embedded PostgreSQL). 40 signed-in writers each autosave their own story every 500 ms while
// an editor reads the desk four times a second; then the same while an outside session (a
// report, a psql prompt) holds one of those stories' row lock for 20 s. Prints autosave and
// desk p50/p99 for each phase next to a primary-key SELECT measured in the same run, and what
// became of the saves on the held story. Asserts nothing. Targets (issue 12): autosave p99
// under 300 ms; with the lock held, the desk and every other story under 200 ms.
//
// Each writer saves on their own clock: every 500 ms from a starting moment of their own
// (spread evenly over the first 500 ms), and a save that took longer than that is followed by
// the writer's next tick, as an editor that saves while its writer types would. Writers do not
// type in step; the last phase shows the worst case anyway: all 40 saving at the same moment
// every 500 ms, each waiting for the slowest answer of the round before.
//   npm run build && npm run bench:newsroom-load
import pg from "pg";
import { hashPassword } from "../server/auth/password";
import { DEMO_ACCOUNTS } from "../server/services/seed";
import { createDraft } from "../server/services/articles";
import type { SessionUser } from "../server/services/users";
import { mutate, query, signIn, startDatabase, runBenchmark, startInstance } from "./cluster";
import { percentile } from "./stats";

const WRITERS = Number(process.env.BENCH_WRITERS ?? 40);
const SAVE_EVERY_MS = 500;
const PHASE_MS = Number(process.env.BENCH_PHASE_S ?? 20) * 1000;
const WARM_UP_MS = Number(process.env.BENCH_WARM_UP_S ?? 5) * 1000;
const PASSWORD = "bench writers' password 2026";

const words = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ["harbour", "council", "vote", "ferry", "budget", "school"][(i + seed) % 6]).join(
    " ",
  );

function document(round: number, writer: number) {
  // About 1,500 words in 15 paragraphs: a long news story.
  return {
    type: "doc",
    content: Array.from({ length: 15 }, (_, p) => ({
      type: "paragraph",
      content: [{ type: "text", text: `${words(100, p + round + writer)} (${round})` }],
    })),
  };
}

const summary = (label: string, samples: number[]) =>
  `${label.padEnd(38)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(7)} ms   n=${samples.length}`;

async function main() {
  const database = await startDatabase();
  const hash = await hashPassword(PASSWORD);
  const writers: { user: SessionUser; draft: { id: string } }[] = [];
  for (let i = 0; i < WRITERS; i += 1) {
    const user = await database.db.user.create({
      data: {
        email: `bench-writer-${i}@example.com`,
        displayName: `Bench Writer ${i}`,
        slug: `bench-writer-${i}`,
        role: "WRITER",
        passwordHash: hash,
      },
      select: { id: true, email: true, displayName: true, role: true },
    });
    const draft = await createDraft(database.db, user, { headline: `Story of writer ${i}` });
    writers.push({ user, draft });
  }
  const app = await startInstance(database, "a");
  const pk = new pg.Client({ connectionString: database.url });
  await pk.connect();
  try {
    const cookies = await Promise.all(writers.map((w) => signIn(app.base, w.user.email, PASSWORD)));
    const editorEmail = DEMO_ACCOUNTS.find((a) => a.role === "EDITOR")?.email ?? "";
    const editorCookie = await signIn(app.base, editorEmail);

    // Each writer opens their story once (in the warm-up) and then only saves.
    const versions = new Map<number, number>();
    const phase = async (name: string, heldIndex: number | null, ms = PHASE_MS, lockstep = false) => {
      const saves: number[] = [];
      const heldSaves: { ms: number; outcome: string }[] = [];
      const desk: number[] = [];
      const pkSelect: number[] = [];
      const start = performance.now();
      const until = Date.now() + ms;
      const writerLoop = async (i: number) => {
        const w = writers[i];
        const cookie = cookies[i];
        if (!w || !cookie) return;
        let round = 0;
        // This writer's clock: ticks every SAVE_EVERY_MS from its own starting moment.
        const offset = lockstep ? 0 : (i * SAVE_EVERY_MS) / WRITERS;
        let tick = start + offset;
        await new Promise((r) => setTimeout(r, offset));
        while (Date.now() < until) {
          const started = performance.now();
          const version =
            versions.get(i) ??
            (await query<{ version: number }>(app.base, cookie, "article.get", { id: w.draft.id })).version;
          let outcome = "saved";
          try {
            const saved = await mutate<{ version: number }>(app.base, cookie, "article.update", {
              id: w.draft.id,
              version,
              headline: `Story of writer ${i}`,
              standfirst: "",
              sectionId: null,
              body: document(round, i),
              heroImageCaption: null,
              heroImageCredit: null,
              heroImageAlt: null,
            });
            versions.set(i, saved.version);
          } catch (error) {
            outcome = String(error).includes("409") ? "refused: busy (409)" : `failed: ${String(error).slice(0, 80)}`;
          }
          const ms = performance.now() - started;
          if (i === heldIndex) heldSaves.push({ ms, outcome });
          else saves.push(ms);
          round += 1;
          if (lockstep) {
            await new Promise((r) => setTimeout(r, Math.max(0, SAVE_EVERY_MS - ms)));
          } else {
            const now = performance.now();
            while (tick <= now) tick += SAVE_EVERY_MS;
            await new Promise((r) => setTimeout(r, tick - now));
          }
        }
      };
      const deskLoop = async () => {
        while (Date.now() < until) {
          const started = performance.now();
          await query(app.base, editorCookie, "article.dashboard", undefined);
          desk.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, 250));
        }
      };
      const pkLoop = async () => {
        while (Date.now() < until) {
          const started = performance.now();
          await pk.query(`SELECT id FROM "Article" WHERE id = $1`, [writers[0]?.draft.id]);
          pkSelect.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      let holder: pg.Client | null = null;
      if (heldIndex !== null) {
        holder = new pg.Client({ connectionString: database.url });
        await holder.connect();
        await holder.query("BEGIN");
        await holder.query(`SELECT id FROM "Article" WHERE id = $1 FOR UPDATE`, [writers[heldIndex]?.draft.id]);
      }
      await Promise.all([...writers.map((_, i) => writerLoop(i)), deskLoop(), pkLoop()]);
      if (holder) {
        await holder.query("ROLLBACK");
        await holder.end();
      }
      if (name === "warm-up") return;
      console.log(`\n${name}:`);
      console.log(summary(heldIndex === null ? "autosave" : "autosave, every other story", saves));
      console.log(summary("desk (article.dashboard)", desk));
      console.log(summary("primary-key SELECT (baseline)", pkSelect));
      if (heldIndex !== null) {
        const outcomes = new Map<string, number>();
        for (const s of heldSaves) outcomes.set(s.outcome, (outcomes.get(s.outcome) ?? 0) + 1);
        console.log(
          summary(
            "autosave, the held story",
            heldSaves.map((s) => s.ms),
          ) + `   ${[...outcomes].map(([k, v]) => `${v}× ${k}`).join(", ")}`,
        );
      }
    };

    console.log(
      `${WRITERS} writers autosaving every ${SAVE_EVERY_MS} ms, an editor reading the desk 4×/s, ${PHASE_MS / 1000} s per phase after ${WARM_UP_MS / 1000} s of the same to warm up`,
    );
    // A server that has run a while: the first seconds (routes loaded, code compiled by V8,
    // connections opened) are not counted.
    await phase("warm-up", null, WARM_UP_MS);
    await phase("no lock held", null);
    await phase(`one story's row lock held by an outside session for ${PHASE_MS / 1000} s`, 0);
    await phase("worst case, no lock held: all writers saving at the same moment every 500 ms", null, PHASE_MS, true);
  } finally {
    await pk.end();
    await app.stop();
    await database.stop();
  }
}

runBenchmark(main);
