#!/usr/bin/env bash
# The multi-process test puts Debian's haproxy in front of two Kadence processes; install it when
# possible. Without it and outside CI that test is skipped.
set -euo pipefail
if command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing haproxy for the multi-process test (apt-get install haproxy)…"
  # Only the binary is needed: the package's own service is stopped and left disabled.
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold haproxy >/dev/null
  if command -v systemctl >/dev/null; then systemctl disable --now haproxy >/dev/null 2>&1 || true; fi
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "haproxy is missing and CI runs the multi-process test: install haproxy (Debian)." >&2
  exit 1
fi
echo "haproxy is missing: the multi-process test will be skipped ('sudo apt-get install haproxy' runs it)."
