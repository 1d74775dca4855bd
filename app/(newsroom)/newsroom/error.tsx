"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

export default function NewsroomError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorNotice
      message="Something went wrong on our side. Nothing you saved is lost; please try again in a moment."
      onRetry={reset}
      back={{ href: "/newsroom", label: "Back to the desk" }}
    />
  );
}
