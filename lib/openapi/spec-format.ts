import type { SpecFormat as DbSpecFormat } from "@/generated/prisma/enums";

/** The three description formats Wayfinder reads, as users and the REST API name them. */
export const specFormats = ["swagger-2.0", "openapi-3.0", "openapi-3.1"] as const;
export type SpecFormat = (typeof specFormats)[number];

const toDb: Record<SpecFormat, DbSpecFormat> = {
  "swagger-2.0": "swagger_2_0",
  "openapi-3.0": "openapi_3_0",
  "openapi-3.1": "openapi_3_1",
};
const fromDb = Object.fromEntries(Object.entries(toDb).map(([label, value]) => [value, label])) as Record<DbSpecFormat, SpecFormat>;

export function specFormatToDb(format: SpecFormat): DbSpecFormat {
  return toDb[format];
}

export function specFormatFromDb(format: DbSpecFormat): SpecFormat {
  return fromDb[format];
}

export const specFormatNames: Record<SpecFormat, string> = {
  "swagger-2.0": "Swagger 2.0",
  "openapi-3.0": "OpenAPI 3.0",
  "openapi-3.1": "OpenAPI 3.1",
};
