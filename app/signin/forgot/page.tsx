import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

// Rendered per request: each response carries its own script nonce (proxy.ts), which a page
// prerendered at build time would lack, leaving its form without its script.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthFrame title="Forgot your password?">
      <p className="text-sm">Enter your email: we send a link to choose a new password.</p>
      <ForgotPasswordForm />
      <Link href="/signin" className="text-sm underline">
        Back to sign in
      </Link>
    </AuthFrame>
  );
}
