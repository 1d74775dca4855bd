import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { getDb } from "@/server/db/client";
import { describeInvitation } from "@/server/services/invitations";

// Rendered per request: each response carries its own script nonce (proxy.ts), which a page
// prerendered at build time would lack, leaving its form without its script.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Join the newsroom" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(getDb(), token);
  return (
    <AuthFrame title="Join the newsroom">
      {invitation ? (
        <>
          <p className="text-sm">
            Welcome, {invitation.displayName}. You will sign in as <strong>{invitation.email}</strong>.
          </p>
          <LinkPasswordForm kind="invitation" token={token} email={invitation.email} />
        </>
      ) : (
        <p role="alert">
          This invitation has expired, was withdrawn or has already been used. Ask an admin for a new one.
        </p>
      )}
    </AuthFrame>
  );
}
