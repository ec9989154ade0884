#!/usr/bin/env bash
# Real documents for the damaged-files test (DamagedFilesCorpusTest) and report (exec:java@damaged-report):
# EPUB, PDF and Office Open XML files shipped in Debian packages, downloaded with apt-get (never installed),
# each package pinned by version and SHA-256. The damaged copies are made from them by the tests' Damage
# class, the same bytes every time. Nothing here is committed: the files land in app/target/damaged-corpus.
#
#   app/src/bench/damaged/fetch-damaged-corpus.sh [OUTPUT_DIR]
#
# Needs apt-get and dpkg-deb (Debian 12 "bookworm" sources); runs `apt-get update` once if a pinned version
# is not known yet (as root). About 6 MB.
set -euo pipefail
app="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${1:-$app/target/damaged-corpus}"
mkdir -p "$out/debs" "$out/originals"
out="$(cd "$out" && pwd)"

# package  version  sha256 of the .deb  then the files to take (path in the package [=name in the corpus])
packages=(
  "debian-policy 4.6.2.0 ef9d01b625c3b87c3a845c2cd1b66f1a16e9240b2b9e5bee53472a00e8457a39
     usr/share/doc/debian-policy/policy.epub usr/share/doc/debian-policy/fhs/fhs-3.0.pdf.gz=fhs-3.0.pdf"
  "developers-reference 12.18 0dba82f6fa16e373f2a84ad07e7971aa9264ad2e7d2ae46b37edbc9c5fd57e2e
     usr/share/developers-reference/developers-reference.epub usr/share/developers-reference/developers-reference.pdf"
  "maint-guide 1.2.53 762c8a400a36668d2eb814a3ba356b06488fd889dfce478eb11d5cfb189a47b5
     usr/share/doc/maint-guide/maint-guide.en.pdf"
  "r-cran-officer 0.6.0+dfsg-1 3d6ec99aa9b4e414656b5389600871977dfe79dc4abd49ce11342f80aaffddcc
     usr/lib/R/site-library/officer/doc_examples/example.docx usr/lib/R/site-library/officer/doc_examples/example.pptx"
  "r-cran-readxl:amd64 1.4.2-1 eb705525f906c968022162e8e58993a8b444ae900ff0487389769721bdcb4e67
     usr/lib/R/site-library/readxl/extdata/datasets.xlsx"
)

# apt knows the pinned versions only once its lists are there (a fresh machine has none)
if ! apt-cache show "debian-policy=4.6.2.0" >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "run apt-get update first (as root)" >&2; exit 1; }
  apt-get update -qq
fi

download() { # package version -> the .deb's path
  local package=$1 version=$2 deb
  deb="$(ls "$out/debs/${package%%:*}_"*.deb 2>/dev/null | head -1 || true)"
  if [ -z "$deb" ]; then
    (cd "$out/debs" && apt-get download -q "$package=$version" >/dev/null 2>&1) \
      || { echo "cannot download $package $version (are Debian 12 sources configured?)" >&2; return 1; }
    deb="$(ls "$out/debs/${package%%:*}_"*.deb | head -1)"
  fi
  echo "$deb"
}

: >"$out/originals/SOURCES.tsv.new"
for entry in "${packages[@]}"; do
  read -r package version sha256 files <<<"$(echo $entry)"
  deb="$(download "$package" "$version")"
  actual="$(sha256sum "$deb" | cut -d' ' -f1)"
  if [ "$actual" != "$sha256" ]; then
    echo "$deb: SHA-256 $actual, expected $sha256" >&2
    rm -f "$deb"
    exit 1
  fi
  unpacked="$(mktemp -d)"
  dpkg-deb -x "$deb" "$unpacked"
  for file in $files; do
    path="${file%%=*}"
    name="$(basename "${file#*=}")"
    if [[ "$path" == *.gz ]]; then
      name="${name%.gz}"
      gzip -dc "$unpacked/$path" >"$out/originals/$name"
    else
      cp "$unpacked/$path" "$out/originals/$name"
    fi
    printf '%s\t%s\t%s\t%s\t/%s\n' "$name" "${package%%:*}" "$version" "$sha256" "$path" >>"$out/originals/SOURCES.tsv.new"
  done
  rm -rf "$unpacked"
done
mv "$out/originals/SOURCES.tsv.new" "$out/originals/SOURCES.tsv"
echo "damaged-files corpus: $(($(wc -l <"$out/originals/SOURCES.tsv"))) files from ${#packages[@]} Debian packages in $out/originals"
