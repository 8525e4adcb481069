// Serves the production build for the browser tests on a fresh embedded database (demo loaded on start).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { serverEnvironment, serverNodeFlags } from "./server-node-flags.mjs";

const port = process.argv[2] ?? "3100";
const dataDir = ".data/e2e";
rmSync(dataDir, { recursive: true, force: true });
const server = spawn(process.execPath, [...serverNodeFlags, "scripts/serve.mjs", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...serverEnvironment,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    WAYFINDER_DATA_DIR: dataDir,
    DATABASE_URL: "",
    WAYFINDER_LOCAL_SIGNIN: "true",
    WAYFINDER_ADMINS: "admin@e2e.test",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
