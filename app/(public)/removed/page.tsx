import type { Metadata } from "next";
import { PublicNotice } from "@/components/public/public-notice";

export const metadata: Metadata = { title: "Article removed", robots: { index: false } };

/** Served with status 410 (by proxy.ts) at the address of an article that was unpublished. */
export default function RemovedPage() {
  return <PublicNotice title="This article has been removed" text="It is no longer available on this site." />;
}
