import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { getDb } from "@/server/db/client";
import { findLiveToken } from "@/server/services/account-tokens";

// Rendered per request: each response carries its own script nonce (proxy.ts), which a page
// prerendered at build time would lack, leaving its form without its script.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Set up Masthead" };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await findLiveToken(getDb(), "SETUP", token);
  return (
    <AuthFrame title="Set up your newsroom">
      {live ? (
        <>
          <p className="text-sm">You are the first admin. You can invite everyone else afterwards.</p>
          <LinkPasswordForm kind="setup" token={token} />
        </>
      ) : (
        <p role="alert">
          This set-up link has expired or has already been used. Restart the server for a new one, or use npm run
          user:create.
        </p>
      )}
    </AuthFrame>
  );
}
