import path from "node:path";
import { readFileSync } from "node:fs";

// The list pages get too (lib/platform/security/security-headers.ts reads the same file).
const PERMISSIONS_POLICY = JSON.parse(readFileSync(new URL("./lib/platform/security/permissions-policy.json", import.meta.url), "utf8")).policy;
// Every response's (scripts/static-assets.mjs sends them with the precompressed assets too).
const SITE_HEADERS = JSON.parse(readFileSync(new URL("./lib/platform/security/site-headers.json", import.meta.url), "utf8"));

/**
 * Builds use webpack (`next build --webpack`, see package.json): with Turbopack, swagger-ui-react's
 * OpenAPI 3.1 support breaks at run time ("refract is not a function", an infinite spinner on every
 * operation): https://github.com/vercel/next.js/issues/86507, https://github.com/swagger-api/swagger-ui/issues/10599.
 * e2e/api-docs.spec.ts expands an OpenAPI 3.1 operation, so a switch back is tested.
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // PGlite loads its .wasm/.data files relative to its own modules: bundling it breaks those paths,
  // so Node loads it from node_modules as it is (the wasm schema engine is loaded from disk directly).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
    "prom-client",
    "pg-boss",
    "@stoplight/prism-http",
    "@stoplight/http-spec",
    "@stoplight/json",
    "openapi-sampler",
    // One OpenTelemetry API shared with Next.js's own spans (it loads @opentelemetry/api from node_modules).
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-trace",
    // One copy shared with Prism, whose Ajv is switched to the linear-time regex engine (lib/try-it/mock/prism-regexp.ts).
    "ajv",
    // The AsyncAPI parser loads jsonc-parser's UMD build, whose relative requires webpack cannot follow.
    "@asyncapi/parser",
    "@asyncapi/converter",
  ],
  poweredByHeader: false,
  webpack(config, { isServer }) {
    if (!isServer) {
      // In the browser, the AsyncAPI React component renders documents the server parsed: it needs
      // the parser's models, not the parser (Spectral and Ajv compile with `new Function`, which the
      // CSP refuses, and read files). See components/events/vendor/.
      const vendor = (file) => path.resolve("components/events/vendor", file);
      config.resolve.alias = {
        ...config.resolve.alias,
        "@asyncapi/parser$": vendor("asyncapi-parser-models.js"),
        "@asyncapi/parser/cjs/document": vendor("asyncapi-parser-models.js"),
        "@asyncapi/avro-schema-parser": vendor("asyncapi-no-schema-parser.js"),
        "@asyncapi/openapi-schema-parser": vendor("asyncapi-no-schema-parser.js"),
        "@asyncapi/protobuf-schema-parser": vendor("asyncapi-no-schema-parser.js"),
        "@stoplight/spectral-core": vendor("spectral-core-stub.js"),
      };
    }
    return config;
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SITE_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // The REST API, the Try it out proxy and the mock serve data, never pages (proxy.ts does not run for
      // them): a sandbox, so nothing they return can act as the portal if a browser opens it.
      ...["/api/:path((?!auth/).*)", "/mock/:path*"].map((source) => ({
        source,
        headers: [
          { key: "Content-Security-Policy", value: "sandbox; default-src 'none'; frame-ancestors 'none'" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      })),
    ];
  },
};

export default nextConfig;
