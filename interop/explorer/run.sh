#!/usr/bin/env bash
# The API explorer of the sample app in a real browser: headless Chromium (Debian's
# chromium package, no browser download) driven by playwright-core.
# Needs Node.js 18+ with npm, /usr/bin/chromium (or CHROMIUM_PATH) and the sample app jar:
#   ./mvnw -q -pl sample-app -am package -DskipTests
# Screenshots are kept in sample-app/target/explorer/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../sample-server.sh
. "$root/interop/sample-server.sh"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node explorer.mjs "$port" "$root/sample-app/target/explorer"
