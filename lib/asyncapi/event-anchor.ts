/**
 * Where a channel, operation or message is on its service page (`#operation-onUserSignup`): the id
 * the document chose with anything but letters, digits, `-` and `_` made `_`, so an anchor is never
 * markup and search links to the same place the page renders.
 */
export const eventAnchor = (kind: "channel" | "operation" | "message", id: string) => `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
