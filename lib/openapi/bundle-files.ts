import { invalidDocument } from "./document-error";
import type { ReadFile } from "./bundle-document";

/** Where the files of a pushed bundle live while being joined: a host that cannot exist. */
export const BUNDLE_ORIGIN = "https://bundle.wayfinder.invalid";

/** Normalises a bundle file path: relative, forward slashes, no `.` or `..` segments escaping the root. */
export function normaliseBundlePath(path: string): string {
  const url = new URL(path.replace(/\\/g, "/"), `${BUNDLE_ORIGIN}/`);
  if (url.origin !== BUNDLE_ORIGIN) throw invalidDocument("A bundle file has an absolute address", [{ message: `"${path}" is not a relative path` }]);
  return decodeURIComponent(url.pathname.slice(1));
}

/**
 * A reader over the files of a pushed bundle: a `$ref` may reach only files of the bundle, so
 * `file:///etc/passwd` or `http://169.254.169.254/` are refused by name, never read or fetched.
 */
export function bundleReader(files: Map<string, string>): ReadFile {
  return async (url) => {
    if (url.origin !== BUNDLE_ORIGIN) {
      throw invalidDocument("A $ref points outside the bundle", [
        { message: `"${url.href}" is not one of the bundle's files; a bundle's $refs may only name its own files` },
      ]);
    }
    const path = decodeURIComponent(url.pathname.slice(1));
    const text = files.get(path);
    if (text === undefined) throw invalidDocument("A $ref names a file the bundle does not have", [{ message: `"${path}" is not in the bundle` }]);
    return text;
  };
}
