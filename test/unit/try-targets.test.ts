import { describe, expect, it } from "vitest";
import { declaredServers, declaredTokenUrls, isUnderServer } from "@/lib/try-it/proxy/declared-targets";

const portal = new URL("https://portal.example/");
const hrefs = (urls: URL[]) => urls.map((url) => url.href);

describe("the servers a document declares", () => {
  it("fills in server variables: every enum value, else only the default (a free variable never opens any host)", () => {
    const document = {
      openapi: "3.0.3",
      servers: [
        { url: "https://{region}.api.example/{base}", variables: { region: { default: "eu", enum: ["eu", "us"] }, base: { default: "v2" } } },
        { url: "https://{anything}/", variables: { anything: { default: "fixed.example" } } },
      ],
      paths: { "/a": { servers: [{ url: "https://path-level.example" }], get: { servers: [{ url: "/relative" }] } } },
    };
    expect(hrefs(declaredServers(document, portal))).toEqual([
      "https://eu.api.example/v2",
      "https://us.api.example/v2",
      "https://fixed.example/",
      "https://path-level.example/",
      "https://portal.example/relative",
    ]);
  });

  it("reads Swagger 2.0's schemes, host and basePath", () => {
    expect(hrefs(declaredServers({ swagger: "2.0", host: "legacy.example:8443", basePath: "/api", schemes: ["https", "http"] }, portal))).toEqual([
      "https://legacy.example:8443/api",
      "http://legacy.example:8443/api",
    ]);
  });

  it("matches a target under a server at a path boundary only", () => {
    const servers = [new URL("https://api.example/v1")];
    expect(isUnderServer(new URL("https://api.example/v1/things?x=1"), servers)).toBeDefined();
    expect(isUnderServer(new URL("https://api.example/v1"), servers)).toBeDefined();
    expect(isUnderServer(new URL("https://api.example/v10/things"), servers)).toBeUndefined();
    expect(isUnderServer(new URL("https://api.example.evil/v1/things"), servers)).toBeUndefined();
    expect(isUnderServer(new URL("http://api.example/v1/things"), servers)).toBeUndefined();
  });

  it("lists OAuth 2 token URLs, for client credentials and code exchanges", () => {
    const document = {
      components: {
        securitySchemes: {
          oauth: {
            type: "oauth2",
            flows: {
              clientCredentials: { tokenUrl: "https://auth.example/token", scopes: {} },
              authorizationCode: {
                authorizationUrl: "https://auth.example/authorize",
                tokenUrl: "https://auth.example/token2",
                refreshUrl: "https://auth.example/refresh",
                scopes: {},
              },
            },
          },
        },
      },
    };
    expect(declaredTokenUrls(document)).toEqual(["https://auth.example/token", "https://auth.example/token2", "https://auth.example/refresh"]);
  });
});
