import { z } from "zod";
import { articleIdSchema, versionSchema } from "./article";

export const noteText = z.string().trim().max(2000, "Keep it under 2000 characters");

/** Every workflow step names the article and the version the user last saw. */
export const workflowStepInput = z.object({ id: articleIdSchema, version: versionSchema });

export const requestChangesInput = workflowStepInput.extend({
  note: noteText.min(1, "Tell the writer what to change"),
});

export const unpublishInput = workflowStepInput.extend({
  note: noteText.min(1, "Say why the article is being unpublished"),
});

export const spikeInput = workflowStepInput.extend({ note: noteText.optional() });

/** Submit, approve and publish may carry a note: on the timeline and in the notification. */
export const notedStepInput = workflowStepInput.extend({ note: noteText.optional() });

/** "YYYY-MM-DDTHH:mm" on the newsroom's wall clock. */
export const zonedDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time");

export const scheduleInput = workflowStepInput.extend({ scheduledFor: zonedDateTime });

export const legalReviewInput = workflowStepInput.extend({ required: z.boolean() });
export const holdForCommentsInput = workflowStepInput.extend({ hold: z.boolean() });
export const legalSignOffInput = workflowStepInput.extend({ note: noteText.optional() });
export const embargoInput = workflowStepInput.extend({ until: zonedDateTime.nullable() });
export const correctionInput = workflowStepInput.extend({
  text: noteText.min(1, "Write the correction"),
});

/** Some notifications by id, those about one article (opened), or all of them (neither). */
export const markReadInput = z
  .object({ ids: z.array(z.uuid()).min(1).max(200).optional(), articleId: z.uuid().optional() })
  .strict()
  .default({});
