import { notFound } from "next/navigation";
import { isAppError } from "@/lib/platform/errors";

/** For pages: a domain NOT_FOUND becomes Next.js's 404 page; other errors propagate. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
