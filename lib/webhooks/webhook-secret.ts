import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { env } from "@/lib/platform/env";

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

let derived: Buffer | undefined;
/** AES-256-GCM with a key derived from the portal's auth secret (read once), kept apart from the session key by its label. */
const key = () =>
  (derived ??= createHash("sha256")
    .update(`wayfinder webhook secrets:${resolveAuthSecret(env())}`)
    .digest());

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64")).join(".");
}

export function decryptSecret(stored: string): string {
  const [iv, tag, body] = stored.split(".").map((part) => Buffer.from(part, "base64")) as [Buffer, Buffer, Buffer];
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
