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
# Each is one process on one core: the type check and Prettier run beside ESLint (the longest), and
# each one's output is printed whole once all are done. (The build checks types again, with the route
# types Next.js generates, which this check, run before any build, cannot see.)
checks=$(mktemp -d)
npx --no-install tsc --noEmit >"$checks/tsc" 2>&1 &
tsc_pid=$!
npx --no-install prettier --check . >"$checks/prettier" 2>&1 &
prettier_pid=$!
npx --no-install eslint . >"$checks/eslint" 2>&1 || failed=1
wait "$tsc_pid" || failed=1
wait "$prettier_pid" || { echo "Run \`npm run format\` to format." >>"$checks/prettier"; failed=1; }
cat "$checks/tsc" "$checks/eslint" "$checks/prettier"
rm -rf "$checks"

step "Production build (the REST API and browser tests run against it)"
npm run --silent build || { echo "The build failed; the HTTP and browser tests cannot run."; exit 1; }

step "Unit and integration tests${TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || failed=1

step "Browser tests"
npx --no-install playwright test || failed=1

node scripts/test-summary.mjs || failed=1
exit "$failed"
