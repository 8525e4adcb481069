import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built on first request, not at import, so that `next build` needs no secrets.
const handler = (request: Request, context: Context) => (NextAuth(authOptions()) as unknown as (request: Request, context: Context) => Promise<Response>)(request, context);

export { handler as GET, handler as POST };
