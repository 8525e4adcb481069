import { handleMockRequest } from "@/lib/try-it/mock/handle-mock-request";

// The mock answers every method an operation may declare; Prism says 405 for the ones a path lacks.
export const GET = handleMockRequest;
export const HEAD = handleMockRequest;
export const POST = handleMockRequest;
export const PUT = handleMockRequest;
export const PATCH = handleMockRequest;
export const DELETE = handleMockRequest;
export const OPTIONS = handleMockRequest;
