/**
 * Diffs of event APIs (issue 28): direction-aware, through the diff engine's own schema comparer.
 * Every variant is made here at run time from the AsyncAPI Initiative's streetlights example (3.0),
 * where the service receives light measurements and sends turn-on/turn-off commands; the 2.6 and 3.0
 * documents of the same APIs compare as no change; `wayfinder diff` gates on event APIs as on HTTP ones.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffEventApis } from "@/lib/asyncapi/diff-event-apis";
import { readAsyncApi } from "@/lib/asyncapi/read-asyncapi";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir } from "../support/fixtures";
import { runWayfinder } from "../support/run-wayfinder";

type Json = Record<string, any>;
const asyncDir = path.resolve(fixturesDir, "../asyncapi");
const parse = (relative: string) => parseDocumentText(readFileSync(path.join(asyncDir, relative), "utf8"), defaultIngestLimits) as Json;
const read = (document: Json) => readAsyncApi(structuredClone(document), defaultIngestLimits);
const diff = async (base: Json, revision: Json) => diffEventApis(await read(base), await read(revision));
const ids = (result: Awaited<ReturnType<typeof diff>>) => result.changes.map((change) => `${change.level} ${change.id}`).sort();

const RECEIVE = "RECEIVE smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured";
const TURN_ON = "SEND smartylighting.streetlights.1.0.action.{streetlightId}.turn.on";

describe.runIf(existsSync(asyncDir))("diffs of event APIs", () => {
  const streetlights = () => parse("3.0/streetlights-kafka-asyncapi.yml");

  it("compares the 2.6 and 3.0 documents of the same API as no change", async () => {
    for (const [older, newer] of [
      ["2.6/streetlights-kafka.yml", "3.0/streetlights-kafka-asyncapi.yml"],
      ["2.6/streetlights-mqtt.yml", "3.0/streetlights-mqtt-asyncapi.yml"],
      ["2.6/streetlights-operation-security.yml", "3.0/streetlights-operation-security-asyncapi.yml"],
      ["2.6/slack-rtm.yml", "3.0/slack-rtm-asyncapi.yml"],
      ["2.6/oneof.yml", "3.0/oneof-asyncapi.yml"],
      ["2.6/simple.yml", "3.0/simple-asyncapi.yml"],
    ])
      expect((await diff(parse(older!), parse(newer!))).changes, `${older} → ${newer}`).toEqual([]);
  });

  it("a property made required in a message the service receives breaks its producers; in one it sends, it breaks no one", async () => {
    const received = streetlights();
    received.components.schemas.lightMeasuredPayload.required = ["lumens"];
    const result = await diff(streetlights(), received);
    expect(ids(result)).toEqual(["breaking request-property-became-required"]);
    expect(result.changes[0]!.operations).toEqual([RECEIVE]);
    expect(result.changes[0]!.message).toContain('property "lumens" became required');

    const sent = streetlights();
    sent.components.schemas.turnOnOffPayload.required = ["command"];
    expect(ids(await diff(streetlights(), sent))).toEqual(["info response-property-became-required"]);
  });

  it("a property removed from a message the service sends breaks its consumers; from one it receives, it is only a warning", async () => {
    const base = streetlights();
    base.components.schemas.turnOnOffPayload.required = ["command"];
    const sent = structuredClone(base);
    delete sent.components.schemas.turnOnOffPayload.properties.command;
    sent.components.schemas.turnOnOffPayload.required = [];
    const result = await diff(base, sent);
    expect(ids(result)).toEqual(["breaking response-required-property-removed"]);
    // turnOn and turnOff share the payload: reported once, naming both.
    expect(result.changes[0]!.operations).toHaveLength(2);

    const optional = streetlights();
    delete optional.components.schemas.turnOnOffPayload.properties.sentAt;
    expect(ids(await diff(streetlights(), optional))).toEqual(["warning response-optional-property-removed"]);

    const received = streetlights();
    delete received.components.schemas.lightMeasuredPayload.properties.lumens;
    expect(ids(await diff(streetlights(), received))).toEqual(["warning request-property-removed"]);
  });

  it("a type narrowed in a received message breaks producers, widened in a sent one breaks consumers", async () => {
    const narrowed = streetlights();
    narrowed.components.schemas.lightMeasuredPayload.properties.lumens.minimum = 10;
    expect(ids(await diff(streetlights(), narrowed))).toEqual(["breaking request-property-min-increased"]);
    const widened = streetlights();
    widened.components.schemas.turnOnOffPayload.properties.command.enum.push("blink");
    expect(ids(await diff(streetlights(), widened))).toEqual(["warning response-property-enum-value-added"]);
  });

  it("an operation removed, turned around or moved to another channel breaks; one added does not", async () => {
    const removed = streetlights();
    delete removed.operations.turnOff;
    expect(ids(await diff(streetlights(), removed))).toEqual(["breaking channel-removed", "breaking event-operation-removed"]);
    expect(ids(await diff(removed, streetlights()))).toEqual(["info channel-added", "info event-operation-added"]);

    const turned = streetlights();
    turned.operations.turnOn.action = "receive";
    const result = await diff(streetlights(), turned);
    expect(ids(result)).toEqual(["breaking event-operation-direction-changed"]);
    expect(result.changes[0]!.message).toBe(`${TURN_ON} became ${TURN_ON.replace("SEND", "RECEIVE")}`);

    const moved = streetlights();
    moved.channels.lightTurnOn.address = "smartylighting.streetlights.2.0.action.{streetlightId}.turn.on";
    expect(ids(await diff(streetlights(), moved))).toEqual(["breaking channel-removed", "breaking event-operation-channel-changed", "info channel-added"]);
  });

  it("a message added to what the service sends may surprise consumers; a content type changed breaks", async () => {
    const added = streetlights();
    added.channels.lightTurnOn.messages.blink = { name: "blink", payload: { type: "object", properties: { times: { type: "integer" } } } };
    added.operations.turnOn.messages.push({ $ref: "#/channels/lightTurnOn/messages/blink" });
    expect(ids(await diff(streetlights(), added))).toEqual(["warning sent-message-added"]);
    expect(ids(await diff(added, streetlights()))).toEqual(["breaking sent-message-removed"]);

    const xml = streetlights();
    xml.components.messages.lightMeasured.contentType = "application/xml";
    expect(ids(await diff(streetlights(), xml))).toEqual(["breaking message-content-type-changed"]);
  });

  it("protocol bindings changed are a warning", async () => {
    const bindings = streetlights();
    bindings.components.operationTraits.kafka.bindings.kafka.clientId = { type: "string", enum: ["other-client"] };
    const result = await diff(streetlights(), bindings);
    expect(new Set(ids(result))).toEqual(new Set(["warning event-operation-bindings-changed"]));
  });

  it("wayfinder diff gates on event APIs, and refuses to compare one with an HTTP API", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-event-diff-"));
    try {
      const base = streetlights();
      const revision = streetlights();
      revision.components.schemas.lightMeasuredPayload.required = ["lumens"];
      writeFileSync(path.join(dir, "base.yaml"), stringify(base));
      writeFileSync(path.join(dir, "revision.yaml"), stringify(revision));
      writeFileSync(path.join(dir, "http.yaml"), stringify({ openapi: "3.1.0", info: { title: "HTTP", version: "1" }, paths: {} }));
      const failed = await runWayfinder(["diff", path.join(dir, "base.yaml"), path.join(dir, "revision.yaml"), "--fail-on", "breaking"]);
      expect(failed.code, failed.err).toBe(1);
      expect(failed.out).toContain("BREAKING request-property-became-required");
      expect(failed.out).toContain("schema lightMeasuredPayload (RECEIVE smartylighting");
      expect((await runWayfinder(["diff", path.join(dir, "base.yaml"), path.join(asyncDir, "2.6/streetlights-kafka.yml"), "--fail-on", "breaking"])).code).toBe(
        0,
      );
      const mixed = await runWayfinder(["diff", path.join(dir, "base.yaml"), path.join(dir, "http.yaml")]);
      expect(mixed.code).toBe(2);
      expect(mixed.err).toContain("An event API is compared only with an event API");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
