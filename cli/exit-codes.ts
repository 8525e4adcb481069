// The commands' exit codes, apart from the commands so that main.ts can answer a usage error
// without loading a command's modules.

/** diff and check: 0 when nothing is at or above `--fail-on` (or without it), 1 when something is, 2 when a document cannot be read. */
export const DIFF_EXIT = { ok: 0, failed: 1, unreadable: 2 } as const;

/** `wayfinder client`: 0 written, 1 refused by the portal (no such service or version), 2 usage or network. */
export const CLIENT_EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** `wayfinder consumes`: 0 declared, 1 refused by the portal (a bad range, an unknown operation), 2 usage, authorization or network. */
export const CONSUMES_EXIT = { ok: 0, refused: 1, usage: 2 } as const;
