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
    "pg-boss",
    "@stoplight/prism-http",
    "@stoplight/http-spec",
    "@stoplight/json",
    "openapi-sampler",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
