import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/platform/errors";
import { parseCliEnv } from "@/lib/platform/env";
import { ingestLimitsFromEnv, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { isAsyncApi } from "@/lib/asyncapi/is-async-api";
import type { Bundle } from "@/lib/openapi/prepare-bundle";
import type { DiffOptions } from "./diff-commands";
import { CLIENT_EXIT, CONSUMES_EXIT, DIFF_EXIT } from "./exit-codes";
import type { LintFailOn } from "./lint-command";

// Each command's modules are imported when it runs, not at start: the bundled command is one file
// whose parts are compiled only when imported (scripts/build-cli.mjs), so `lint` never pays for the
// AsyncAPI parser, Prism or the template engine, and `--help` for none of them.

const USAGE = `Usage:
  wayfinder validate <file>                     check an OpenAPI or AsyncAPI document (and the files it $refs) offline
  wayfinder publish --service <slug> <file>     publish it to Wayfinder (WAYFINDER_URL, WAYFINDER_TOKEN)
            [--accept-breaking "<reason>"]      past a \`block\` policy: publish breaking changes for this reason
                                                (an owning team's token; recorded in the audit log)
            [--commit-time <ISO 8601>]          when the change was committed (default: git's last commit of the
                                                file); docs freshness on /insights counts from it
  wayfinder diff <base> <revision>              classify what changed between two documents (files or URLs), offline;
            [--service <slug>]                  with it (and WAYFINDER_URL), each change names the service's consumers it touches
  wayfinder check --service <slug> <file>       compare a working copy with what Wayfinder serves (WAYFINDER_URL),
                                                and lint it with the house rules: one report for a pull request;
                                                with WAYFINDER_TOKEN, its new operations start time to a new endpoint
  wayfinder consumes <provider>[@range] --service <slug> [--operations a,b] [--fields x,y] [--remove]
                                                declare (or withdraw) that a service consumes another's API: all of it,
                                                or some operations (operationIds or "METHOD /path"), in a semver range
  wayfinder consumes --file wayfinder.consumes.yaml --service <slug>
                                                publish everything the service consumes, as its repository declares it
  wayfinder consumes --from-client <dir> --service <slug>
                                                declare the operations a client from \`wayfinder client\` was generated for
  wayfinder client <slug>[@version] --out <dir> [--lang typescript|python]
                                                write a typed client of a service's version (default: the newest) from
                                                WAYFINDER_URL: TypeScript (openapi-typescript + openapi-fetch) or Python
  wayfinder mcp                                 serve Wayfinder's MCP tools on stdin/stdout for a local assistant
                                                (WAYFINDER_URL; WAYFINDER_TOKEN where the portal needs sign-in)
  wayfinder verify [<contract>] --base-url <url> [--service <slug>]
                                                call a running service's operations and check every response against
                                                its contract (a file or URL, or --service's from WAYFINDER_URL); with
                                                WAYFINDER_TOKEN and --service, the run is recorded in the portal
            [--include-writes] [--negative] [--fixtures <yaml>] [--version <v>] [--concurrency <n>]
  wayfinder traffic <service> <file.har|file.ndjson> [--version <v>]
                                                check recorded traffic against the service's contract in the portal
  wayfinder lint <file>                         check a document against the house rules (governance/lint.yaml), offline
  wayfinder new service --template <name> [--set key=value…] <dir>
                                                start a new service from a template (fastapi-service, typescript-service)
  wayfinder new endpoint --template <name> [--set key=value…] <openapi file> [--service <slug>]
                                                add one operation to a project's contract, with a handler stub and tests;
                                                with --service (WAYFINDER_URL, WAYFINDER_TOKEN), its clock starts now
  wayfinder templates                           list the templates this command carries

Options:
  --root <dir>                      the folder $refs may reach (default: the document's own folder); nothing outside it is read
  --format text|json|markdown       how diff and check print the changes (check defaults to markdown);
                                    verify also prints junit (JUnit XML for CI test tabs); traffic text or json
  --include-writes                  verify: send POST, PUT, PATCH and DELETE too (with the contract's example bodies)
  --negative                        verify: also send each request without a required query or header parameter,
                                    which must not get a 2xx
  --fixtures <yaml>                 verify: parameter values, { name: value } or { "METHOD /path": { name: value } }
                                    (credentials: WAYFINDER_VERIFY_AUTH_<SCHEME> for each security scheme)
  --fail-on breaking|warning        diff and check exit 1 when a change at or above this level is found
  --strict                          diff and check refuse (exit 2) a document its official schema finds invalid;
                                    without it such a document is compared and its problems listed once
  --fail-on error|warn              lint exits 1 when a finding at or above this severity is found
  --fail-on-lint error|warn         check exits 1 when a lint finding at or above this severity is found
  --ruleset <file>                  lint and check with another ruleset than the portal's
  --template <name>                 new: the template to render; --set key=value (repeatable) gives its parameters
  --from-portal                     new: fetch the template from WAYFINDER_URL instead of the bundled copy

Exit codes: validate and publish: 0 ok, 1 invalid document, 2 usage, authorization or network error.
consumes: 0 declared, 1 refused (an unknown operation or service, a bad range), 2 usage, authorization or network error.
verify: 0 every response matches the contract, 1 a mismatch, 2 it could not run (no contract, nothing answered).
traffic: 0 no exchange departs from the contract, 1 some do, 2 usage, the file, authorization or network.
diff, check and lint: 0 nothing at or above --fail-on / --fail-on-lint (always without them), 1
something is, 2 a document could not be read (not JSON or YAML, no openapi/swagger, a $ref to nothing;
with --strict, invalid), or the usage is wrong.`;

const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

type Problem = { message: string; pointer?: string; line?: number; column?: number };

function printProblems(details: unknown): void {
  for (const problem of ((details as { problems?: Problem[] } | undefined)?.problems ?? []).slice(0, 20)) {
    const where =
      problem.pointer !== undefined ? ` at ${problem.pointer || "/"}` : problem.line ? ` at line ${problem.line}, column ${problem.column ?? 1}` : "";
    console.error(`  - ${problem.message}${where}`);
  }
}

/** Local problems with the document are exit 1; anything else is 2. */
function failure(error: unknown): number {
  if (isAppError(error) && (error.code === "INVALID_DOCUMENT" || error.code === "PAYLOAD_TOO_LARGE")) {
    console.error(`invalid: ${error.message}`);
    printProblems(error.details);
    return EXIT.invalid;
  }
  console.error(`error: ${(error as Error).message}`);
  return EXIT.usage;
}

async function validate(file: string, root: string | undefined): Promise<number> {
  const { validateFile } = await import("./validate-command");
  console.log(await validateFile(file, ingestLimitsFromEnv(parseCliEnv(process.env)), root));
  return EXIT.ok;
}

/**
 * When the document was last committed: `--commit-time`, else git's own record of the file (a CI
 * checkout has it); undefined outside a repository. Docs freshness on /insights counts from it.
 */
function commitTime(file: string, given: string | undefined): string | undefined {
  if (given) return given;
  try {
    const out = execFileSync("git", ["log", "-1", "--format=%cI", "--", path.basename(file)], {
      cwd: path.dirname(path.resolve(file)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 10_000,
    }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** `wayfinder publish` of an AsyncAPI document: validated here, then sent to the service's event API versions. */
async function publishEvents(
  bundle: Bundle,
  document: unknown,
  service: string,
  { baseUrl, token, limits, acceptBreaking }: { baseUrl: string; token: string; limits: IngestLimits; acceptBreaking?: string },
): Promise<number> {
  // A single file is read as written, here and by the portal: bundling would shorten the `$ref`s
  // AsyncAPI 3.0 requires to go through a channel.
  const single = Object.keys(bundle.files).length === 1 ? bundle.files[bundle.root] : undefined;
  const { readAsyncApi } = await import("@/lib/asyncapi/read-asyncapi");
  const { BUNDLE_MEDIA_TYPE } = await import("@/lib/openapi/receive-document");
  await readAsyncApi(document as Record<string, unknown>, limits);
  let response: Response;
  try {
    const url = new URL(`/api/v1/services/${encodeURIComponent(service)}/event-versions`, baseUrl);
    if (acceptBreaking !== undefined) url.searchParams.set("acceptBreaking", acceptBreaking);
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": single === undefined ? BUNDLE_MEDIA_TYPE : "application/yaml" },
      body: single ?? JSON.stringify(bundle),
    });
  } catch (error) {
    console.error(`error: cannot reach ${baseUrl}: ${((error as { cause?: Error }).cause ?? (error as Error)).message}`);
    return EXIT.usage;
  }
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    error?: { code: string; message: string; details?: { changes?: { operation?: string; component?: string; message: string }[] } & Record<string, unknown> };
  };
  if (!response.ok) {
    console.error(`${body.error?.code === "INVALID_DOCUMENT" ? "invalid" : "error"}: ${body.error?.message ?? `HTTP ${response.status}`}`);
    printProblems(body.error?.details);
    for (const change of body.error?.details?.changes ?? []) console.error(`  - ${change.operation ?? change.component ?? ""}: ${change.message}`);
    return body.error?.code === "INVALID_DOCUMENT" || body.error?.code === "PAYLOAD_TOO_LARGE" ? EXIT.invalid : EXIT.usage;
  }
  console.log(`${service}: ${body.message}`);
  return EXIT.ok;
}

async function publish(file: string, service: string, root: string | undefined, acceptBreaking: string | undefined, committed?: string): Promise<number> {
  const config = parseCliEnv(process.env);
  const baseUrl = config.WAYFINDER_URL;
  const token = config.WAYFINDER_TOKEN;
  if (!baseUrl || !token) {
    console.error("error: set WAYFINDER_URL (e.g. https://wayfinder.example.com) and WAYFINDER_TOKEN (an API token from the team page).");
    return EXIT.usage;
  }
  const limits = ingestLimitsFromEnv(config);
  const [{ collectParsedFiles }, { joinBundle }, { prepareParsed }, { BUNDLE_MEDIA_TYPE }, { finishedCollected }] = await Promise.all([
    import("./collect-files"),
    import("@/lib/openapi/prepare-bundle"),
    import("@/lib/openapi/prepare-document"),
    import("@/lib/openapi/receive-document"),
    import("./read-api"),
  ]);
  const collected = await collectParsedFiles(file, limits, root);
  const { bundle, parsed, whole } = collected;
  // Checked here first, with the server's own rules, so CI logs show the problem without a round trip.
  // An event API (AsyncAPI) is the service's other contract: it goes to its own versions.
  if (isAsyncApi(parsed.get(bundle.root)?.data))
    return publishEvents(bundle, whole ?? (await joinBundle(bundle, limits, parsed)), service, { baseUrl, token, limits, acceptBreaking });
  const { data, shape } = await finishedCollected(collected, limits);
  await prepareParsed(data, shape);
  let response: Response;
  try {
    const url = new URL(`/api/v1/services/${encodeURIComponent(service)}/versions`, baseUrl);
    if (acceptBreaking !== undefined) url.searchParams.set("acceptBreaking", acceptBreaking);
    const committedAt = commitTime(file, committed);
    if (committedAt) url.searchParams.set("committedAt", committedAt);
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": BUNDLE_MEDIA_TYPE },
      body: JSON.stringify(bundle),
    });
  } catch (error) {
    console.error(`error: cannot reach ${baseUrl}: ${((error as { cause?: Error }).cause ?? (error as Error)).message}`);
    return EXIT.usage;
  }
  const body = (await response.json().catch(() => ({}))) as {
    outcome?: string;
    kind?: string;
    message?: string;
    version?: string;
    revision?: number;
    operationCount?: number;
    diff?: {
      base: { version: string; revision: number };
      summary: { breaking: number; warning: number; info: number };
      semverViolation: boolean;
      acceptedBreakingReason: string | null;
    } | null;
    error?: { code: string; message: string; details?: { changes?: { operation?: string; component?: string; message: string }[] } & Record<string, unknown> };
  };
  if (!response.ok) {
    console.error(`${body.error?.code === "INVALID_DOCUMENT" ? "invalid" : "error"}: ${body.error?.message ?? `HTTP ${response.status}`}`);
    printProblems(body.error?.details);
    for (const change of body.error?.details?.changes ?? []) console.error(`  - ${change.operation ?? change.component ?? ""}: ${change.message}`);
    return body.error?.code === "INVALID_DOCUMENT" || body.error?.code === "PAYLOAD_TOO_LARGE" ? EXIT.invalid : EXIT.usage;
  }
  const what = body.outcome === "unchanged" ? "unchanged: already stored as" : "published:";
  console.log(`${what} ${service} ${body.version} revision ${body.revision} (${body.operationCount} operations)`);
  // Same info.version, other content: say so, since it silently replaced what that version shows.
  if (body.kind === "revision") console.log(`note: ${body.message}`);
  // Under the `warn` policy the portal leads its message with the breaking changes: repeat that in CI logs.
  if (body.message?.startsWith("Warning:")) console.log(`warning: ${body.message.slice("Warning: ".length).split(". ")[0]}`);
  if (body.diff) {
    const { breaking, warning, info } = body.diff.summary;
    console.log(
      `changes since ${body.diff.base.version} revision ${body.diff.base.revision}: ${breaking} breaking, ${warning} potentially breaking, ${info} other`,
    );
    if (body.diff.semverViolation) console.log(`warning: breaking changes without a new major version (${body.diff.base.version} → ${body.version})`);
    if (body.diff.acceptedBreakingReason) console.log(`breaking changes accepted: ${body.diff.acceptedBreakingReason}`);
  }
  return EXIT.ok;
}

/** `wayfinder lint <file> [--fail-on error|warn] [--format text|json|markdown] [--ruleset <file>]`. */
async function lint(files: string[], values: { root?: string; format?: string; "fail-on"?: string; ruleset?: string }): Promise<number> {
  const format = values.format ?? "text";
  const failOn = values["fail-on"] ?? null;
  if (files.length !== 1 || !["text", "json", "markdown"].includes(format) || (failOn !== null && !["error", "warn"].includes(failOn))) {
    console.error(USAGE);
    return DIFF_EXIT.unreadable;
  }
  try {
    const { lintCommand } = await import("./lint-command");
    return await lintCommand(files[0]!, {
      root: values.root,
      ruleset: values.ruleset,
      failOn: failOn as LintFailOn,
      format: format as "text" | "json" | "markdown",
    });
  } catch (error) {
    failure(error);
    return DIFF_EXIT.unreadable;
  }
}

/** `wayfinder new service|endpoint --template <name> [--set k=v…] <target>`. */
async function newCommand(args: string[], values: { template?: string; set?: string[]; "from-portal"?: boolean; service?: string }): Promise<number> {
  const [what, target, ...rest] = args;
  if (!values.template || !target || rest.length || (what !== "service" && what !== "endpoint")) {
    console.error(USAGE);
    return EXIT.usage;
  }
  try {
    const config = parseCliEnv(process.env);
    if (values["from-portal"] && !config.WAYFINDER_URL) throw new Error("--from-portal needs WAYFINDER_URL");
    if (values.service && (what !== "endpoint" || !config.WAYFINDER_URL))
      throw new Error("--service with new: only for an endpoint, and it needs WAYFINDER_URL");
    const options = {
      template: values.template,
      set: values.set ?? [],
      portal: values["from-portal"] ? config.WAYFINDER_URL : undefined,
      token: config.WAYFINDER_TOKEN,
      record: values.service && config.WAYFINDER_URL ? { portal: config.WAYFINDER_URL, service: values.service } : undefined,
    };
    const { newEndpoint, newService } = await import("./new-command");
    return what === "service" ? await newService(target, options) : await newEndpoint(target, options);
  } catch (error) {
    if (isAppError(error) && error.code !== "INVALID_DOCUMENT") {
      console.error(`error: ${error.message}`);
      return EXIT.usage;
    }
    return failure(error);
  }
}

async function listTemplates(): Promise<number> {
  const { bundledTemplates } = await import("./new-command");
  for (const { manifest } of bundledTemplates().values()) console.log(`${manifest.name.padEnd(22)} ${manifest.kind.padEnd(9)} ${manifest.title}`);
  return EXIT.ok;
}

/** diff and check share their options, exit codes (DIFF_EXIT) and error handling. */
async function diffOrCheck(
  command: "diff" | "check",
  files: string[],
  values: { service?: string; root?: string; format?: string; "fail-on"?: string; "fail-on-lint"?: string; ruleset?: string; strict?: boolean },
): Promise<number> {
  const format = values.format ?? (command === "check" ? "markdown" : "text");
  const failOn = values["fail-on"] ?? null;
  const lintFailOn = values["fail-on-lint"] ?? null;
  const wanted = command === "diff" ? files.length === 2 : files.length === 1 && values.service;
  // diff --service looks consumers up in the portal; check always does.
  if (
    !wanted ||
    !["text", "json", "markdown"].includes(format) ||
    (failOn !== null && !["breaking", "warning"].includes(failOn)) ||
    (lintFailOn !== null && (command !== "check" || !["error", "warn"].includes(lintFailOn)))
  ) {
    console.error(USAGE);
    return DIFF_EXIT.unreadable;
  }
  const options = {
    format: format as DiffOptions["format"],
    failOn: failOn as DiffOptions["failOn"],
    root: values.root,
    lintFailOn: lintFailOn as LintFailOn,
    ruleset: values.ruleset,
    strict: values.strict ?? false,
  };
  try {
    const { checkCommand, diffCommand } = await import("./diff-commands");
    return command === "diff"
      ? await diffCommand(files[0]!, files[1]!, { ...options, service: values.service })
      : await checkCommand(files[0]!, values.service!, options);
  } catch (error) {
    failure(error);
    return DIFF_EXIT.unreadable;
  }
}

/** `wayfinder consumes <provider>[@range] … --service <slug>`, or `--file <yaml> --service <slug>`. */
async function consumes(
  args: string[],
  values: { service?: string; operations?: string; fields?: string; file?: string; remove?: boolean; "from-client"?: string },
): Promise<number> {
  const list = (value: string | undefined) =>
    value
      ?.split(",")
      .map((item) => item.trim())
      .filter(Boolean);
  const fromClient = values["from-client"];
  if (fromClient !== undefined) {
    if (!values.service || args.length || values.file || values.operations || values.remove) {
      console.error(USAGE);
      return CONSUMES_EXIT.usage;
    }
    const { consumesCommand } = await import("./consumes-command");
    return consumesCommand({ service: values.service, fromClient, fields: list(values.fields) });
  }
  const fileForm = values.file !== undefined && args.length === 0 && !values.operations && !values.fields && !values.remove;
  const oneForm = values.file === undefined && args.length === 1 && !(values.remove && (values.operations || values.fields));
  if (!values.service || !(fileForm || oneForm)) {
    console.error(USAGE);
    return CONSUMES_EXIT.usage;
  }
  const { consumesCommand } = await import("./consumes-command");
  return consumesCommand({
    service: values.service,
    provider: args[0],
    operations: list(values.operations),
    fields: list(values.fields),
    file: values.file,
    remove: values.remove,
  });
}

/** `wayfinder verify [<contract>] --base-url <url> …`. */
async function verify(
  args: string[],
  values: {
    service?: string;
    version?: string;
    "base-url"?: string;
    "include-writes"?: boolean;
    negative?: boolean;
    fixtures?: string;
    format?: string;
    concurrency?: string;
  },
): Promise<number> {
  const format = values.format ?? "text";
  const concurrency = Number(values.concurrency ?? "4");
  if (
    !values["base-url"] ||
    args.length > 1 ||
    (!args.length && !values.service) ||
    !["text", "json", "junit", "markdown"].includes(format) ||
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    concurrency > 64
  ) {
    console.error(USAGE);
    return EXIT.usage;
  }
  // Loaded when used: verify brings Prism's router and Ajv, which no other command needs at start.
  const { verifyCommand } = await import("./verify-command");
  return verifyCommand({
    contract: args[0],
    service: values.service,
    version: values.version,
    baseUrl: values["base-url"],
    includeWrites: values["include-writes"] ?? false,
    negative: values.negative ?? false,
    fixtures: values.fixtures,
    format: format as "text",
    concurrency,
    timeoutMs: 30_000,
  });
}

/** `wayfinder traffic <service> <file> [--version v]`. */
async function traffic(args: string[], values: { version?: string; format?: string }): Promise<number> {
  const format = values.format ?? "text";
  if (args.length !== 2 || !["text", "json"].includes(format)) {
    console.error(USAGE);
    return EXIT.usage;
  }
  const { trafficCommand } = await import("./traffic-command");
  return trafficCommand({ service: args[0]!, file: args[1]!, version: values.version, format: format as "text" | "json" });
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        service: { type: "string" },
        root: { type: "string" },
        format: { type: "string" },
        "fail-on": { type: "string" },
        "fail-on-lint": { type: "string" },
        ruleset: { type: "string" },
        strict: { type: "boolean" },
        template: { type: "string" },
        set: { type: "string", multiple: true },
        "from-portal": { type: "boolean" },
        "accept-breaking": { type: "string" },
        operations: { type: "string" },
        fields: { type: "string" },
        file: { type: "string" },
        remove: { type: "boolean" },
        "base-url": { type: "string" },
        "commit-time": { type: "string" },
        "include-writes": { type: "boolean" },
        negative: { type: "boolean" },
        fixtures: { type: "string" },
        version: { type: "string" },
        concurrency: { type: "string" },
        lang: { type: "string" },
        out: { type: "string" },
        "from-client": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  if (command === "diff" || command === "check") return diffOrCheck(command, parsed.positionals.slice(1), parsed.values);
  if (command === "lint") return lint(parsed.positionals.slice(1), parsed.values);
  if (command === "new") return newCommand(parsed.positionals.slice(1), parsed.values);
  if (command === "templates") return listTemplates();
  if (command === "consumes") return consumes(parsed.positionals.slice(1), parsed.values);
  if (command === "mcp") {
    if (parsed.positionals.length > 1) {
      console.error(USAGE);
      return EXIT.usage;
    }
    const { mcpCommand } = await import("./mcp-command");
    return mcpCommand();
  }
  if (command === "client") {
    const [ref, ...extra] = parsed.positionals.slice(1);
    if (!ref || extra.length || !parsed.values.out) {
      console.error(USAGE);
      return CLIENT_EXIT.usage;
    }
    const { clientCommand } = await import("./client-command");
    return clientCommand({ ref, lang: parsed.values.lang ?? "typescript", out: parsed.values.out });
  }
  if (command === "verify") return verify(parsed.positionals.slice(1), parsed.values);
  if (command === "traffic") return traffic(parsed.positionals.slice(1), parsed.values);
  if (!file || rest.length || !["validate", "publish"].includes(command) || (command === "publish" && !parsed.values.service)) {
    console.error(USAGE);
    return EXIT.usage;
  }
  try {
    return command === "validate"
      ? await validate(file, parsed.values.root)
      : await publish(file, parsed.values.service!, parsed.values.root, parsed.values["accept-breaking"], parsed.values["commit-time"]);
  } catch (error) {
    return failure(error);
  }
}
