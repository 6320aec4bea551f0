#!/usr/bin/env bash
# Installs what npm cannot bring for the demo and the tests, and only what is missing:
#   moto_server 5.2.1   the local AWS endpoint (pipx; a venv under ~/.cache/superset-showtime when pipx is absent)
#   docker-registry     a real OCI registry (distribution) the deploy step pushes to, on loopback
#   skopeo, umoci       the push of an OCI archive and the small archives the recording docker writes
#   chromium + emoji    the PNGs of the PR comment (scripts/render-comments.ts), with the emoji font they show
# Debian/Ubuntu only (apt-get). Run as root or with sudo. `--check` lists what is missing and exits 1 if anything is.
set -euo pipefail

MOTO_VERSION=5.2.1
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/superset-showtime/moto-venv"

missing_apt=()
need_apt() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/bin/$1" ] || missing_apt+=("$2"); }
need_apt docker-registry docker-registry
need_apt skopeo skopeo
need_apt umoci umoci
need_apt chromium chromium
[ -d /usr/share/fonts/truetype/noto ] && fc-list 2>/dev/null | grep -qi 'Noto Color Emoji' || missing_apt+=(fonts-noto-color-emoji)

moto_ok() { command -v moto_server >/dev/null 2>&1 || [ -x "$VENV/bin/moto_server" ]; }

if [ "${1:-}" = "--check" ]; then
  status=0
  for pkg in "${missing_apt[@]}"; do echo "missing: $pkg (Debian package)"; status=1; done
  moto_ok || { echo "missing: moto_server (moto[server]==$MOTO_VERSION)"; status=1; }
  exit $status
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! moto_ok && ! command -v pipx >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 && python3 -m venv --help >/dev/null 2>&1 || missing_apt+=(python3-venv)
fi

if [ ${#missing_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"
fi

if ! moto_ok; then
  # PEP 668: stock Debian 12 and Ubuntu 24.04 refuse `pip install` into the system Python, so moto goes into its own
  # environment. pipx puts moto_server on PATH; the venv's moto_server is found by test-support/moto.ts.
  if command -v pipx >/dev/null 2>&1; then
    echo "setup: installing moto[server]==$MOTO_VERSION with pipx"
    pipx install "moto[server]==$MOTO_VERSION"
  else
    echo "setup: installing moto[server]==$MOTO_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "moto[server]==$MOTO_VERSION"
  fi
fi

echo "setup: moto_server, docker-registry, skopeo, umoci and chromium are present"
