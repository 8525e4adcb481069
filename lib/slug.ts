import { z } from "zod";

/** Lower-case words joined by single hyphens: stable in URLs and safe in paths. */
export const slugSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens, e.g. payments-api");

/**
 * A required line of text: at most `max` characters as sent, not blank; surrounding spaces are
 * trimmed. Written so that its JSON Schema (maxLength, a non-space pattern) refuses what it refuses.
 */
export const requiredText = (max: number) => z.string().max(max, `must be at most ${max} characters`).regex(/\S/, "is required").trim();

/** Derives a slug from a display name: "Payments API (v2)" → "payments-api-v2". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
