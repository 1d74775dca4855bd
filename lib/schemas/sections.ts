import { z } from "zod";

export const sectionFields = z.object({
  name: z
    .string({ message: "Name the section" })
    .trim()
    .min(1, "Name the section")
    .max(60, "A section's name is at most 60 characters"),
});
export type SectionFields = z.infer<typeof sectionFields>;

const sectionId = z.uuid({ message: "Not a valid section id" });

export const sectionRefInput = z.object({ id: sectionId });
export const renameSectionInput = sectionFields.extend({ id: sectionId });
export const retireSectionInput = z.object({ id: sectionId, retired: z.boolean({ message: "Retire or restore" }) });

export const sectionOrderInput = z.object({
  ids: z
    .array(sectionId)
    .min(1, "Give the order of the sections")
    .max(500, "At most 500 sections")
    .refine((ids) => new Set(ids).size === ids.length, "A section is named twice"),
});
export type SectionOrder = z.infer<typeof sectionOrderInput>;
