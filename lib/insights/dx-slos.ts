import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import type { Figure } from "@/lib/platform/stats/summarize-samples";
import { measureSlos, meets, SLO_IDS, SLO_TITLES, SLO_WINDOW_DAYS, sloUnit, type SloId } from "./measure-slos";

/** Releases listed under the defects SLO, most defects first. */
const RELEASES_SHOWN = 200;

const figureView = (figure: Figure) => ({ count: figure.count, p50: figure.p50, p90: figure.p90, mean: figure.mean });

/**
 * The DX-SLOs as /insights and `GET /api/v1/insights/slos` show them: each with its target and
 * whether the company, each team and each service meets it (worst first), a weekly trend, and the
 * checked releases behind the defects figure. Anyone who may read the portal.
 */
export async function dxSlos(db: Db, actor: Actor, now = new Date()) {
  assertMayRead(actor);
  const measured = await measureSlos(db, now);
  const serviceIds = new Set(SLO_IDS.flatMap((id) => [...measured.summaries[id].byService.keys()]));
  const teamIds = new Set(SLO_IDS.flatMap((id) => [...measured.summaries[id].byTeam.keys()]));
  const [services, teams] = await Promise.all([
    db.service.findMany({
      where: { id: { in: [...serviceIds, ...measured.releases.map((release) => release.serviceId)] } },
      select: { id: true, slug: true, name: true },
    }),
    db.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, slug: true, name: true } }),
  ]);
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const named = (figures: Map<string, Figure>, names: Map<string, { slug: string; name: string }>, id: SloId) => {
    const rule = measured.rules[id];
    return [...figures]
      .flatMap(([key, figure]) => {
        const entity = names.get(key);
        return entity ? [{ slug: entity.slug, name: entity.name, ...figureView(figure), met: meets(rule, figure)! }] : [];
      })
      .sort((a, b) => b[rule.statistic] - a[rule.statistic] || a.name.localeCompare(b.name));
  };
  return {
    windowDays: SLO_WINDOW_DAYS,
    generatedAt: now.toISOString(),
    slos: SLO_IDS.map((id) => {
      const rule = measured.rules[id];
      const summary = measured.summaries[id];
      return {
        id,
        title: SLO_TITLES[id],
        unit: sloUnit(id),
        statistic: rule.statistic,
        target: rule.target,
        company: summary.company ? figureView(summary.company) : null,
        met: meets(rule, summary.company),
        trend: summary.trend.map((point) => ({
          weekStart: point.weekStart,
          count: point.figure?.count ?? 0,
          value: point.figure ? point.figure[rule.statistic] : null,
        })),
        teams: named(summary.byTeam, teamById, id),
        services: named(summary.byService, serviceById, id),
      };
    }),
    releases: measured.releases.slice(0, RELEASES_SHOWN).flatMap((release) => {
      const service = serviceById.get(release.serviceId);
      return service
        ? [
            {
              slug: service.slug,
              name: service.name,
              version: release.version,
              revision: release.revision,
              publishedAt: release.publishedAt.toISOString(),
              checked: release.checked,
              defects: release.defects,
            },
          ]
        : [];
    }),
  };
}

export type DxSlos = Awaited<ReturnType<typeof dxSlos>>;
