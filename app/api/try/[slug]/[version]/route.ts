import { inspectTryResponse } from "@/lib/conformance/inspect-try-response";
import { tryProxy } from "@/lib/try-it/proxy/handle-try-request";

// Try it out's proxy takes whatever method the operation being tried uses; each real response is
// checked against the contract on its way back.
const handler = tryProxy(inspectTryResponse);
export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
