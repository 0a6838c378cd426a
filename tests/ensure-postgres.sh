#!/usr/bin/env bash
# The PostgreSQL tests start a throwaway server from the machine's PostgreSQL 15 binaries (initdb,
# pg_ctl); install them when possible. Without them and outside CI those tests are skipped.
set -euo pipefail
bindir="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
if [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing PostgreSQL 15 for the PostgreSQL tests (apt-get install postgresql-15)…"
  # Only the binaries are needed: no cluster of the system's own, nothing left running.
  mkdir -p /etc/postgresql-common
  [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql-15 >/dev/null
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL 15 is missing and CI runs its tests: install postgresql-15 (Debian)." >&2
  exit 1
fi
echo "PostgreSQL 15 is missing: the PostgreSQL tests will be skipped ('sudo apt-get install postgresql-15' runs them)."
