import { z } from "zod";

export const WEBHOOK_EVENTS = ["PUBLISHED", "UPDATED", "CORRECTED", "UNPUBLISHED", "ADDRESS_CHANGED"] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventName, string> = {
  PUBLISHED: "A story is published (or republished)",
  UPDATED: "A published story is updated",
  CORRECTED: "A correction is added",
  UNPUBLISHED: "A story is unpublished",
  ADDRESS_CHANGED: "A published story's address changes",
};

const id = (what: string) => z.uuid({ message: `That is not ${what}'s id` });

export const webhookCreateInput = z.object({
  name: z
    .string({ message: "Name the endpoint" })
    .trim()
    .min(1, "Name the endpoint: who receives it")
    .max(100, "An endpoint's name is at most 100 characters")
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "An endpoint's name cannot hold control characters"),
  url: z
    .string({ message: "Give the endpoint's address" })
    .trim()
    .min(1, "Give the endpoint's address")
    .max(2000, "That address is too long (at most 2,000 characters)"),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: "That is not an event a webhook can be told about" }))
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENTS.length),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateInput>;

export const webhookSetEnabledInput = z.object({ id: id("an endpoint"), enabled: z.boolean() });
export const webhookDeliveriesInput = z.object({ id: id("an endpoint") });
export const webhookRedeliverInput = z.object({ deliveryId: id("a delivery") });
