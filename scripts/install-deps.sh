#!/usr/bin/env bash
# Installs the Debian 12 packages newsdex needs, and only those that are missing.
# Run as root or with sudo available. Prints what it installs; installs nothing when all are present.
set -euo pipefail

packages=(g++ make cmake pkg-config libxapian-dev xapian-tools libicu-dev libcli11-dev
          nlohmann-json3-dev catch2 python3 iso-codes libgeonames-dev libcpp-httplib-dev libjemalloc-dev chromium "$@")

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
