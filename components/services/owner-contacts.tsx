import Link from "@/components/portal-link";
import type { ServiceDetail } from "@/lib/services/get-service";

const link = "text-teal-700 underline-offset-2 hover:underline dark:text-teal-400";
// Small text: padded to the 24 px target WCAG 2.2 asks of anything clickable.
const smallLink = `inline-block py-1 ${link}`;

/** Who to ask about a service: each owning team, how to reach it (chat, email, on call) and its maintainers. */
export function OwnerContacts({ owners }: { owners: ServiceDetail["owners"] }) {
  return (
    <div>
      <h3 className="mb-1 font-semibold">Owners: who to ask</h3>
      <ul className="space-y-3">
        {owners.map((owner) => (
          <li key={owner.slug} data-testid="owner">
            <Link href={`/teams/${owner.slug}`} className={link}>
              {owner.name}
            </Link>
            {owner.isPrimary && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(primary)</span>}
            {(owner.chatChannel || owner.email || owner.onCallUrl) && (
              <ul className="mt-0.5 text-xs text-slate-700 dark:text-slate-300" data-testid="owner-contact" aria-label={`How to reach ${owner.name}`}>
                {owner.chatChannel && <li>Chat: {owner.chatChannel}</li>}
                {owner.email && (
                  <li>
                    Email:{" "}
                    <a href={`mailto:${owner.email}`} className={smallLink}>
                      {owner.email}
                    </a>
                  </li>
                )}
                {owner.onCallUrl && (
                  <li>
                    <a href={owner.onCallUrl} rel="noopener noreferrer" className={smallLink}>
                      Page the on-call engineer
                    </a>
                  </li>
                )}
              </ul>
            )}
            {owner.maintainers.length > 0 && (
              <p className="mt-0.5 text-xs text-slate-700 dark:text-slate-300" data-testid="owner-maintainers">
                Maintainers:{" "}
                {owner.maintainers.map((maintainer, index) => (
                  <span key={`${maintainer.name}-${index}`}>
                    {index > 0 && ", "}
                    {maintainer.email ? (
                      <a href={`mailto:${maintainer.email}`} className={smallLink}>
                        {maintainer.name}
                      </a>
                    ) : (
                      maintainer.name
                    )}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
