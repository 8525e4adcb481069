import { instrumented } from "@/lib/platform/http/instrumented";
import { handleMockRequest } from "@/lib/try-it/mock/handle-mock-request";

// The mock answers every method an operation may declare; Prism says 405 for the ones a path lacks.
const handler = instrumented("/mock/{slug}/{version}/*", handleMockRequest);
export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
