import { limitExceeded } from "@/lib/platform/limits/limit-error";

/** Reads a request body, stopping (and refusing) as soon as it passes `maxBytes`. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw limitExceeded("maxBytes", maxBytes, `The request body (${declared} bytes)`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw limitExceeded("maxBytes", maxBytes, "The request body");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
