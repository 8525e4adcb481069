import { describe, expect, it } from "vitest";
import { detectSpecFormat } from "@/lib/openapi/detect-format";

describe("detectSpecFormat", () => {
  it.each([
    [{ swagger: "2.0" }, "swagger-2.0"],
    [{ openapi: "3.0.0" }, "openapi-3.0"],
    [{ openapi: "3.0.3" }, "openapi-3.0"],
    [{ openapi: "3.1.0" }, "openapi-3.1"],
    [{ openapi: "3.1.1" }, "openapi-3.1"],
  ])("detects %j as %s", (document, format) => {
    expect(detectSpecFormat(document)).toBe(format);
  });

  it.each([
    [{ swagger: "1.2" }, /only "2.0"/],
    [{ swagger: 2 }, /only "2.0"/],
    [{ openapi: "4.0.0" }, /3\.0\.x and 3\.1\.x/],
    [{ openapi: 3.1 }, /3\.0\.x and 3\.1\.x/],
    [{ info: {} }, /no "openapi", "swagger" or "asyncapi" field/],
    [{ asyncapi: "2.6.0", info: {} }, /AsyncAPI description.*asyncapi is "2\.6\.0"/],
    [[1, 2], /object at the top level/],
    ["openapi", /object at the top level/],
  ])("refuses %j with a message naming the problem", (document, message) => {
    expect(() => detectSpecFormat(document)).toThrow(message);
  });
});
