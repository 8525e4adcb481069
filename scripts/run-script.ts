import { isAppError } from "@/lib/platform/errors";

/** Runs a command-line script: known errors print their message alone and exit 1; others with their stack. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
    // pg's pool keeps idle timers for a while after its clients are gone; nothing is left to do.
    process.exit(0);
  } catch (error) {
    console.error(
      isAppError(error) || (error instanceof Error && error.message.startsWith("Invalid environment")) ? `error: ${(error as Error).message}` : error,
    );
    process.exit(1);
  }
}
