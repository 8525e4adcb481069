import { MOCK_PLACEHOLDER } from "@/components/api-reference/mock-credentials";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";

/** Says where Try it out will send requests, and why the mock is the default when it is. */
export function TryItNote({ config }: { config: TryConfig }) {
  const unreachable = config.servers.filter((server) => !server.reachable);
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900" data-testid="try-it-note">
      {config.preferMock ? (
        <p>
          <strong>Try it out uses Wayfinder&apos;s mock server by default</strong>: this API&apos;s own servers cannot be reached from Wayfinder. The mock
          answers at <code>{config.mockPath}</code> from the document&apos;s examples and schemas, and checks your requests against it.{" "}
          <span data-testid="mock-credentials-note">
            Under <strong>Authorize</strong>, every credential the API asks for is filled in with the placeholder <code>{MOCK_PLACEHOLDER}</code>: the mock
            checks that one is sent, never its value. Replace them to call a real server.
          </span>
        </p>
      ) : (
        <p>
          Try it out calls the real servers through Wayfinder&apos;s proxy (your portal session is never sent); changes are confirmed first. The mock server is
          in the server list too.
        </p>
      )}
      {unreachable.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {unreachable.map((server) => (
            <li key={server.url}>
              <code>{server.url}</code>: {server.why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
