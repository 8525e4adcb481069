#!/usr/bin/env node
// The `wayfinder` command: runs cli/main.ts through tsx, with this package's tsconfig (for its
// import aliases) whatever directory it is started from.
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
const { main } = await tsImport("../cli/main.ts", { parentURL: import.meta.url, tsconfig });
process.exitCode = await main(process.argv.slice(2));
