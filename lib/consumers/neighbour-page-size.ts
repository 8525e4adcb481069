// Apart from list-consumers.ts so that the REST contract (and with it the bundled CLI's MCP server)
// can name the bounds without importing the Prisma client.
export const DEFAULT_NEIGHBOURS_PAGE = 100;
export const MAX_NEIGHBOURS_PAGE = 500;
