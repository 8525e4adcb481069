import Link from "@/components/portal-link";
import type { LintFinding } from "@/lib/lint/lint-document";

/** A rule's id, linked to what explains it: a house rule to its pattern, in the portal; a built-in rule to Redocly's page. */
export function FindingLink({ ruleId, link }: Pick<LintFinding, "ruleId" | "link">) {
  const className = "font-mono text-xs text-teal-700 underline underline-offset-2 dark:text-teal-400";
  if (!link) return <span className="font-mono text-xs">{ruleId}</span>;
  return link.startsWith("/") ? (
    <Link href={link} className={className}>
      {ruleId}
    </Link>
  ) : (
    <a href={link} rel="noopener noreferrer" className={className}>
      {ruleId}
    </a>
  );
}

export function Severity({ severity }: { severity: LintFinding["severity"] }) {
  return severity === "error" ? <span className="badge badge-amber">error</span> : <span className="badge badge-slate">warning</span>;
}
