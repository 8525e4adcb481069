/** A request id a load balancer or client sent, if it is a sane one (it is only ever logged and echoed); else a new one. */
export function requestIdFor(request: Request): string {
  const sent = request.headers.get("x-request-id");
  return sent && /^[A-Za-z0-9._:-]{1,128}$/.test(sent) ? sent : crypto.randomUUID();
}
