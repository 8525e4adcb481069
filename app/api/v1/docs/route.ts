import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listDocs } from "@/lib/content/doc-entries";

export const GET = defineRoute(operations.listDocs, async ({ reply }) => reply({ items: listDocs() }));
