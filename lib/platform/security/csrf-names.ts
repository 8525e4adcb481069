/** Shared by the server check and the browser code, which cannot import node:crypto. */
export const CSRF_COOKIE = "wf_csrf";
export const CSRF_HEADER = "x-wayfinder-csrf";
