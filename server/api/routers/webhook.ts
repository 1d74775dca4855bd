import {
  webhookCreateInput,
  webhookDeliveriesInput,
  webhookRedeliverInput,
  webhookSetEnabledInput,
} from "@/lib/schemas/webhooks";
import * as webhooks from "../../services/webhooks";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Webhook endpoints, for admins: a new endpoint's signing secret is shown once, in create's answer.
const manage = permissionProcedure("newsroom.manage");

export const webhookRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => webhooks.listWebhooks(ctx.db)),

  create: manage
    .input(webhookCreateInput)
    .mutation(({ ctx, input }) => webhooks.createWebhook(ctx.db, ctx.user, input, ctx.allowPrivateWebhooks)),

  setEnabled: manage
    .input(webhookSetEnabledInput)
    .mutation(({ ctx, input }) => webhooks.setWebhookEnabled(ctx.db, input.id, input.enabled, ctx.clock())),

  deliveries: manage
    .input(webhookDeliveriesInput)
    .query(({ ctx, input }) => webhooks.webhookDeliveries(ctx.db, input.id)),

  redeliver: manage
    .input(webhookRedeliverInput)
    .mutation(({ ctx, input }) => webhooks.redeliverWebhook(ctx.db, input.deliveryId, ctx.clock())),
});
