import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";
import { getDb } from "@/server/db/client";

/** A tRPC caller for server components, with this request's session (created once per request). */
export const api = cache(async () => {
  const session = await getServerSession(authOptions);
  return createCaller(await createContext({ db: getDb(), userId: session?.user?.id }));
});
