#!/usr/bin/env bash
# Installs the system packages a clean machine lacks: ffmpeg, audio tools, Chromium and pgvector
# (built from Debian trixie's source package against the local PostgreSQL 15). Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need_apt=()
command -v ffmpeg >/dev/null || need_apt+=(ffmpeg)
command -v sox >/dev/null || need_apt+=(sox)
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)
command -v chromium >/dev/null || need_apt+=(chromium)
[ -d /usr/share/sounds/alsa ] || need_apt+=(alsa-utils)
[ -d /usr/share/asterisk/sounds/en ] || need_apt+=(asterisk-core-sounds-en-wav)
[ -f /usr/include/postgresql/15/server/postgres.h ] || need_apt+=(postgresql-server-dev-15)
command -v dpkg-source >/dev/null || need_apt+=(dpkg-dev)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ci: installing ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  echo "ci: building pgvector from Debian trixie's source package"
  src_list=/etc/apt/sources.list.d/trixie-src.sources
  if [ ! -f "$src_list" ]; then
    cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -qq
  fi
  work=$(mktemp -d)
  (
    cd "$work"
    apt-get source --download-only pgvector >/dev/null 2>&1
    tar xzf pgvector_*.orig.tar.gz
    cd "$(find . -maxdepth 1 -type d -name 'pgvector*' | head -n 1)"
    make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
    make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
  )
  rm -rf "$work"
fi
echo "ci: system packages ready"
