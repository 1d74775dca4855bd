import { accountRouter } from "./routers/account";
import { articleRouter } from "./routers/article";
import { budgetRouter } from "./routers/budget";
import { commentRouter } from "./routers/comment";
import { invitationRouter } from "./routers/invitation";
import { liveblogRouter } from "./routers/liveblog";
import { mailRouter } from "./routers/mail";
import { mediaRouter } from "./routers/media";
import { notificationRouter } from "./routers/notification";
import { apiKeyRouter } from "./routers/api-key";
import { sectionRouter } from "./routers/section";
import { settingsRouter } from "./routers/settings";
import { siteRouter } from "./routers/site";
import { contributorRouter } from "./routers/contributor";
import { tagRouter } from "./routers/tag";
import { userRouter } from "./routers/user";
import { webhookRouter } from "./routers/webhook";
import { workflowRouter } from "./routers/workflow";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  article: articleRouter,
  budget: budgetRouter,
  comment: commentRouter,
  invitation: invitationRouter,
  liveblog: liveblogRouter,
  mail: mailRouter,
  user: userRouter,
  workflow: workflowRouter,
  notification: notificationRouter,
  media: mediaRouter,
  site: siteRouter,
  apiKey: apiKeyRouter,
  section: sectionRouter,
  tag: tagRouter,
  contributor: contributorRouter,
  settings: settingsRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
