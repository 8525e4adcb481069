// `npm start`: builds the portal when there is no build or the sources changed since the last one,
// then serves it (scripts/serve.mjs) on PORT (default 3000), on loopback unless HOST is set or PostgreSQL is used. The server process opens the database,
// applies migrations and loads the demo on first start (see instrumentation.ts).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverEnvironment, serverNodeFlags } from "./server-node-flags.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const sources = [
  "app",
  "cli",
  "components",
  "lib",
  "content",
  "templates",
  "prisma",
  "public",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
];
const buildId = ".next/BUILD_ID";

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

if (!existsSync(buildId) || Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs) {
  console.log("Building Wayfinder (first start, or the sources changed)…");
  const build = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
process.env.PORT = port;
// The embedded demo is for trying Wayfinder out: offer the local sign-in unless a real provider is
// configured or the operator said otherwise. With PostgreSQL it must be enabled explicitly.
const hasProvider = process.env.WAYFINDER_OIDC_ISSUER || process.env.WAYFINDER_GITHUB_CLIENT_ID;
// `next start` runs with NODE_ENV=production, where both are off unless enabled explicitly.
if (!process.env.DATABASE_URL && !hasProvider && !process.env.WAYFINDER_LOCAL_SIGNIN) {
  process.env.WAYFINDER_LOCAL_SIGNIN = "true";
  console.log("Local development sign-in is on (embedded database, no sign-in provider configured).");
}
if (!process.env.DATABASE_URL && !process.env.WAYFINDER_ADMINS && !process.env.WAYFINDER_FIRST_USER_ADMIN) {
  process.env.WAYFINDER_FIRST_USER_ADMIN = "true";
  console.log("The first person to sign in becomes admin (embedded database, no WAYFINDER_ADMINS).");
}
// scripts/serve.mjs: Next's handler behind Node's server (the peer address for throttling; loopback for the demo).
const server = spawn(process.execPath, [...serverNodeFlags, "scripts/serve.mjs", port], {
  stdio: "inherit",
  env: { ...process.env, ...serverEnvironment, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
