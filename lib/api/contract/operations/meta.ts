import { z } from "zod";
import { json, type Operation } from "../operation-parts";

/** Wayfinder's own contract. */
export const metaOperations = {
  getOpenApiDocument: {
    method: "get",
    path: "/openapi.json",
    tags: ["Meta"],
    summary: "This document",
    access: "read",
    responses: { 200: json("Wayfinder's OpenAPI 3.1 description.", z.record(z.string(), z.unknown())) },
  },
} as const satisfies Record<string, Operation>;
