import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    // Public pages are whole HTML documents rendered by route handlers and served from the
    // cache with no script at all: there is no client router for <Link> to use, no next/head,
    // and images are <picture> with our own renditions rather than next/image.
    files: ["components/public/**", "app/(public)/**"],
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-head-element": "off",
      "@next/next/no-img-element": "off",
    },
  },
]);
