// Masthead replaces @prisma/streams-local (see package.json "overrides"): only `prisma dev`
// (a local Prisma Postgres) uses it, it needs Node 22, and Masthead never runs `prisma dev`.
// Masthead runs its own embedded PostgreSQL instead.
export async function startLocalDurableStreamsServer() {
  throw new Error(
    "`prisma dev` is not used by Masthead; run `npm run dev` instead (it starts an embedded PostgreSQL).",
  );
}
