import { notFound } from "next/navigation";

/** Newsroom addresses that match no page: the newsroom's own not-found page, in its frame. */
export default function MissingNewsroomPage() {
  notFound();
}
