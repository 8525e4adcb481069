/**
 * Event API docs (issue 28): each message's payload with its references expanded and its examples,
 * and code samples to subscribe and publish, over every AsyncAPI example of the shared fixtures
 * (every shell command is valid shell, every Node.js sample valid JavaScript), and run for real:
 * the MQTT commands against the Mosquitto broker on this machine (127.0.0.1:1883), when it is there.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { eventCodeSamples, eventServers } from "@/lib/asyncapi/event-code-samples";
import { messageView } from "@/lib/asyncapi/message-view";
import { readAsyncApi } from "@/lib/asyncapi/read-asyncapi";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir } from "../support/fixtures";

const run = promisify(execFile);
const asyncDir = path.resolve(fixturesDir, "../asyncapi");
const files = existsSync(asyncDir)
  ? ["2.6", "3.0"].flatMap((version) =>
      readdirSync(path.join(asyncDir, version))
        .filter((file) => /\.ya?ml$/.test(file) && !file.startsWith("adeo-"))
        .map((file) => `${version}/${file}`),
    )
  : [];

const read = async (text: string) => readAsyncApi(parseDocumentText(text, defaultIngestLimits) as Record<string, unknown>, defaultIngestLimits);

/** Samples for every operation of a document, each with the first example of its first message that has one. */
async function samplesOf(text: string) {
  const { document, api } = await read(text);
  const servers = eventServers(document);
  return api.operations.map((operation) => {
    const example = operation.messages
      .map((id) => messageView(document, api.messages.find((message) => message.id === id)!.pointer)?.examples[0]?.payload)
      .find((payload) => payload !== undefined);
    return { operation, example, samples: eventCodeSamples(servers, operation, example) };
  });
}

const syntaxErrors = (code: string) =>
  (
    ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).diagnostics ?? []
  ).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));

const brokerUp = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    }).on("error", () => resolve(false));
  });

describe.runIf(files.length > 0)("event code samples and message views over every AsyncAPI fixture", () => {
  it("writes valid shell and JavaScript for every operation on a protocol with a common client", async () => {
    const counted: Record<string, number> = {};
    for (const file of files) {
      for (const { samples } of await samplesOf(readFileSync(path.join(asyncDir, file), "utf8"))) {
        for (const sample of samples) {
          counted[sample.label] = (counted[sample.label] ?? 0) + 1;
          if (sample.language === "shell") {
            const checked = await run("bash", ["-n", "-c", sample.code]).then(
              () => "",
              (error: { stderr?: string }) => error.stderr ?? "failed",
            );
            expect(checked, `${file}: ${sample.code}`).toBe("");
          } else expect(syntaxErrors(sample.code), `${file}: ${sample.code}`).toEqual([]);
        }
      }
    }
    console.log(`Event code samples over the fixtures: ${JSON.stringify(counted)}`);
    // The Initiative's examples cover Kafka, MQTT, AMQP and WebSocket servers.
    for (const label of ["kcat", "mosquitto_sub", "mosquitto_pub", "Node.js (mqtt)", "Node.js (kafkajs)", "websocat", "Node.js (ws)"])
      expect(counted[label], label).toBeGreaterThan(0);
  });

  it("expands a payload's references and shows its examples", async () => {
    const { document, api } = await read(readFileSync(path.join(asyncDir, "3.0/streetlights-kafka-asyncapi.yml"), "utf8"));
    const measured = api.messages.find((message) => message.id === "lightMeasured")!;
    const view = messageView(document, measured.pointer)!;
    expect(JSON.stringify(view.payload)).toContain('"lumens"');
    expect(JSON.stringify(view.payload)).not.toContain('"$ref"');
  });

  it("quotes what a document says so that no shell expands it", async () => {
    const hostile = `asyncapi: 3.0.0
info: { title: Quotes, version: 1.0.0 }
servers:
  broker: { host: "localhost:1883", protocol: mqtt }
channels:
  weird:
    address: "it's/$(touch /tmp/pwned)/{id}"
    messages:
      note:
        payload: { type: object }
        examples:
          - payload: { text: "'; rm -rf / #", more: "$HOME \`id\`" }
operations:
  tell:
    action: receive
    channel: { $ref: "#/channels/weird" }
`;
    const { samples } = (await samplesOf(hostile))[0]!;
    const publish = samples.find((sample) => sample.label === "mosquitto_pub")!;
    // Run through `printf '%s\n'` instead of the client: each argument comes back exactly as written.
    const { stdout } = await run("bash", ["-c", publish.code.replace(/^mosquitto_pub/, "printf '%s\\n'")]);
    expect(stdout.split("\n")).toEqual(
      expect.arrayContaining(["it's/$(touch /tmp/pwned)/{id}", JSON.stringify({ text: "'; rm -rf / #", more: "$HOME `id`" })]),
    );
  });

  it("runs the MQTT commands against a real broker: what a producer publishes, a consumer receives", async (context) => {
    if (!(await brokerUp(1883)) || !existsSync("/usr/bin/mosquitto_pub")) return context.skip();
    const topic = `wayfinder-test/${process.pid}-${Date.now()}`;
    const document = `asyncapi: 3.0.0
info: { title: Lights, version: 1.0.0 }
servers:
  local: { host: "127.0.0.1:1883", protocol: mqtt }
channels:
  measured:
    address: "${topic}/{lightId}"
    messages:
      lightMeasured:
        payload: { type: object, properties: { lumens: { type: integer } } }
        examples:
          - name: bright
            payload: { lumens: 800 }
operations:
  sendMeasured:
    action: send
    channel: { $ref: "#/channels/measured" }
  receiveMeasured:
    action: receive
    channel: { $ref: "#/channels/measured" }
`;
    const [sent, received] = await samplesOf(document);
    const subscribe = sent!.samples.find((sample) => sample.label === "mosquitto_sub")!.code;
    const publish = received!.samples.find((sample) => sample.label === "mosquitto_pub")!.code;
    expect(subscribe).toContain(`'${topic}/+'`);
    // The consumer's command, stopped after one message; then the producer's, for light 7.
    const consumer = spawn("bash", ["-c", `${subscribe} -C 1 -W 20`]);
    let output = "";
    consumer.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise<number | null>((resolve) => consumer.on("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await run("bash", ["-c", publish.replace("{lightId}", "7")]);
    expect(await done).toBe(0);
    expect(output.trim()).toBe(`${topic}/7 {"lumens":800}`);
  });
});
