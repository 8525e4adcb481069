// The bundled command's entry point (scripts/build-cli.mjs); from a checkout, bin/wayfinder.mjs runs
// main.ts through tsx instead.
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
