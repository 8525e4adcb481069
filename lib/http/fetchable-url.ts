import { z } from "zod";

/**
 * An http(s) URL the portal will fetch (a document URL). Credentials in it (`user:password@`) are
 * refused here, at input, so they are never stored or shown; private documents belong behind the
 * network allowlist (WAYFINDER_FETCH_ALLOW), not in a URL everybody can read.
 */
export const fetchableUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000)
  .refine((value) => {
    const url = new URL(value);
    return !url.username && !url.password;
  }, "must not contain a user name or password (user:password@…): the URL is shown to readers");
