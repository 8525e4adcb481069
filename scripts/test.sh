#!/usr/bin/env bash
# `npm test`: every test. Type check and lint, unit and integration tests (Vitest; PGlite always, PostgreSQL too
# when TEST_DATABASE_URL is set), a production build, then the browser tests (Playwright in Chromium)
# against it. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

step() { printf '\n== %s\n' "$*"; }
failed=0

step "Chromium for the browser tests"
bash scripts/ensure-chromium.sh || exit 1

step "Type check, lint and formatting"
npx --no-install tsc --noEmit || failed=1
npx --no-install eslint . || failed=1
npx --no-install prettier --check . || { echo "Run \`npm run format\` to format."; failed=1; }

step "Production build (the REST API and browser tests run against it)"
npm run --silent build || { echo "The build failed; the HTTP and browser tests cannot run."; exit 1; }

step "Unit and integration tests${TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || failed=1

step "Browser tests"
npx --no-install playwright test || failed=1

node scripts/test-summary.mjs || failed=1
exit "$failed"
