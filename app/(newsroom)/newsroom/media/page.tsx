import type { Metadata } from "next";
import { MediaLibrary } from "@/components/newsroom/media/media-library";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Media" };

export default async function MediaPage() {
  await requireNewsroomUser("/newsroom/media");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Media library</h1>
      <MediaLibrary />
    </>
  );
}
