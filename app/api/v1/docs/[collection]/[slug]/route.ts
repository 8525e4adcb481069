import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getDoc } from "@/lib/content/doc-entries";

// The contract's collections (docCollections) must be the content's: getDoc's parameter type says when they part.
export const GET = defineRoute(operations.getDoc, async ({ params: { collection, slug }, reply }) => reply(getDoc(collection, slug)));
