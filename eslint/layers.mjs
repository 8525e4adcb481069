import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The layers of lib/, lowest first: each folder (or top-level file) may import only from its own
 * folder and from folders of a lower level, never from its own level or above, so no cycle between
 * folders can form, and infrastructure never imports the domain. lib/ never imports components/ or
 * app/. A new folder goes at the lowest level above everything it imports; ARCHITECTURE.md explains
 * the layers. Enforced by `import/no-restricted-paths` in eslint.config.mjs (`npm run lint`).
 */
export const libLevels = [
  // Platform: infrastructure that knows nothing of the domain.
  [
    "lib/platform/errors.ts",
    "lib/platform/logger.ts",
    "lib/platform/metrics.ts",
    "lib/platform/fetch-policy.ts",
    "lib/platform/workers",
    "lib/platform/stats",
    "lib/platform/zip-files.ts",
    "lib/platform/bounded-memo.ts",
    "lib/slug.ts",
    "lib/query-client.ts",
  ],
  ["lib/platform/env.ts", "lib/platform/telemetry", "lib/platform/reader-cache.ts"],
  ["lib/platform/db", "lib/platform/limits", "lib/platform/pipeline"],
  ["lib/platform/fetch", "lib/platform/http", "lib/platform/jobs", "lib/platform/security"],
  // Foundations of the domain: who acts and may act, the organisation, house rules, documents, the search index.
  ["lib/governance", "lib/org", "lib/search-index", "lib/deprecations", "lib/health"],
  ["lib/auth", "lib/openapi"],
  ["lib/audit", "lib/diff"],
  // Event APIs: AsyncAPI read by its own parser, compared with the diff engine's schema comparer.
  ["lib/asyncapi", "lib/clients"],
  ["lib/pipeline", "lib/tokens", "lib/webhooks"],
  // Governed change: approvals of breaking changes and waivers of rules.
  ["lib/approvals", "lib/consumers"],
  // The domain: versions, then what builds on them.
  ["lib/versions"],
  ["lib/changes", "lib/try-it"],
  // Whether running services honour their contracts: Try it out's responses, verify runs, traffic.
  ["lib/conformance"],
  // The DX-SLOs, from what try-it, versions and conformance record; scorecards check them.
  ["lib/insights"],
  ["lib/scorecards", "lib/watches"],
  ["lib/lint", "lib/services"],
  ["lib/sources", "lib/teams", "lib/templates"],
  // The REST contract and its binder; the importer.
  ["lib/api", "lib/import"],
  // Wayfinder for assistants: MCP tools over the REST contract.
  ["lib/mcp"],
  // Composition: the demo company, content and search across everything, start-up.
  ["lib/demo"],
  ["lib/content", "lib/start-up"],
  ["lib/onboarding", "lib/search", "lib/machine-docs"],
  // Which rendered pages readers not signed in share, and the state of what each shows (scripts/page-cache.mjs).
  ["lib/pages"],
];

/** Every folder and file of lib/ (and of lib/platform/), as the levels name them. */
function libUnits(root) {
  const list = (dir) => readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`);
  return [...list("lib").filter((unit) => unit !== "lib/platform"), ...list("lib/platform")];
}

/** `import/no-restricted-paths` zones: each unit may not import a unit of its own level or above. */
export function layerZones(levels = libLevels, root = path.resolve(import.meta.dirname, "..")) {
  // A folder missing from the levels would be bound by nothing: refuse to lint until it is placed.
  const unplaced = libUnits(root).filter((unit) => !levels.flat().includes(unit));
  if (unplaced.length) throw new Error(`eslint/layers.mjs: place ${unplaced.join(", ")} in a level of libLevels.`);
  const zones = [];
  levels.forEach((level, index) => {
    const sameOrAbove = levels.slice(index).flat();
    for (const unit of level) {
      zones.push({
        target: `./${unit}`,
        from: sameOrAbove.filter((other) => other !== unit).map((other) => `./${other}`),
        message: `${unit} is at level ${index} of eslint/layers.mjs and may import only lower levels: move the shared code down, or this code up.`,
      });
    }
  });
  zones.push({ target: "./lib", from: ["./components", "./app"], message: "lib/ is below the UI: move what both need into lib/." });
  return zones;
}
