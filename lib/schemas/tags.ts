import { z } from "zod";

const tagId = z.uuid({ message: "Not a valid tag id" });

export const tagName = z
  .string({ message: "Name the tag" })
  .trim()
  .min(1, "Name the tag")
  .max(50, "Tags are at most 50 characters");

export const tagListInput = z.object({
  q: z.string().trim().max(50, "Search for at most 50 characters").default(""),
});

export const renameTagInput = z.object({ id: tagId, name: tagName });

export const mergeTagsInput = z
  .object({ fromId: tagId, intoId: tagId })
  .refine((v) => v.fromId !== v.intoId, { message: "Choose two different tags", path: ["intoId"] });
