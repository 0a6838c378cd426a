#!/usr/bin/env bash
# The import benchmark's same-work floor (and its test) drives the sqlite3 command line; install it
# when possible. Without it and outside CI that test is skipped.
set -euo pipefail
if command -v sqlite3 >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing the sqlite3 command line for the import floor (apt-get install sqlite3)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "The sqlite3 command line is missing and CI runs its test: install sqlite3 (Debian)." >&2
  exit 1
fi
echo "The sqlite3 command line is missing: the import floor's test will be skipped ('sudo apt-get install sqlite3' runs it)."
