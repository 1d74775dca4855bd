import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Article removed", robots: { index: false } };

/** Served with status 410 (by proxy.ts) at the address of an article that was unpublished. */
export default function RemovedPage() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">This article has been removed</h1>
      <p className="mt-4 text-neutral-700">It is no longer available on this site.</p>
      <p className="mt-6">
        <Link href="/" className="underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
