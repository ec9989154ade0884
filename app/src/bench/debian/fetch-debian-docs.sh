#!/bin/sh
# Downloads the exact Debian (bookworm) packages the relevance collection is built from, checks each
# against its pinned SHA-256, and unpacks it with dpkg-deb -x (nothing is installed).
# Usage: fetch-debian-docs.sh DIR
# Result: DIR/debs/*.deb, DIR/<package>/ (the unpacked tree), DIR/versions.txt ("package version sha256").
# libreoffice-help-vi is deliberately absent: it is reserved for a held-out check.
set -eu
dir=${1:?usage: fetch-debian-docs.sh DIR}
mkdir -p "$dir/debs"
dir=$(cd "$dir" && pwd)
# package:architecture=version sha256-of-the-.deb
packages="
installation-guide-amd64:all=20230508+deb12u1 812c43e1dc906daf671e3efe953dc023205c238e5bd5a3021ce4ca142793573a
maint-guide-vi:all=1.2.53 9a28b5e7b48edf861a6efdbaa24b81a94a11fec87fd9870f02dbeb1b419c42e3
gnome-user-docs:all=43.0-2 0d635a840747958ca84da778b40d341f1155603851f922c9a171f5a181d6a39f
manpages-vi:all=4.18.1-1 c3fb89f768663013c87babcad3fdd525588edb2c9a91a9d1c74dc33c1a6ee73b
deja-dup:amd64=44.0-2 6f110c4652034bd9a1ed228d50945494514548d561e05c5fbb9897277c2d2b72
gucharmap:amd64=1:15.0.2-1 ea4e73414d2844862e24043fd2b82634f7cda2b4d43fdd763701465bb132e4e3
"
: > "$dir/versions.txt.tmp"
echo "$packages" | while read -r spec sum; do
  [ -n "$spec" ] || continue
  pkgarch=${spec%%=*}
  ver=${spec#*=}
  pkg=${pkgarch%%:*}
  arch=${pkgarch#*:}
  deb=$(ls "$dir/debs/${pkg}_"*"_$arch.deb" 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$sum" ]; then
    rm -f "$dir/debs/${pkg}_"*.deb
    if [ "$arch" = all ]; then
      (cd "$dir/debs" && apt-get download "$pkg=$ver")
    else
      (cd "$dir/debs" && apt-get download "$pkg:$arch=$ver")
    fi
    deb=$(ls "$dir/debs/${pkg}_"*"_$arch.deb" | head -n 1)
  fi
  got=$(sha256sum "$deb" | cut -d' ' -f1)
  if [ "$got" != "$sum" ] || [ "$(dpkg-deb -f "$deb" Version)" != "$ver" ]; then
    echo "$deb: expected version $ver sha256 $sum, got $(dpkg-deb -f "$deb" Version) $got" >&2
    exit 1
  fi
  rm -rf "$dir/$pkg"
  mkdir -p "$dir/$pkg"
  dpkg-deb -x "$deb" "$dir/$pkg"
  echo "$pkg $ver $got" >> "$dir/versions.txt.tmp"
done
mv "$dir/versions.txt.tmp" "$dir/versions.txt"
cat "$dir/versions.txt"
