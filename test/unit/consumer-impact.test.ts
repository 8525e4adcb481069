import semver from "semver";
import { describe, expect, it } from "vitest";
import { annotateImpact, withoutReach, type ImpactConsumer } from "@/lib/consumers/change-impact";
import { operationIdIndex, operationKey } from "@/lib/consumers/operation-key";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { isVersionRange, rangeIncludes, VERSION_RANGE } from "@/lib/consumers/version-range";
import { diffDocuments } from "@/lib/diff/diff-documents";
import { MAX_LISTED_OPERATIONS } from "@/lib/diff/diff-types";
import { describeConsumers, tallyConsumers } from "@/lib/diff/tally-consumers";
import { formatChanges } from "@/lib/diff/format-changes";

const schema = { type: "object", required: ["amount"], properties: { amount: { type: "integer" }, note: { type: "string" } } };

/** A small payments API; `change` edits the revision. */
function api(version: string, change: (paths: Record<string, Record<string, unknown>>, components: Record<string, unknown>) => void = () => {}) {
  const paths: Record<string, Record<string, unknown>> = {
    "/payments": {
      get: {
        operationId: "listPayments",
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Payment" } } } } },
      },
      post: {
        operationId: "createPayment",
        responses: { "201": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Payment" } } } } },
      },
    },
    "/payments/{paymentId}": {
      get: {
        operationId: "getPayment",
        parameters: [{ name: "paymentId", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
    },
    "/payments/{paymentId}/capture": {
      post: {
        operationId: "capturePayment",
        parameters: [{ name: "paymentId", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
    },
  };
  const components: Record<string, unknown> = { schemas: { Payment: structuredClone(schema) } };
  change(paths, components);
  return { openapi: "3.0.3", info: { title: "Payments", version }, paths, components };
}

const team = { slug: "commerce", name: "Commerce" };
const consumer = (slug: string, declared?: ImpactConsumer["declared"], observed: ImpactConsumer["observed"] = []): ImpactConsumer => ({
  service: { slug, name: slug },
  teams: [team],
  ...(declared ? { declared } : {}),
  observed,
});

function impact(base: ReturnType<typeof api>, revision: ReturnType<typeof api>, consumers: ImpactConsumer[]) {
  const result = diffDocuments(base, revision, { reach: true });
  return annotateImpact(result, consumers, {
    revisionVersion: revision.info.version,
    operationIds: operationIdIndex([...extractOperations(base), ...extractOperations(revision)]),
  });
}

const captureRemoved = api("1.1.0", (paths) => delete paths["/payments/{paymentId}/capture"]);

describe("which consumers a change touches", () => {
  it("names an operation-level consumer only for changes to its operations, a whole-API one for every breaking change", () => {
    const result = impact(api("1.0.0"), captureRemoved, [
      consumer("storefront", { versions: "*", operations: ["createPayment", "getPayment"], fields: [] }),
      consumer("orders", { versions: "^1", operations: ["capturePayment"], fields: [] }),
      consumer("chargebacks", { versions: "*", operations: [], fields: [] }),
    ]);
    const removed = result.changes.find((change) => change.id === "endpoint-removed")!;
    expect(removed.consumers!.map((entry) => entry.service.slug)).toEqual(["chargebacks", "orders"]);
    expect(removed.consumers!.find((entry) => entry.service.slug === "orders")).toMatchObject({
      operations: ["POST /payments/{paymentId}/capture"],
      evidence: ["declared"],
      teams: [team],
    });
    expect(removed.consumers!.find((entry) => entry.service.slug === "chargebacks")!.operations).toEqual([]);
    expect(result.impact).toEqual({ consumers: 2, considered: 3 });
    expect(describeConsumers(removed.consumers, removed.level)).toBe("breaks 2 consumers: chargebacks (whole API), orders (1 operation)");
  });

  it("says so when a breaking change touches no consumer, and leaves info changes alone", () => {
    const added = api("1.1.0", (paths) => {
      delete paths["/payments/{paymentId}/capture"];
      paths["/refunds"] = { get: { operationId: "listRefunds", responses: { "200": { description: "ok" } } } };
    });
    const result = impact(api("1.0.0"), added, [consumer("storefront", { versions: "*", operations: ["createPayment"], fields: [] })]);
    expect(result.changes.find((change) => change.id === "endpoint-removed")!.consumers).toEqual([]);
    expect(result.changes.find((change) => change.id === "endpoint-added")!.consumers).toBeUndefined();
    expect(result.impact).toEqual({ consumers: 0, considered: 1 });
    expect(tallyConsumers(result.changes)).toEqual([]);
  });

  it("leaves out a consumer whose version range excludes the revision (the new major), even when seen calling", () => {
    const major = api("2.0.0", (paths) => delete paths["/payments/{paymentId}/capture"]);
    const result = impact(api("1.4.0"), major, [
      consumer("pinned", { versions: "^1", operations: ["capturePayment"], fields: [] }, [
        { operation: "POST /payments/{paymentId}/capture", lastSeenAt: "2026-12-01T00:00:00.000Z" },
      ]),
      consumer("follows", { versions: ">=1", operations: ["capturePayment"], fields: [] }),
    ]);
    expect(result.changes.find((change) => change.id === "endpoint-removed")!.consumers!.map((entry) => entry.service.slug)).toEqual(["follows"]);
    expect(result.impact!.considered).toBe(1);
  });

  it("counts observed calls as evidence, matching paths whatever their parameter names", () => {
    const result = impact(api("1.0.0"), captureRemoved, [
      consumer("script", undefined, [{ operation: "POST /payments/{id}/capture", lastSeenAt: "2026-12-03T10:00:00.000Z" }]),
      consumer("both", { versions: "*", operations: ["POST /payments/{paymentId}/capture"], fields: [] }, [
        { operation: "POST /payments/{x}/capture", lastSeenAt: "2026-12-02T10:00:00.000Z" },
      ]),
    ]);
    const [both, script] = result.changes.find((change) => change.id === "endpoint-removed")!.consumers!;
    expect(script).toMatchObject({ service: { slug: "script" }, evidence: ["observed"], lastSeenAt: "2026-12-03T10:00:00.000Z" });
    expect(both).toMatchObject({ service: { slug: "both" }, evidence: ["declared", "observed"], operations: ["POST /payments/{paymentId}/capture"] });
    expect(operationKey("post /payments/{id}/capture/")).toBe("POST /payments/{}/capture");
  });

  it("reaches every operation of a shared schema, not only the ten the diff lists", () => {
    const many = (version: string, required: string[]) =>
      api(version, (paths, components) => {
        for (let i = 0; i < MAX_LISTED_OPERATIONS + 5; i += 1)
          paths[`/things/${String(i).padStart(2, "0")}`] = {
            post: {
              operationId: `thing${i}`,
              requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Input" } } } },
              responses: { "200": { description: "ok" } },
            },
          };
        (components.schemas as Record<string, unknown>).Input = { type: "object", required, properties: { a: { type: "string" }, b: { type: "string" } } };
      });
    const result = impact(many("1.0.0", ["a"]), many("1.1.0", ["a", "b"]), [consumer("last", { versions: "*", operations: ["thing14"], fields: [] })]);
    const shared = result.changes.find((change) => change.component === "schema Input" && change.level === "breaking")!;
    expect(shared.operations).toHaveLength(MAX_LISTED_OPERATIONS);
    expect(shared.operations).not.toContain("POST /things/14");
    expect(shared.consumers!.map((entry) => entry.operations)).toEqual([["POST /things/14"]]);
    // The whole lists were for the lookup only.
    expect(result.reach).toBeUndefined();
    expect(result.changes.some((change) => change.reach !== undefined)).toBe(false);
    expect(withoutReach(diffDocuments(many("1.0.0", ["a"]), many("1.1.0", ["a", "b"]), { reach: true })).reach).toBeUndefined();
  });

  it("narrows a declaration by the fields it names: a change inside another property passes it by", () => {
    const tightened = api("1.1.0", (_paths, components) => {
      const payment = (components.schemas as Record<string, { properties: Record<string, unknown> }>).Payment!;
      payment.properties.note = { type: "integer" };
    });
    const result = impact(api("1.0.0"), tightened, [
      consumer("reads-amount", { versions: "*", operations: ["createPayment"], fields: ["amount"] }),
      consumer("reads-note", { versions: "*", operations: ["createPayment"], fields: ["note"] }),
    ]);
    const touched = result.changes.filter((change) => change.level !== "info").flatMap((change) => change.consumers!.map((entry) => entry.service.slug));
    expect(new Set(touched)).toEqual(new Set(["reads-note"]));
  });

  it("touches every consumer with a change no operation carries (a security scheme)", () => {
    const secured = (version: string, scheme: Record<string, unknown>) =>
      api(version, (_paths, components) => {
        components.securitySchemes = { key: scheme };
      });
    const result = impact(secured("1.0.0", { type: "apiKey", in: "header", name: "X-Key" }), secured("1.1.0", { type: "apiKey", in: "query", name: "key" }), [
      consumer("one-operation", { versions: "*", operations: ["getPayment"], fields: [] }),
    ]);
    const changed = result.changes.find((change) => change.id === "security-scheme-changed");
    expect(changed?.consumers?.map((entry) => entry.service.slug)).toEqual(["one-operation"]);
  });

  it("prints who each change breaks in text and Markdown", () => {
    const result = impact(api("1.0.0"), captureRemoved, [consumer("orders", { versions: "^1", operations: ["capturePayment"], fields: [] })]);
    const text = formatChanges(result, "text");
    expect(text).toContain("→ breaks 1 consumer: orders (1 operation)");
    expect(text).toContain("consumers: breaks 1: orders (1 breaking, Commerce)");
    const markdown = formatChanges(result, "markdown");
    expect(markdown).toContain("**Consumers: breaks 1: orders (1 breaking, Commerce)**");
    expect(markdown).toContain("<br>→ breaks 1 consumer: orders (1 operation)");
  });
});

describe("version ranges", () => {
  it("reads semver ranges, and coerces versions that are not semver", () => {
    expect(rangeIncludes("^1", "1.9.0")).toBe(true);
    expect(rangeIncludes("^1", "2.0.0")).toBe(false);
    expect(rangeIncludes("*", "anything")).toBe(true);
    expect(rangeIncludes("^2", "v2")).toBe(true);
    expect(rangeIncludes(">=2024", "2024-06-01")).toBe(true);
    expect(rangeIncludes("^1", "not a version")).toBe(true);
  });

  it("accepts by its pattern exactly ranges semver reads", () => {
    const accepted = ["*", "^1", "1.x", ">=2 <4", "~1.2.3", "1.2.3 - 2.0.0", "^1 || ^2", "<1", "x", "1.0.0-beta.1", ">= 1.2", "v2", " ^1 "];
    const refused = ["not a range", "", "^", "1..2", ">=a", "1.2.3.4", "^1 ||"];
    for (const range of accepted) expect([range, VERSION_RANGE.test(range), semver.validRange(range) !== null]).toEqual([range, true, true]);
    for (const range of refused) expect([range, isVersionRange(range)]).toEqual([range, false]);
  });

  it("answers at once on long hostile input (no backtracking blow-up)", () => {
    for (const hostile of [" ".repeat(100_000) + "!", "^1" + " ^1".repeat(30_000) + " ||", ">=" + " ".repeat(100_000) + "!"])
      expect(VERSION_RANGE.test(hostile)).toBe(false);
  });
});
