#!/usr/bin/env bash
# System set-up for Ferry's tests (CI and developers). Run as root on Debian 12.
# Idempotent: installs what is missing, downloads the FTP servers that conflict
# with vsftpd (pure-ftpd, proftpd) and extracts them under .cache/servers/root.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="$REPO_DIR/.cache/servers"
DEB_DIR="$CACHE_DIR/debs"
ROOT_DIR="$CACHE_DIR/root"
STAMP="$ROOT_DIR/.extracted"

# gcc and libnetfilter-queue-dev build bench/latency/delay-queue.c (npm run bench:latency); the rest: tests and npm run bench.
# microsocks, dante-server, tinyproxy: real SOCKS 5, SOCKS 4/5 and HTTP CONNECT proxies for test/integration/proxy.test.ts.
SYSTEM_PACKAGES=(vsftpd lftp curl iptables iproute2 openssl chromium procps fonts-wqy-microhei time gcc libnetfilter-queue-dev microsocks dante-server tinyproxy)
SERVER_DEBS=(pure-ftpd pure-ftpd-common proftpd-core proftpd-mod-crypto)

log() { printf '[setup-system] %s\n' "$*"; }

if [[ $(id -u) -ne 0 ]]; then
  echo "setup-system.sh must run as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Wait for any other apt/dpkg run to finish instead of fighting over the lock.
wait_for_dpkg() {
  local waited=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 \
    || { command -v fuser >/dev/null 2>&1 && fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1; }; do
    if (( waited % 30 == 0 )); then log "waiting for another apt-get/dpkg to finish..."; fi
    sleep 2
    waited=$((waited + 2))
    if (( waited > 1800 )); then echo "gave up waiting for the dpkg lock" >&2; exit 1; fi
  done
}

APT_UPDATED=0
apt_update_once() {
  if (( APT_UPDATED == 0 )); then
    wait_for_dpkg
    log "apt-get update"
    apt-get update -qq -o DPkg::Lock::Timeout=600
    APT_UPDATED=1
  fi
}

missing_packages() {
  local p
  for p in "$@"; do
    if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
      printf '%s\n' "$p"
    fi
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if (( ${#missing[@]} == 0 )); then
    log "already installed: $*"
    return
  fi
  apt_update_once
  wait_for_dpkg
  log "apt-get install -y ${missing[*]}"
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}"
}

# 1. Packages installed normally.
install_packages "${SYSTEM_PACKAGES[@]}"

# 2. pure-ftpd and proftpd conflict with vsftpd (all provide ftp-server): download and extract.
mkdir -p "$DEB_DIR" "$ROOT_DIR"
if [[ -f "$STAMP" && -x "$ROOT_DIR/usr/sbin/pure-ftpd" && -x "$ROOT_DIR/usr/sbin/proftpd" && -f "$ROOT_DIR/usr/lib/proftpd/mod_tls.so" ]]; then
  log "servers already extracted in $ROOT_DIR"
else
  need_download=()
  for p in "${SERVER_DEBS[@]}"; do
    if ! compgen -G "$DEB_DIR/${p}_*.deb" >/dev/null; then need_download+=("$p"); fi
  done
  if (( ${#need_download[@]} > 0 )); then
    apt_update_once
    log "apt-get download ${need_download[*]} -> $DEB_DIR"
    # _apt cannot write into root-owned folders: download as root quietly.
    (cd "$DEB_DIR" && apt-get download -qq -o APT::Sandbox::User=root "${need_download[@]}")
  else
    log "debs already downloaded in $DEB_DIR"
  fi
  rm -rf "$ROOT_DIR"
  mkdir -p "$ROOT_DIR"
  for p in "${SERVER_DEBS[@]}"; do
    for deb in "$DEB_DIR/${p}"_*.deb; do
      log "dpkg -x $(basename "$deb")"
      dpkg -x "$deb" "$ROOT_DIR"
    done
  done
  touch "$STAMP"
fi

# 3. Shared libraries the extracted binaries need (their lib* Depends, e.g. libhiredis, libmemcached).
lib_deps=()
for deb in "$DEB_DIR"/*.deb; do
  deps=$(dpkg-deb -f "$deb" Depends Pre-Depends 2>/dev/null | sed 's/^[A-Za-z-]*: //' | tr ',' '\n')
  while IFS= read -r dep; do
    dep=${dep%%|*}                       # first alternative
    dep=$(echo "$dep" | sed 's/(.*)//; s/:any//; s/[[:space:]]//g')
    [[ $dep == lib* && $dep != libpam-* ]] && lib_deps+=("$dep")
  done <<<"$deps"
done
if (( ${#lib_deps[@]} > 0 )); then
  mapfile -t lib_deps < <(printf '%s\n' "${lib_deps[@]}" | sort -u)
  install_packages "${lib_deps[@]}"
fi

# 4. Sanity check: the binaries must load.
for bin in "$ROOT_DIR/usr/sbin/pure-ftpd" "$ROOT_DIR/usr/sbin/proftpd"; do
  if ldd "$bin" | grep -q 'not found'; then
    echo "missing shared libraries for $bin:" >&2
    ldd "$bin" | grep 'not found' >&2
    exit 1
  fi
done
log "vsftpd:    $(command -v vsftpd)"
log "pure-ftpd: $ROOT_DIR/usr/sbin/pure-ftpd"
log "proftpd:   $ROOT_DIR/usr/sbin/proftpd ($("$ROOT_DIR/usr/sbin/proftpd" -v 2>&1 | head -1))"
log "done"
