import Link from "next/link";
import { ROLE_LABELS, type RoleName } from "@/lib/roles";
import { SignOutButton } from "./sign-out-button";

export function NewsroomHeader({
  user,
  can,
  unread,
}: {
  user: { displayName: string; role: RoleName };
  /** Which management pages to link: People, Sections and Settings (admins), Tags and Contributors (editors). */
  can: { managePeople: boolean; manageNewsroom: boolean; manageTags: boolean };
  unread: number;
}) {
  return (
    <header className="border-b border-neutral-300 bg-neutral-50 print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/newsroom" className="font-serif text-xl font-black">
          Masthead <span className="font-sans text-sm font-semibold text-neutral-700">Newsroom</span>
        </Link>
        <nav aria-label="Newsroom" className="flex flex-wrap gap-4 text-sm font-semibold">
          <Link href="/newsroom" className="hover:underline">
            Articles
          </Link>
          <Link href="/newsroom/articles/new" className="hover:underline">
            New article
          </Link>
          <Link href="/newsroom/budget" className="hover:underline">
            Budget
          </Link>
          <Link href="/newsroom/media" className="hover:underline">
            Media
          </Link>
          {can.manageTags ? (
            <>
              <Link href="/newsroom/tags" className="hover:underline">
                Tags
              </Link>
              <Link href="/newsroom/contributors" className="hover:underline">
                Contributors
              </Link>
            </>
          ) : null}
          {can.managePeople ? (
            <Link href="/newsroom/admin/users" className="hover:underline">
              People
            </Link>
          ) : null}
          {can.manageNewsroom ? (
            <>
              <Link href="/newsroom/admin/sections" className="hover:underline">
                Sections
              </Link>
              <Link href="/newsroom/admin/settings" className="hover:underline">
                Settings
              </Link>
              <Link href="/newsroom/admin/api-keys" className="hover:underline">
                API keys
              </Link>
              <Link href="/newsroom/admin/webhooks" className="hover:underline">
                Webhooks
              </Link>
            </>
          ) : null}
          <Link href="/newsroom/profile" className="hover:underline">
            Author page
          </Link>
          <Link href="/newsroom/account" className="hover:underline">
            Account
          </Link>
          <Link href="/newsroom/notifications" className="hover:underline">
            Notifications
            {unread > 0 ? (
              <span className="ml-1 rounded-full bg-accent px-2 text-xs text-white">
                {unread}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </Link>
          <Link href="/" className="hover:underline">
            Public site
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span>
            {user.displayName} <span className="text-neutral-700">({ROLE_LABELS[user.role]})</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
