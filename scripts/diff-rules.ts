/** `npm run diff:rules`: writes docs/diff-rules.md from lib/diff/rules.ts. */
import { writeFileSync } from "node:fs";
import { rulesMarkdown } from "@/lib/diff/rules";

writeFileSync("docs/diff-rules.md", rulesMarkdown());
console.log("Wrote docs/diff-rules.md");
