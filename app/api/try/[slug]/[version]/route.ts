import { handleTryRequest } from "@/lib/try-it/proxy/handle-try-request";

// Try it out's proxy takes whatever method the operation being tried uses.
export const GET = handleTryRequest;
export const HEAD = handleTryRequest;
export const POST = handleTryRequest;
export const PUT = handleTryRequest;
export const PATCH = handleTryRequest;
export const DELETE = handleTryRequest;
export const OPTIONS = handleTryRequest;
