import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import { layerZones } from "./eslint/layers.mjs";

const config = [
  // public/cli/ holds the bundled wayfinder command (scripts/build-cli.mjs), built, not written.
  { ignores: ["generated/**", ".next/**", "node_modules/**", "reports/**", "test-results/**", "next-env.d.ts", "public/cli/**", "templates/**"] },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layering of lib/ (eslint/layers.mjs) and no import cycles between modules.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones() }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Client-safe: the sample builder is shipped to the browser (code samples, Try it out's bodies).
    files: ["lib/try-it/samples/**/*.ts", "lib/openapi/document-schema-check.ts", "lib/openapi/to-json-schema.ts", "lib/openapi/json-pointer.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "server-only", "@/generated/*"], message: "Client-safe: this module is shipped to the browser." },
            { group: ["@/lib/platform/db/*", "@/lib/platform/env", "@/lib/platform/logger"], message: "Client-safe: this module is shipped to the browser." },
          ],
        },
      ],
    },
  },
  {
    // Links prefetch only once the page is ready (components/prefetch-gate.ts): the one wrapper holds next/link.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/portal-link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use @/components/portal-link: its prefetching waits for the page." }] }],
    },
  },
  {
    // Tests read loosely typed JSON from HTTP responses.
    files: ["test/**", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
