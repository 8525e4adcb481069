/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and the wasm schema engine load .wasm/.data files relative to their own modules:
  // bundling them breaks those paths, so Node loads them from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
