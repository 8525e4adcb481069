/** Checks content/ (frontmatter and every link) before a build; any problem fails it, naming the file. */
import { demoCatalogue } from "@/lib/content/demo-catalogue";
import { formatProblem, loadContent } from "@/lib/content/load-content";
import { validateLinks } from "@/lib/content/validate-content";

const { entries, problems } = loadContent();
problems.push(...validateLinks(entries, demoCatalogue()));
if (problems.length) {
  console.error(`content/ has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(`content/ is valid: ${entries.length} entries.`);
