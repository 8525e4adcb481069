/**
 * Runs once when the server starts: validates the environment and opens the database (migrations,
 * demo data), so that a misconfiguration stops the start with a clear message instead of failing the
 * first request, and the first visitor does not wait for migrations.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  const { database } = await import("./lib/db");
  await database();
}
