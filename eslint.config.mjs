import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "server/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "import/no-cycle": "error",
    },
  },
  {
    // Rules that need the type checker: promises nobody awaits or handles, promises passed
    // where a plain callback is expected, and switches that forget a case of a union.
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Components receive data: their types come from the router's outputs (trpc/types.ts) or
    // lib/, and what they need of permissions and site settings from lib/ or props.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "**/server/*"],
              message: "Components never import server/: take types from @/trpc/types or lib/, and data from props.",
            },
          ],
        },
      ],
    },
  },
  {
    // Public pages are whole HTML documents rendered by route handlers and served from the
    // cache with no script at all: there is no client router for <Link> to use, no next/head,
    // and images are <picture> with our own renditions rather than next/image.
    // (Feed content, lib/syndication/, is HTML for feed readers: no script either.)
    files: ["components/public/**", "app/(public)/**", "lib/syndication/**"],
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-head-element": "off",
      "@next/next/no-img-element": "off",
    },
  },
  // Formatting is Prettier's (npm run lint runs `prettier --check`): no style rules here.
  prettier,
]);
