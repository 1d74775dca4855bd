import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SkipLink } from "@/components/ui/skip-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackPath = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackPath);
  return (
    <>
      <SkipLink />
      <main id="content" className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
        <Link href="/" className="font-serif text-3xl font-black">
          Masthead
        </Link>
        <h1 className="text-xl font-bold">Sign in to the newsroom</h1>
        <SignInForm callbackPath={callbackPath} />
        <Link href="/signin/forgot" className="text-sm underline">
          Forgot password?
        </Link>
      </main>
    </>
  );
}
