// The Node.js flags the portal's server runs with: every launcher of scripts/serve.mjs passes them
// (npm start, the browser tests' server, the tests' and benchmarks' portals); they must be given on
// the command line, since V8 sizes its heap when the process starts.
//
// A young generation of at most 8 MB a semi-space (V8's default grows it to 32 MB and more, and an
// idle server keeps what it grew to): the idle embedded portal's resident memory went from ~600 MB
// to ~460 MB (bench/start-up.ts; docs/benchmarks.md).
export const serverNodeFlags = ["--max-semi-space-size=8"];
