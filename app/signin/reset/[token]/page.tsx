import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { getDb } from "@/server/db/client";
import { findLiveToken } from "@/server/services/account-tokens";

// Rendered per request: each response carries its own script nonce (proxy.ts), which a page
// prerendered at build time would lack, leaving its form without its script.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await findLiveToken(getDb(), "PASSWORD_RESET", token);
  return (
    <AuthFrame title="Choose a new password">
      {live ? (
        <>
          <p className="text-sm">Every session of your account ends when you save it.</p>
          <LinkPasswordForm kind="reset" token={token} />
        </>
      ) : (
        <>
          <p role="alert">This link has expired or has already been used.</p>
          <Link href="/signin/forgot" className="underline">
            Ask for a new link
          </Link>
        </>
      )}
    </AuthFrame>
  );
}
