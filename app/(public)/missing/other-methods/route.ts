import { notFoundPage } from "../../_site/respond";

// A POST, PUT, PATCH, DELETE or OPTIONS to an address no route takes (sent here by the web
// server: server/http/known-addresses.ts): the same script-free 404 as ../route.ts, built
// each time (a route handler with these methods is never cached). There is nothing at the
// address to send anything to.
export const dynamic = "force-dynamic";

const notFound = () => notFoundPage();
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
