#!/bin/sh
# Installs the Debian packages gtmlint needs to build and test, if any are missing.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -eu

# Libraries and build tools, by package.
packages="cmake g++ clang libclang-rt-14-dev ninja-build ccache pkg-config tao-pegtl-dev libfmt-dev nlohmann-json3-dev catch2 libre2-dev libpugixml-dev libabsl-dev"
# Tools the integration tests drive, by command (any installation of them will do).
commands="git:git node:nodejs npm:npm pre-commit:pre-commit dot:graphviz nvim:neovim unzip:unzip"

missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $package"
done
for pair in $commands; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
