/** What a caller asks of the mock through `Prefer` (Prism's names): a status, a named example, or generated data. */
export interface MockPreferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

/** Reads `Prefer: code=404, example=declined, dynamic=true` (RFC 7240 preferences, comma or semicolon separated). */
export function parsePreferHeader(value: string | null): MockPreferences {
  const preferences: MockPreferences = {};
  for (const part of (value ?? "").split(/[,;]/)) {
    const match = /^\s*([a-z]+)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (!match) continue;
    const [, name, raw] = match as unknown as [string, string, string];
    if (name.toLowerCase() === "code" && /^[1-5]\d\d$/.test(raw)) preferences.code = Number(raw);
    if (name.toLowerCase() === "example" && raw) preferences.example = raw;
    if (name.toLowerCase() === "dynamic") preferences.dynamic = raw === "true";
  }
  return preferences;
}
