// The Node.js flags the portal's server runs with: every launcher of scripts/serve.mjs passes them
// (npm start, the browser tests' server, the tests' and benchmarks' portals); they must be given on
// the command line, since V8 sizes its heap when the process starts.
//
// A young generation of at most 8 MB a semi-space (V8's default grows it to 32 MB and more, and an
// idle server keeps what it grew to): the idle embedded portal's resident memory went from ~600 MB
// to ~460 MB (bench/start-up.ts; docs/benchmarks.md).
export const serverNodeFlags = ["--max-semi-space-size=8"];

// The C library's allocator (glibc) gives each thread that allocates an arena of its own, up to eight
// per core, and keeps what a thread freed there. By default an idle embedded portal went from 323 to
// 459 MB after one diff (a pipeline thread loaded) and only back to 386 MB once the thread ended; with
// two arenas, 316, 392 and 316 MB (2026-12-06, docs/benchmarks.md). Read when the process starts,
// so the launchers set it in the server's environment; an operator's own value is kept.
export const serverEnvironment = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2" };
