/**
 * Reading AsyncAPI (issue 28, first step): every example of the AsyncAPI Initiative in the shared
 * fixtures, 2.6 and 3.0, single files and the multi-file social-media one, read by the official
 * parser behind the portal's own bundling and limits; 1.x converted; nothing fetched from outside;
 * problems named by place. Prints what each fixture held, for the closing note.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { collectFiles } from "@/cli/collect-files";
import { validateFile } from "@/cli/validate-command";
import { readAsyncApi, type AsyncApiRead } from "@/lib/asyncapi/read-asyncapi";
import { joinBundle } from "@/lib/openapi/prepare-bundle";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir } from "../support/fixtures";

const asyncDir = path.resolve(fixturesDir, "../asyncapi");
const hasAsyncFixtures = existsSync(asyncDir);
const singleFiles = hasAsyncFixtures
  ? ["2.6", "3.0"].flatMap((version) =>
      readdirSync(path.join(asyncDir, version))
        .filter((file) => /\.ya?ml$/.test(file))
        .map((file) => `${version}/${file}`),
    )
  : [];
/** Refused, and why: the Initiative's ADEO case study $refs Avro schemas on two websites. */
const refusedForExternalRefs = new Set(["3.0/adeo-kafka-request-reply-asyncapi.yml"]);

const read = (relative: string) =>
  readAsyncApi(parseDocumentText(readFileSync(path.join(asyncDir, relative), "utf8"), defaultIngestLimits) as Record<string, unknown>, defaultIngestLimits);
const summary = (result: AsyncApiRead) => result.api.operations.map(({ action, operationId, channel }) => `${action} ${operationId ?? "?"} ${channel}`).sort();

describe.runIf(hasAsyncFixtures)("every AsyncAPI example of the shared fixtures", () => {
  const held: string[] = [];
  afterAll(() => console.log(`AsyncAPI fixtures read:\n${held.join("\n")}`));

  it.each(singleFiles)("%s", async (relative) => {
    if (refusedForExternalRefs.has(relative)) {
      await expect(read(relative)).rejects.toThrow(/refers to other files: \$ref "https:\/\/.+\.avsc" points outside the document/);
      held.push(`${relative}: refused (a $ref to another website)`);
      return;
    }
    const result = await read(relative);
    expect(result.format).toBe(relative.startsWith("3.0") ? "asyncapi-3.0" : "asyncapi-2");
    expect(result.api.title).not.toBe("");
    expect(result.api.channels.length).toBeGreaterThan(0);
    expect(result.api.operations.length).toBeGreaterThan(0);
    for (const operation of result.api.operations) {
      expect(["send", "receive"]).toContain(operation.action);
      expect(operation.channel, `${relative}: an operation's channel`).not.toBe("");
    }
    held.push(`${relative}: ${result.api.channels.length} channels, ${result.api.operations.length} operations, ${result.api.messages.length} messages`);
  });

  it("reads the multi-file social-media example in both versions, its files joined by the portal's own bundler", async () => {
    for (const version of ["2.6", "3.0"]) {
      const folder = path.join(asyncDir, version, "social-media");
      const root = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => /asyncapi\.ya?ml$/.test(file));
      expect(root.length, `${version}: the services' roots`).toBeGreaterThan(0);
      for (const file of root) {
        const bundle = await collectFiles(path.join(folder, file), defaultIngestLimits, folder);
        const result = await readAsyncApi((await joinBundle(bundle, defaultIngestLimits)) as Record<string, unknown>, defaultIngestLimits);
        expect(result.api.operations.length, `${version}/${file}`).toBeGreaterThan(0);
        held.push(`${version}/social-media/${file}: ${Object.keys(bundle.files).length} files, ${result.api.operations.length} operations`);
      }
    }
  });

  it("reads the 2.6 and 3.0 streetlights documents as the same operations, in the same directions", async () => {
    for (const [older, newer] of [
      ["2.6/streetlights-kafka.yml", "3.0/streetlights-kafka-asyncapi.yml"],
      ["2.6/streetlights-mqtt.yml", "3.0/streetlights-mqtt-asyncapi.yml"],
      ["2.6/rpc-server.yml", "3.0/rpc-server-asyncapi.yml"],
    ]) {
      expect(summary(await read(older!)), older).toEqual(summary(await read(newer!)));
    }
  });
});

describe("AsyncAPI documents, made here", () => {
  const v1 = {
    asyncapi: "1.2.0",
    info: { title: "Accounts", version: "1.0.0" },
    topics: { "user.signedup": { publish: { $ref: "#/components/messages/UserSignedUp" } } },
    components: { messages: { UserSignedUp: { payload: { type: "object", properties: { email: { type: "string", format: "email" } } } } } },
  };

  it("converts a 1.x document to 2.6.0, says so, and keeps its topic as a channel", async () => {
    const result = await readAsyncApi(structuredClone(v1), defaultIngestLimits);
    expect(result).toMatchObject({ convertedFrom: "1.2.0", asyncapi: "2.6.0", format: "asyncapi-2" });
    expect(result.document.channels).toHaveProperty(["user/signedup"]);
    // 1.x's `publish` stays 2.x's `publish`: others publish, the application receives.
    expect(result.api.operations).toEqual([expect.objectContaining({ channel: "user/signedup", action: "receive" })]);
  });

  it("refuses an invalid document with the parser's problems, each at its place", async () => {
    const broken = { asyncapi: "3.0.0", info: { title: "Broken" }, channels: { a: { address: "a", messages: { m: { payload: { type: "object" } } } } } };
    await expect(readAsyncApi(broken, defaultIngestLimits)).rejects.toMatchObject({
      code: "INVALID_DOCUMENT",
      message: expect.stringMatching(/not a valid AsyncAPI 3\.0\.0 description: .*version.* at \/info/),
    });
  });

  it("refuses versions it cannot read, naming the field", async () => {
    await expect(readAsyncApi({ asyncapi: "4.0.0", info: {} }, defaultIngestLimits)).rejects.toThrow(/asyncapi is "4\.0\.0"/);
    await expect(readAsyncApi({ asyncapi: "3.1.0", info: {} }, defaultIngestLimits)).rejects.toThrow(/reads 3\.0/);
    await expect(readAsyncApi({ asyncapi: 2.6, info: {} }, defaultIngestLimits)).rejects.toThrow(/asyncapi is 2\.6;/);
  });

  it("fetches nothing a document names: a $ref to a server or a file is refused by name, and the server is never asked", async () => {
    let asked = 0;
    const server = createServer((_request, response) => {
      asked += 1;
      response.end("type: object");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payload.yaml`;
      for (const ref of [url, "file:///etc/passwd", "../secrets.yaml"]) {
        const document = {
          asyncapi: "2.6.0",
          info: { title: "Leaky", version: "1.0.0" },
          channels: { a: { subscribe: { message: { payload: { $ref: ref } } } } },
        };
        await expect(readAsyncApi(document, defaultIngestLimits)).rejects.toThrow(`$ref "${ref}" points outside the document`);
      }
      expect(asked).toBe(0);
    } finally {
      server.close();
    }
  });

  it("wayfinder validate reads an AsyncAPI file and a 1.x one, and says what each holds", async () => {
    const dir = path.join(process.cwd(), ".data", `asyncapi-validate-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(path.join(dir, "old.yaml"), stringify(v1));
      expect(await validateFile(path.join(dir, "old.yaml"), defaultIngestLimits)).toBe(
        "valid: Accounts 1.0.0 (asyncapi-2.6.0, converted from AsyncAPI 1.2.0, 1 channel, 1 operation (0 send, 1 receive), 1 message, 1 file)",
      );
      if (hasAsyncFixtures)
        expect(await validateFile(path.join(asyncDir, "3.0/streetlights-kafka-asyncapi.yml"), defaultIngestLimits)).toBe(
          "valid: Streetlights Kafka API 1.0.0 (asyncapi-3.0.0, 4 channels, 4 operations (3 send, 1 receive), 3 messages, 1 file)",
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
