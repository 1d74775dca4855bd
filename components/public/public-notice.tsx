/** A short public notice (not found, taken down) with a way back to the front page. */
export function PublicNotice({ title, text }: { title: string; text: string }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-muted">{text}</p>
      <p className="mt-6">
        <a href="/" className="underline">
          Go to the front page
        </a>
      </p>
    </div>
  );
}

export function NotFoundMessage() {
  return <PublicNotice title="Page not found" text="There is nothing at this address." />;
}
