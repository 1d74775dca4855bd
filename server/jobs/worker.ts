import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import { log } from "../log";

// The durable job queue (graphile-worker 0.16, in PostgreSQL's graphile_worker schema): jobs are
// added in the transaction that makes them necessary (an outbox message, a webhook delivery),
// and every instance may run a worker: PostgreSQL hands each job to one worker only (SKIP
// LOCKED), a failed job is retried with backoff (about e^attempts seconds), and a job whose
// worker died is picked up again. A worker takes only the tasks it is given.

/** graphile-worker logs every job; only its warnings and errors reach the server log. */
const queueLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") log().warn({ queue: "jobs" }, message);
});

/** Creates or updates the queue's own tables (schema graphile_worker). */
export function migrateQueue(connectionString: string): Promise<void> {
  return runMigrations({ connectionString, logger: queueLogger });
}

export function startJobWorker(opts: {
  connectionString: string;
  taskList: TaskList;
  concurrency?: number;
  pollInterval?: number;
}): Promise<Runner> {
  return run({
    connectionString: opts.connectionString,
    concurrency: opts.concurrency ?? 2,
    pollInterval: opts.pollInterval ?? 2000,
    noHandleSignals: true,
    logger: queueLogger,
    taskList: opts.taskList,
  });
}
