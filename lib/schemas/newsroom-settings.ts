import { z } from "zod";

export const newsroomSettingsInput = z.object({
  colleaguesCanRead: z.boolean({ message: "Say whether writers may read colleagues' stories" }),
});
export type NewsroomSettingsInput = z.infer<typeof newsroomSettingsInput>;
