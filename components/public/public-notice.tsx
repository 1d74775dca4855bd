import Link from "next/link";

/** A short public notice with a way back to the front page. */
export function PublicNotice({ title, text }: { title: string; text: string }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-neutral-700">{text}</p>
      <p className="mt-6">
        <Link href="/" className="underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}

export function NotFoundMessage() {
  return <PublicNotice title="Page not found" text="There is nothing at this address." />;
}
