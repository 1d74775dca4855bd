import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b-4 border-double border-neutral-900">
      <div className="mx-auto flex max-w-5xl items-end justify-between gap-4 px-4 py-5">
        <Link href="/" className="font-serif text-3xl font-black tracking-tight sm:text-4xl">
          Masthead
        </Link>
        <nav aria-label="Site">
          <Link href="/signin" className="text-sm text-neutral-700 underline-offset-4 hover:underline">
            Newsroom sign-in
          </Link>
        </nav>
      </div>
    </header>
  );
}
