import { describe, expect, it } from "vitest";
import { slugify, slugSchema } from "@/lib/slug";

describe("slugs", () => {
  it("derives a slug from a display name", () => {
    expect(slugify("Payments API (v2)")).toBe("payments-api-v2");
    expect(slugify("  Café Über-Service  ")).toBe("cafe-uber-service");
  });
  it("rejects what cannot be a URL segment", () => {
    expect(slugSchema.safeParse("Payments").success).toBe(false);
    expect(slugSchema.safeParse("a--b").success).toBe(false);
    expect(slugSchema.safeParse("../etc").success).toBe(false);
    expect(slugSchema.safeParse("payments-api").success).toBe(true);
  });
});
