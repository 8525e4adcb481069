import { describe, expect, it } from "vitest";
import { realisticBodyExamples } from "@/lib/try-it/samples/body-examples";
import { withBodyExamples } from "@/lib/try-it/samples/with-body-examples";

const member = {
  type: "object",
  required: ["email", "onCallUrl"],
  properties: { email: { type: "string", format: "email" }, onCallUrl: { type: "string", format: "uri" } },
};

const document = () =>
  withOwnProto({
    openapi: "3.0.3",
    info: { title: "Teams", version: "1" },
    paths: {
      "/members": {
        post: { requestBody: { content: { "application/json": { schema: member } } }, responses: { "201": { description: "added" } } },
        put: {
          requestBody: { content: { "application/json": { schema: member, example: { email: "own@example.org", onCallUrl: "https://own.example.org" } } } },
          responses: { "200": { description: "kept" } },
        },
        patch: { requestBody: { $ref: "#/components/requestBodies/Member" }, responses: { "200": { description: "patched" } } },
      },
      "/shared": { $ref: "#/components/pathItems/Shared" },
      "/upload": { post: { requestBody: { content: { "text/csv": { schema: { type: "string" } } } }, responses: { "200": { description: "read" } } } },
    },
    components: {
      requestBodies: { Member: { content: { "application/merge-patch+json": { schema: member } } } },
      pathItems: { Shared: { post: { requestBody: { content: { "application/json": { schema: member } } }, responses: { "200": { description: "ok" } } } } },
    },
  });

/** A document whose `paths` has "__proto__" as a key of its own, as JSON.parse makes it from a published document. */
function withOwnProto<T extends { paths: object }>(doc: T): T {
  const hostile = { post: { requestBody: { content: { "application/json": { schema: member } } }, responses: { "200": { description: "no" } } } };
  Object.defineProperty(doc.paths, "__proto__", { value: hostile, enumerable: true, configurable: true, writable: true });
  return doc;
}

describe("Try it out's pre-filled bodies, computed once and merged where Swagger UI reads them", () => {
  it("gives each JSON body without an example the realistic one the code samples send, and nothing else", () => {
    const examples = realisticBodyExamples(document());
    expect(Object.keys(examples).sort()).toEqual(["/members", "/shared"]);
    expect(Object.keys(examples["/members"]!).sort()).toEqual(["patch", "post"]);
    expect(examples["/members"]!.post!["application/json"]).toEqual({ email: "jane.doe@example.com", onCallUrl: "https://example.com/resource" });
    // A body referenced from the components, under a JSON media type of another name.
    expect(examples["/members"]!.patch!["application/merge-patch+json"]).toEqual(examples["/members"]!.post!["application/json"]);
    expect(examples["/shared"]!.post!["application/json"]).toBeDefined();
    // A path that is not one ("__proto__" as a key of `paths`) writes nowhere.
    expect(({} as Record<string, unknown>).post).toBeUndefined();
    expect(Object.getPrototypeOf(examples)).toBe(Object.prototype);
  });

  it("merges them into a copy, each as its media type's example, keeping the document's own", () => {
    const original = document();
    const snapshot = structuredClone(original);
    const merged = withBodyExamples(original, realisticBodyExamples(original)) as ReturnType<typeof document>;
    expect(original).toEqual(snapshot);
    const members = merged.paths["/members"];
    expect(members.post.requestBody.content["application/json"]).toMatchObject({ schema: member, example: { email: "jane.doe@example.com" } });
    expect(members.put.requestBody.content["application/json"].example).toEqual({ email: "own@example.org", onCallUrl: "https://own.example.org" });
    // A referenced body or path item is written out where it is used; the shared components are left as they were.
    expect(
      (members.patch.requestBody as unknown as { content: Record<string, { example?: unknown }> }).content["application/merge-patch+json"]!.example,
    ).toBeDefined();
    expect(merged.components).toEqual(snapshot.components);
    expect(
      (merged.paths["/shared"] as unknown as { post: { requestBody: { content: Record<string, { example?: unknown }> } } }).post.requestBody.content[
        "application/json"
      ]!.example,
    ).toBeDefined();
    expect(merged.paths["/upload"]).toBe(original.paths["/upload"]);
  });

  it("never overwrites an example the document has, even if told to, and leaves a document without paths as it is", () => {
    const original = document();
    const merged = withBodyExamples(original, { "/members": { put: { "application/json": { email: "other@example.com" } } } }) as ReturnType<typeof document>;
    expect(merged.paths["/members"].put.requestBody.content["application/json"].example.email).toBe("own@example.org");
    const bare = { openapi: "3.1.0", info: { title: "x", version: "1" } };
    expect(withBodyExamples(bare, realisticBodyExamples(bare))).toBe(bare);
  });
});
