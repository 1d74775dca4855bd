"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../../ui/button";
import { FormAlert } from "../../ui/form-alert";

/** Kill a line whose story has not started, or bring a killed one back (editors). */
export function KillOrRevive({ id, version, killed }: { id: string; version: number; killed: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(
    trpc.budget.setStatus.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (failure) => setError(describeError(failure).message),
    }),
  );
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          type="button"
          variant={killed ? "secondary" : "danger"}
          disabled={change.isPending}
          onClick={() => {
            setError(null);
            change.mutate({ id, version, action: killed ? "revive" : "kill" });
          }}
        >
          {killed ? "Revive this line" : "Kill this line"}
        </Button>
      </div>
      <FormAlert message={error} />
    </div>
  );
}
