import { articleRouter } from "./routers/article";
import { notificationRouter } from "./routers/notification";
import { userRouter } from "./routers/user";
import { workflowRouter } from "./routers/workflow";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  article: articleRouter,
  user: userRouter,
  workflow: workflowRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
