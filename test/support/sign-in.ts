/** Cookies as a browser would keep them for one site: name → value. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 1) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** What a signed-in browser tab sends with a change: its cookies, and the CSRF cookie's value in a header. */
export type SessionHeaders = Record<string, string> & {
  Cookie: string;
  "x-wayfinder-csrf": string;
};

/**
 * Signs in through next-auth's local provider over HTTP, exactly as the sign-in form does (CSRF
 * token first, then the credentials callback), and returns the headers a portal page would send:
 * the session cookie, and Wayfinder's CSRF cookie echoed in its header.
 */
export async function signInLocally(baseUrl: string, person: { name: string; email: string }): Promise<SessionHeaders> {
  const jar = new CookieJar();

  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, name: person.name, email: person.email, json: "true", callbackUrl: `${baseUrl}/` }),
  });
  jar.store(response);
  const cookie = jar.header();
  if (!/next-auth\.session-token=/.test(cookie)) throw new Error(`Local sign-in failed for ${person.email}: HTTP ${response.status} ${await response.text()}`);
  // proxy.ts gave this client its CSRF cookie on the first request, as it does a browser on its first page.
  const csrf = jar.get("wf_csrf");
  if (!csrf) throw new Error("The portal did not set the wf_csrf cookie");
  return { Cookie: cookie, "x-wayfinder-csrf": csrf };
}
