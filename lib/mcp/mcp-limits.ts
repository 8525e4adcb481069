import type { RateLimit } from "@/lib/platform/security/rate-limit";

/** MCP requests per caller (token, person, or anonymous address) and minute: an assistant's pace, not a crawler's. */
export const MCP_REQUESTS: RateLimit = { action: "mcp", max: 120, windowSeconds: 60 };
