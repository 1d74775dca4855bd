import { z } from "zod";

export const listMediaInput = z
  .object({ query: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).default(40) })
  .default({ limit: 40 });

export const describeMediaInput = z.object({
  id: z.uuid({ message: "Not a valid image id" }),
  caption: z.string().trim().max(1000, "Caption is at most 1000 characters"),
  credit: z.string().trim().max(200, "Credit is at most 200 characters"),
  alt: z.string().trim().min(1, "Alt text is required").max(500, "Alt text is at most 500 characters"),
  /** The focal point, as fractions of the width and height from the top left (0.5, 0.5: the centre). */
  focalX: z
    .number()
    .min(0, "The focal point is inside the picture")
    .max(1, "The focal point is inside the picture")
    .optional(),
  focalY: z
    .number()
    .min(0, "The focal point is inside the picture")
    .max(1, "The focal point is inside the picture")
    .optional(),
});
