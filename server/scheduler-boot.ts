import { serverClock } from "./clock";
import { errorField, log } from "./log";
import { getDb } from "./db/client";
import { appEnv } from "./env";
import { databasePublicCache } from "./public-cache";
import { startScheduler } from "./services/scheduler";

const state = globalThis as { mastheadSchedulerStarted?: boolean };

/** Starts the in-app scheduler once per server process. */
export function bootScheduler(): void {
  if (state.mastheadSchedulerStarted) return;
  state.mastheadSchedulerStarted = true;
  const env = appEnv();
  startScheduler({
    db: getDb(),
    clock: serverClock,
    timeZone: env.MASTHEAD_TIME_ZONE,
    intervalMs: env.MASTHEAD_SCHEDULER_INTERVAL_MS,
    publicCache: databasePublicCache(getDb()),
    reminderLeadMs: env.MASTHEAD_REMINDER_LEAD_MINUTES * 60_000,
    onError: (error) => log().error({ error: errorField(error) }, "the scheduler run failed and will be retried"),
  });
}
