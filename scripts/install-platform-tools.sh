#!/usr/bin/env bash
# Installs, from Debian's packages, what the cross-platform plugin builds and their tests need, and nothing when it is
# all there already (safe to run again):
#   cross  clang, lld and llvm-objcopy, and an arm64 sysroot from Debian's multiarch packages (libc and libgcc of
#          arm64 beside the machine's own): what Native AOT needs to link linux-arm64 on an amd64 machine;
#   run    qemu-user (runs the linux-arm64 binary) and wine64 (starts the Windows binary).
# Usage: install-platform-tools.sh cross|run|all
set -euo pipefail

what=${1:-all}
cross_packages=(clang lld llvm libc6-dev:arm64 libgcc-12-dev:arm64)
run_packages=(qemu-user wine64)
case $what in
	cross) packages=("${cross_packages[@]}") ;;
	run) packages=("${run_packages[@]}") ;;
	all) packages=("${cross_packages[@]}" "${run_packages[@]}") ;;
	*) echo "usage: $0 cross|run|all" >&2; exit 2 ;;
esac

# Root runs apt itself; anyone else goes through sudo, if the machine has it.
as_root=()
if [[ $(id -u) -ne 0 ]]; then
	command -v sudo >/dev/null || { echo "$0: not root and no sudo: install ${packages[*]} by hand" >&2; exit 1; }
	as_root=(sudo)
fi

needs_arm64=false
for package in "${packages[@]}"; do [[ $package == *:arm64 ]] && needs_arm64=true; done
if $needs_arm64 && ! dpkg --print-foreign-architectures | grep -qx arm64; then
	"${as_root[@]}" dpkg --add-architecture arm64
fi

missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
	exit 0
fi

echo "installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
