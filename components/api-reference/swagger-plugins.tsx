"use client";

import type { ComponentType } from "react";
import type { Credentials } from "@/lib/try-it/samples/build-sample-request";
import { CONFORMANCE_HEADER, decodeVerdict } from "@/lib/conformance/verdict-header";
import { CodeSamples } from "./code-samples";
import { ConformanceVerdict } from "./conformance-verdict";
import { mockAuthorization } from "./mock-credentials";
import { MockOptions } from "./mock-options";
import { operationDrawn } from "./reference-prefetch-hold";
import { SPEC_LOADED_MARK } from "./spec-loaded-mark";
import { authStorageKey } from "@/lib/try-it/proxy/try-config";

/** The slice of Swagger UI's plugin system these plugins use (it ships no types for it). */
interface Immutable {
  toJS(): unknown;
  get(key: string): unknown;
}
interface System {
  specSelectors: { specJson(): Immutable; specStr(): string; isOAS3(): boolean };
  specActions: { updateJsonSpec(json: object): unknown };
  errActions: { clear(filter: { source: string }): void };
  oas3Selectors: { selectedServer(): string; serverVariables(input: { server: string }): Immutable };
  authSelectors: { authorized(): Immutable };
  authActions: { restoreAuthorization(input: { authorized: unknown }): void };
}

const plainCopies = new WeakMap<Immutable, unknown>();
/**
 * An Immutable value of Swagger UI's state as plain JSON, converted once per value (its values are
 * persistent: unchanged state keeps its identity). Swagger UI renders an operation many times while it
 * opens: converting the operation's schemas, and so generating every code sample again, on each render
 * cost about a sixth of the time to open one of Stripe's.
 */
function plain<T>(value: Immutable): T {
  if (!plainCopies.has(value)) plainCopies.set(value, value.toJS());
  return plainCopies.get(value) as T;
}

/** The whole document as plain JSON, converted once per document (Stripe's is 4 MB). */
const specJson = (system: System) => plain<Record<string, unknown>>(system.specSelectors.specJson());

function chosenServer(system: System, document: Record<string, unknown>): string {
  if (!system.specSelectors.isOAS3()) {
    const schemes = (document.schemes as string[] | undefined) ?? ["https"];
    return `${schemes[0]}://${String(document.host ?? window.location.host)}${String(document.basePath ?? "")}`;
  }
  const server = system.oas3Selectors.selectedServer() || ((document.servers as { url: string }[] | undefined)?.[0]?.url ?? "/");
  const state = system.oas3Selectors.serverVariables({ server });
  const variables = state ? plain<Record<string, string>>(state) : {};
  const filled = Object.entries(variables).reduce((url, [name, value]) => url.split(`{${name}}`).join(value), server);
  return new URL(filled, window.location.href).href;
}

const NO_CREDENTIALS: Credentials = {};
const credentialsOf = new WeakMap<Immutable, Credentials>();

/**
 * The credentials entered under Authorize, per scheme, in the form a sample sends them: the same object
 * while nothing is entered anew, so the code samples are not generated again on every render.
 */
function enteredCredentials(system: System): Credentials {
  const state = system.authSelectors.authorized();
  if (!state) return NO_CREDENTIALS;
  if (!credentialsOf.has(state)) credentialsOf.set(state, credentialsIn(plain(state)));
  return credentialsOf.get(state)!;
}

/** Swagger UI's auth state, as JSON, as credentials per scheme. */
function credentialsIn(authorized: Record<string, { value?: unknown; token?: { access_token?: string } }>): Credentials {
  const credentials: Credentials = {};
  for (const [name, entry] of Object.entries(authorized)) {
    const value = entry.value as string | { username?: string; password?: string } | undefined;
    if (entry.token?.access_token) credentials[name] = entry.token.access_token;
    else if (typeof value === "string") credentials[name] = value;
    else if (value && typeof value === "object") credentials[name] = btoa(`${value.username ?? ""}:${value.password ?? ""}`);
  }
  return credentials;
}

/**
 * Wayfinder's Swagger UI plugins: code samples under every operation's parameters (so before
 * Execute), the contract verdict on a real response, and credentials kept in this tab's session storage for this API only, restored on reload
 * and cleared on sign-out, instead of Swagger UI's persistAuthorization (localStorage, shared by all).
 */
export function wayfinderPlugins(slug: string) {
  return () => ({
    wrapComponents: {
      // The proxy's verdict on a real response (lib/conformance), above Swagger UI's own display of it.
      liveResponse: (Original: ComponentType<Record<string, unknown>>) =>
        function LiveResponseWithVerdict(props: Record<string, unknown>) {
          const state = (props.response as Immutable | undefined)?.get("headers") as Immutable | undefined;
          const headers = state ? plain<Record<string, string>>(state) : undefined;
          const verdict = decodeVerdict(headers?.[CONFORMANCE_HEADER]);
          return (
            <>
              {verdict && <ConformanceVerdict verdict={verdict} />}
              <Original {...props} />
            </>
          );
        },
      parameters: (Original: ComponentType<Record<string, unknown>>, system: System) =>
        function ParametersWithSamples(props: Record<string, unknown>) {
          const [path, method] = props.pathMethod as [string, string];
          const operation = props.operation ? plain<Record<string, unknown>>(props.operation as Immutable) : undefined;
          const document = specJson(system);
          const server = chosenServer(system, document);
          return (
            <>
              <Original {...props} />
              {operation && server.startsWith(`${window.location.origin}/mock/`) && <MockOptions operation={operation} path={path} method={method} />}
              {operation && (
                <CodeSamples document={document} operation={operation} path={path} method={method} server={server} credentials={enteredCredentials(system)} />
              )}
            </>
          );
        },
    },
    statePlugins: {
      // Each document Swagger UI is given to parse and resolve is marked (User Timing), so the browser's
      // performance panel, the bench and the tests see how often that costly step runs: once per document.
      spec: {
        wrapActions: {
          updateSpec: (original: (text: string) => unknown) => (text: string) => {
            if (text) performance.mark(SPEC_LOADED_MARK);
            return original(text);
          },
          // What Swagger UI has resolved, as a map of the document's resolved parts (it also resolves
          // parts of an overview, which has no operation). Once that holds an operation, it is drawn
          // next: on a large document's page, what links wait for before they prefetch
          // (reference-prefetch-hold.ts).
          updateResolvedSubtree: (original: (path: unknown, value: unknown) => unknown) => (path: unknown, value: unknown) => {
            const result = original(path, value);
            const paths = (value as { paths?: object } | null | undefined)?.paths;
            if (paths && Object.keys(paths).length) operationDrawn();
            return result;
          },
          // Swagger UI reads the text it is given with its YAML parser, JSON too. The reference always
          // hands it JSON (swagger-view.tsx), which JSON.parse reads an order of magnitude faster (in
          // Node, Wayfinder's own 230 KB document on a first call: 54 ms against 3). Text that is not
          // JSON goes to Swagger UI's own parser, which reports its errors as it always has.
          parseToJson: (original: (text?: string) => unknown, system: System) => (text?: string) => {
            let json: unknown;
            try {
              json = JSON.parse(text || system.specSelectors.specStr());
            } catch {
              return original(text);
            }
            system.errActions.clear({ source: "parser" });
            return system.specActions.updateJsonSpec(json !== null && typeof json === "object" ? json : {});
          },
        },
      },
      auth: {
        wrapActions: {
          persistAuthorizationIfNeeded: (_original: () => void, system: System) => () => {
            sessionStorage.setItem(authStorageKey(slug), JSON.stringify(system.authSelectors.authorized().toJS()));
          },
        },
      },
    },
  });
}

/**
 * Puts back the credentials this tab entered for this API before a reload; when there are none and the
 * mock is where Try it out goes, fills in a placeholder for every declared scheme (mock-credentials.ts),
 * so a newcomer's first Execute succeeds. The try-it note says so.
 */
export function restoreCredentials(system: System, slug: string, onMock: boolean): void {
  const saved = sessionStorage.getItem(authStorageKey(slug));
  if (!saved) {
    const placeholders = onMock ? mockAuthorization(specJson(system)) : {};
    if (Object.keys(placeholders).length) system.authActions.restoreAuthorization({ authorized: placeholders });
    return;
  }
  try {
    system.authActions.restoreAuthorization({ authorized: JSON.parse(saved) });
  } catch {
    sessionStorage.removeItem(authStorageKey(slug));
  }
}
