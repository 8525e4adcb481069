/** Cursor pagination (patterns/pagination): `limit` and an opaque `cursor` in, `items` and `nextCursor` out. */
import { Type, type Static } from "@sinclair/typebox";
import { ERRORS, Problem } from "./problems.ts";

export const PageQuery = Type.Object({
  // Optional with a default: Fastify fills it in before the handler runs.
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: "How many items to return (1 to 100)." })),
  cursor: Type.Optional(Type.String({ description: "The `nextCursor` of the previous page; omit it for the first page." })),
});
export type PageQuery = Static<typeof PageQuery>;

type Position = Record<string, string>;

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString("base64url");

/** A cursor the client did not get from us is a 400 problem, not an empty page. */
function decode(cursor: string, keys: readonly string[]): Position {
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString()) as Position;
    if (typeof position !== "object" || position === null || keys.some((key) => typeof position[key] !== "string")) throw new Error("cursor lacks its keys");
    return position;
  } catch {
    throw new Problem(400, `${ERRORS}/invalid-cursor`, "The cursor is not valid", "Pass back the nextCursor of a previous page.");
  }
}

const compare = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

/** One page of `rows` (sorted by `keys`) after the cursor's position; one more row than asked tells whether another page exists. */
export function paginate<T extends Record<string, unknown>>(rows: T[], page: PageQuery, keys: readonly (keyof T & string)[]) {
  const keyOf = (row: T) => keys.map((key) => String(row[key]));
  let after = rows;
  if (page.cursor !== undefined) {
    const position = decode(page.cursor, keys);
    const from = keys.map((key) => position[key]!);
    after = rows.filter((row) => compare(keyOf(row), from) > 0);
  }
  const limit = page.limit ?? 20;
  const window = after.slice(0, limit + 1);
  const items = window.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = window.length > limit && last ? encode(Object.fromEntries(keys.map((key) => [key, String(last[key])]))) : null;
  return { items, nextCursor };
}
