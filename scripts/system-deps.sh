#!/usr/bin/env bash
# Install the Debian (12, "bookworm") system packages that Kriseninfo's test
# suite and GUI need, but only those that are missing.
#
#   scripts/system-deps.sh              # PostgreSQL + Qt runtime libraries
#   scripts/system-deps.sh --gui-tools  # ... plus xvfb and xauth (screenshots
#                                       # under a virtual X server, xvfb-run)
#   scripts/system-deps.sh --gui-only   # only what the console needs (no PostgreSQL)
#
# * postgresql: only if no /usr/lib/postgresql/*/bin/pg_ctl exists; the tests
#   start their own throwaway server from those binaries
#   (tests/support/pgserver.py), not the system service.
# * Qt libraries: what PySide6's "offscreen" and "xcb" platform plugins load.
#
# Installs with apt-get as root, or through `sudo -n` when that works without
# a password; otherwise prints the missing packages and exits 1.  Runs
# `apt-get update` only when something has to be installed (a failed update
# is reported, and the install is tried anyway).  Prints one summary line:
# "system packages: ok" or "system packages: installed ...".
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"
}

gui_tools=0
gui_only=0
for arg in "$@"; do
    case "$arg" in
        --gui-tools) gui_tools=1 ;;
        --gui-only) gui_only=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "system-deps.sh: unknown argument: $arg" >&2
            echo "usage: $0 [--gui-tools] [--gui-only]" >&2
            exit 2
            ;;
    esac
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps.sh: dpkg-query/apt-get not found; this script supports Debian only" >&2
    exit 1
fi

wanted=(
    # Qt runtime libraries for PySide6 (offscreen and xcb platform plugins)
    libegl1
    libgl1
    libxkbcommon0
    libxkbcommon-x11-0
    libfontconfig1
    libdbus-1-3
    libxcb-cursor0
    libxcb-icccm4
    libxcb-keysyms1
    libxcb-shape0
    libxcb-render-util0
    libxcb-image0
    libxcb-randr0
    libxcb-xinerama0
    libxcb-xkb1
    libglib2.0-0
    fonts-dejavu-core
)

have_pg_ctl=0
for pg_ctl in /usr/lib/postgresql/*/bin/pg_ctl; do
    if [[ -x "$pg_ctl" ]]; then
        have_pg_ctl=1
        break
    fi
done
if ((!have_pg_ctl && !gui_only)); then
    wanted+=(postgresql)
fi

if ((gui_tools)); then
    wanted+=(xvfb xauth)
fi

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for pkg in "${wanted[@]}"; do
    if ! is_installed "$pkg"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "system packages: ok"
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "system packages missing: ${missing[*]}" >&2
    echo "install them as root, e.g.: sudo $0 $*" >&2
    exit 1
fi

apt_opts=(-o DPkg::Lock::Timeout=300)
log="$(mktemp -t system-deps.XXXXXX.log)"
trap 'rm -f "$log"' EXIT

if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get "${apt_opts[@]}" update >"$log" 2>&1; then
    echo "system-deps.sh: warning: apt-get update failed; trying the install anyway:" >&2
    tail -n 5 "$log" >&2
fi

if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    echo "system-deps.sh: apt-get install failed for: ${missing[*]}" >&2
    tail -n 25 "$log" >&2
    exit 1
fi

still_missing=()
for pkg in "${missing[@]}"; do
    if ! is_installed "$pkg"; then
        still_missing+=("$pkg")
    fi
done
if ((${#still_missing[@]} > 0)); then
    echo "system-deps.sh: still not installed after apt-get: ${still_missing[*]}" >&2
    exit 1
fi

echo "system packages: installed ${missing[*]}"
