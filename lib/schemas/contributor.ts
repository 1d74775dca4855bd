import { z } from "zod";
import { displayNameSchema, updateProfileInput } from "./user";

export const CONTRIBUTOR_KINDS = ["PERSON", "AGENCY"] as const;
export type ContributorKindName = (typeof CONTRIBUTOR_KINDS)[number];
export const CONTRIBUTOR_KIND_LABELS: Record<ContributorKindName, string> = {
  PERSON: "Contributor",
  AGENCY: "Agency credit",
};

/**
 * A byline without a newsroom account: a person (freelancer, guest) or an agency credit
 * ("Reuters", "Staff"), with the author page's bio and photo.
 */
export const contributorFields = updateProfileInput.extend({
  kind: z.enum(CONTRIBUTOR_KINDS, { message: "Choose a contributor or an agency credit" }),
  name: displayNameSchema,
});
export type ContributorFields = z.infer<typeof contributorFields>;

export const contributorIdSchema = z.uuid({ message: "Not a valid contributor id" });
export const updateContributorInput = contributorFields.extend({ id: contributorIdSchema });
export const contributorIdInput = z.object({ id: contributorIdSchema });

export const mergeContributorsInput = z
  .object({ fromId: contributorIdSchema, intoId: contributorIdSchema })
  .refine((v) => v.fromId !== v.intoId, { message: "Choose two different contributors", path: ["intoId"] });
