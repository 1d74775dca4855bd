import Link from "next/link";

/**
 * Inside the newsroom (an article that does not exist or is not yours to open, an address
 * that leads nowhere): said in the newsroom's own frame, with the way back to the desk.
 */
export default function NewsroomNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Not found</h1>
      <p className="mt-4 text-neutral-700">
        There is nothing here, or it is not yours to open: an article can be opened by its authors and by editors.
      </p>
      <p className="mt-6">
        <Link href="/newsroom" className="font-semibold underline">
          Back to the desk
        </Link>
      </p>
    </div>
  );
}
