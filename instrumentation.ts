/**
 * Runs once when the Next.js server starts: starts the scheduler that publishes scheduled
 * articles. Its first run publishes anything that fell due while the app was down.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) return;
  const { bootScheduler } = await import("./server/scheduler-boot");
  bootScheduler();
}
