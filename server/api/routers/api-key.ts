import { apiKeyCreateInput, apiKeyRevokeInput } from "@/lib/schemas/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/api-keys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Keys to the content API (/api/v1), for admins: a new key is shown once, in create's answer.
const manage = permissionProcedure("newsroom.manage");

export const apiKeyRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => listApiKeys(ctx.db)),

  create: manage.input(apiKeyCreateInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, input)),

  revoke: manage.input(apiKeyRevokeInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, input.id, ctx.clock())),
});
