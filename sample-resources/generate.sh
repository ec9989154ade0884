#!/usr/bin/env bash
# Rebuilds every generated sample file in sample-resources/ from src/.
#
# Needs these Debian packages (bookworm):
#   apt-get update
#   apt-get install -y libreoffice-writer libreoffice-impress imagemagick ffmpeg \
#       espeak-ng fonts-dejavu-core pandoc python3 poppler-utils
#   (for the checks at the end also: tesseract-ocr tesseract-ocr-vie unzip)
#
# Usage:  bash sample-resources/generate.sh          # build
#         CHECK=1 bash sample-resources/generate.sh  # build, then print extracted text checks
#
# Idempotent: every output is overwritten. Pandoc, ImageMagick, espeak-ng and
# ffmpeg outputs are deterministic (SOURCE_DATE_EPOCH, bitexact flags, one
# encoder thread); LibreOffice outputs (PDF/DOCX/ODT) embed their own
# timestamps and ids, so their bytes change between runs but not their content.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$HERE/src"
OUT="$HERE"
export SOURCE_DATE_EPOCH=1759276800   # 2025-10-01T00:00:00Z
export LC_ALL=C.UTF-8 TZ=UTC

FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONT_BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# /usr/local/bin/convert may be a stand-in on some machines: use ImageMagick's own.
if command -v magick >/dev/null 2>&1; then IM=(magick)
elif [ -x /usr/bin/convert ]; then IM=(/usr/bin/convert)
else echo "ImageMagick not found (apt-get install imagemagick)" >&2; exit 1; fi

for tool in pandoc soffice ffmpeg ffprobe espeak-ng python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 1; }
done
[ -f "$FONT" ] || { echo "missing $FONT (apt-get install fonts-dejavu-core)" >&2; exit 1; }

BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
LO_PROFILE="file://$BUILD/lo-profile"

log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------- helpers
# md -> intermediate HTML for LibreOffice (DejaVu fonts, title as H1)
office_html() { # name
  pandoc -f markdown -t html5 -s --template="$SRC/templates/office.html" \
    -o "$BUILD/$1.html" "$SRC/$1.md"
}

# LibreOffice Writer conversion of the intermediate HTML. $1=name $2=ext $3=filter
lo_convert() {
  local name="$1" ext="$2" filter="$3"
  soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to "$ext:$filter" \
    --outdir "$BUILD/lo" "$BUILD/$name.html" >/dev/null 2>&1
  [ -s "$BUILD/lo/$name.$ext" ] || { echo "LibreOffice failed for $name.$ext" >&2; exit 1; }
  mv -f "$BUILD/lo/$name.$ext" "$OUT/$name.$ext"
}

to_pdf()  { office_html "$1"; lo_convert "$1" pdf  writer_pdf_Export; }
to_docx() { office_html "$1"; lo_convert "$1" docx "MS Word 2007 XML"; }
to_odt()  { office_html "$1"; lo_convert "$1" odt  writer8; }

to_web_html() { # name
  pandoc -f markdown -t html5 -s --template="$SRC/templates/web.html" \
    -o "$OUT/$1.html" "$SRC/$1.md"
}

# re-pack a zip container with fixed entry times (pandoc 2.x stamps some entries with the current time)
normalize_zip() {
python3 - "$1" <<'PY'
import sys, zipfile
path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
entries.sort(key=lambda e: e[0] != "mimetype")  # mimetype first, order otherwise kept
with zipfile.ZipFile(path, "w") as z:
    for name, data in entries:
        info = zipfile.ZipInfo(name, date_time=(2025, 10, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
PY
}

# ---------------------------------------------------------------- documents
mkdir -p "$BUILD/lo"

log "PDF (multi-page)"
to_pdf hoc-tap-suot-doi
log "PDF"
to_pdf ham-so-bac-nhat-lop-10
to_pdf search-smarter-stay-safer

log "DOCX"
to_docx tu-hoc-thoi-dai-so
to_docx chuyen-dong-thang-bien-doi-deu
to_docx digital-footprint

log "ODT"
to_odt doc-hieu-tho-tru-tinh-lop-10

log "PPTX (pandoc, one slide per '##' section)"
pandoc -f markdown -t pptx -o "$OUT/tim-kiem-thong-tin-hieu-qua.pptx" \
  "$SRC/tim-kiem-thong-tin-hieu-qua.md"
normalize_zip "$OUT/tim-kiem-thong-tin-hieu-qua.pptx"

log "EPUB"
if pandoc --help | grep -q -- '--split-level'; then SPLIT=(--split-level=1); else SPLIT=(--epub-chapter-level=1); fi
pandoc -f markdown -t epub3 "${SPLIT[@]}" \
  --metadata identifier="urn:hoclieu:sample:doc-sach-moi-ngay" \
  -o "$OUT/doc-sach-moi-ngay.epub" "$SRC/doc-sach-moi-ngay.md"
normalize_zip "$OUT/doc-sach-moi-ngay.epub"

log "HTML"
to_web_html cong-dan-so
to_web_html present-perfect-experiences
to_web_html thu-vien-so-cho-nguoi-cao-tuoi

log "TXT (UTF-8, copied as is)"
cp -f "$SRC/lich-su-ha-noi.txt" "$OUT/lich-su-ha-noi.txt"
cp -f "$SRC/reading-challenge-30-days.txt" "$OUT/reading-challenge-30-days.txt"

# ---------------------------------------------------------------- image of text
log "PNG (printed Vietnamese text for OCR)"
# 1654x2339 px = A4 at 200 dpi; 46 px glyphs (~17 pt at 200 dpi) so OCR reads it easily.
{
  head -n 1 "$SRC/doc-sach-hieu-qua-poster.txt" > "$BUILD/poster-title.txt"
  tail -n +3 "$SRC/doc-sach-hieu-qua-poster.txt" > "$BUILD/poster-body.txt"
}
"${IM[@]}" -size 1454x -background white -fill '#1f4e79' -font "$FONT_BOLD" -pointsize 64 \
  -gravity center caption:"$(cat "$BUILD/poster-title.txt")" "$BUILD/poster-title.png"
# one caption per paragraph (IM6 caption: fails on long multi-paragraph strings), then stack them
PARAS=()
n=0
while IFS= read -r para; do
  [ -n "$para" ] || continue
  n=$((n + 1))
  "${IM[@]}" -size 1454x -background white -fill black -font "$FONT" -pointsize 46 \
    -interline-spacing 8 -gravity west caption:"$para" "$BUILD/poster-p$n.png"
  PARAS+=("$BUILD/poster-p$n.png" "$BUILD/poster-gap.png")
done < "$BUILD/poster-body.txt"
"${IM[@]}" -size 1454x34 xc:white "$BUILD/poster-gap.png"
"${IM[@]}" -background white "${PARAS[@]}" -append "$BUILD/poster-body.png"
"${IM[@]}" -size 1654x2339 xc:white \
  "$BUILD/poster-title.png" -gravity north -geometry +0+120 -composite \
  "$BUILD/poster-body.png" -gravity north -geometry +0+330 -composite \
  -fill '#1f4e79' -draw 'rectangle 100,300 1554,306' \
  -font "$FONT" -pointsize 28 -fill '#555555' -gravity south -annotate +0+80 'Hoclieu – CC BY 4.0' \
  -units PixelsPerInch -density 200 -colorspace Gray -depth 8 -define png:exclude-chunks=date,time \
  -strip "$OUT/doc-sach-hieu-qua-poster.png"

# ---------------------------------------------------------------- audio
log "MP3 (espeak-ng Vietnamese voice + ID3 tags)"
MP3_TEXT="$(cat "$SRC/thu-vien-noi-hoc-tap.txt")"
espeak-ng -v vi -s 150 -w "$BUILD/thu-vien.wav" -f "$SRC/thu-vien-noi-hoc-tap.txt"
ffmpeg -hide_banner -loglevel error -y -i "$BUILD/thu-vien.wav" \
  -ac 1 -ar 22050 -c:a libmp3lame -b:a 32k -fflags +bitexact -flags:a +bitexact \
  -map_metadata -1 -id3v2_version 0 -write_id3v1 0 "$BUILD/thu-vien-notag.mp3"
# ffmpeg 5 writes "comment"/"lyrics" as TXXX frames, which many readers (e.g. Apache Tika)
# ignore, so the ID3v2.3 tag (UTF-16 text, real COMM and USLT frames) is written here.
MP3_TITLE="Thư viện – ngôi nhà chung của người học" MP3_TEXT="$MP3_TEXT" \
python3 - "$BUILD/thu-vien-notag.mp3" "$OUT/thu-vien-noi-hoc-tap.mp3" <<'PY'
import os, struct, sys
def u16(s): return b"\xff\xfe" + s.encode("utf-16-le")
def frame(fid, payload): return fid.encode() + struct.pack(">I", len(payload)) + b"\0\0" + payload
def text(fid, s): return frame(fid, b"\x01" + u16(s))
def lang_frame(fid, desc, s):  # COMM / USLT: encoding, language, description, text
    return frame(fid, b"\x01" + b"vie" + u16(desc) + b"\0\0" + u16(s))
body = b"".join([
    text("TIT2", os.environ["MP3_TITLE"]),
    text("TPE1", "Dự án Hoclieu"),
    text("TALB", "Tuần lễ hưởng ứng học tập suốt đời"),
    text("TYER", "2025"),
    text("TCON", "Speech"),
    text("TLAN", "vie"),
    text("TCOP", "CC-BY-4.0 Dự án Hoclieu"),
    lang_frame("COMM", "", os.environ["MP3_TEXT"]),
    lang_frame("USLT", "", os.environ["MP3_TEXT"]),
])
n = len(body)
size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
audio = open(sys.argv[1], "rb").read()
if audio[:3] == b"ID3":  # drop any tag the encoder wrote
    s = audio[6:10]; audio = audio[10 + ((s[0] << 21) | (s[1] << 14) | (s[2] << 7) | s[3]):]
open(sys.argv[2], "wb").write(b"ID3\x03\x00\x00" + size + body + audio)
PY

# ---------------------------------------------------------------- video + WebVTT
log "MP4 + VTT"
VID=video-tim-kiem-an-toan
VTITLE="Ba bước kiểm tra thông tin trên mạng"
LEAD=0.6     # seconds of silence before the first cue
GAP=0.5      # seconds of silence after each cue
mapfile -t CUES < "$SRC/$VID.cues.txt"
vtt() { # seconds -> HH:MM:SS.mmm
  awk -v t="$1" 'BEGIN{ms=int(t*1000+0.5); h=int(ms/3600000); ms-=h*3600000; m=int(ms/60000); ms-=m*60000; s=int(ms/1000); ms-=s*1000; printf "%02d:%02d:%02d.%03d", h, m, s, ms}'
}
dur() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

: > "$BUILD/audio.list"; : > "$BUILD/video.list"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i anullsrc=r=22050:cl=mono -t "$LEAD" "$BUILD/lead.wav"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i anullsrc=r=22050:cl=mono -t "$GAP" "$BUILD/gap.wav"
echo "file '$BUILD/lead.wav'" >> "$BUILD/audio.list"
{ echo "WEBVTT"; echo; } > "$OUT/$VID.vtt"

slide() { # out.png text
  "${IM[@]}" -size 640x360 xc:'#1f4e79' \
    -fill '#ffffff' -draw 'rectangle 0,0 640,64' \
    \( -size 600x48 -background none -fill '#1f4e79' -font "$FONT_BOLD" -pointsize 24 \
       -gravity center caption:"$VTITLE" \) -gravity north -geometry +0+8 -composite \
    \( -size 560x220 -background none -fill white -font "$FONT" -pointsize 30 \
       -gravity center caption:"$2" \) -gravity center -geometry +0+30 -composite \
    -font "$FONT" -pointsize 14 -fill '#c8d8ea' -gravity southeast -annotate +12+8 'Hoclieu – CC BY 4.0' \
    -define png:exclude-chunks=date,time -strip "$1"
}

t="$LEAD"
slide "$BUILD/slide0.png" "Tìm kiếm an toàn"
echo "file '$BUILD/slide0.png'" >> "$BUILD/video.list"; echo "duration $LEAD" >> "$BUILD/video.list"
i=0
for cue in "${CUES[@]}"; do
  [ -n "$cue" ] || continue
  i=$((i + 1))
  espeak-ng -v vi -s 150 -w "$BUILD/cue$i-raw.wav" "$cue"
  ffmpeg -hide_banner -loglevel error -y -i "$BUILD/cue$i-raw.wav" -ac 1 -ar 22050 "$BUILD/cue$i.wav"
  d="$(dur "$BUILD/cue$i.wav")"
  start="$t"; end="$(awk -v a="$t" -v b="$d" 'BEGIN{printf "%.3f", a+b}')"
  t="$(awk -v a="$end" -v b="$GAP" 'BEGIN{printf "%.3f", a+b}')"
  { echo "$i"; echo "$(vtt "$start") --> $(vtt "$end")"; echo "$cue"; echo; } >> "$OUT/$VID.vtt"
  echo "file '$BUILD/cue$i.wav'" >> "$BUILD/audio.list"
  echo "file '$BUILD/gap.wav'" >> "$BUILD/audio.list"
  slide "$BUILD/slide$i.png" "$cue"
  echo "file '$BUILD/slide$i.png'" >> "$BUILD/video.list"
  echo "duration $(awk -v a="$d" -v b="$GAP" 'BEGIN{printf "%.3f", a+b}')" >> "$BUILD/video.list"
done
# the concat demuxer needs the last image repeated for its duration to count
echo "file '$BUILD/slide$i.png'" >> "$BUILD/video.list"

ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$BUILD/audio.list" -c:a pcm_s16le "$BUILD/speech.wav"
ffmpeg -hide_banner -loglevel error -y \
  -f concat -safe 0 -i "$BUILD/video.list" -i "$BUILD/speech.wav" \
  -map 0:v -map 1:a -vf "fps=10,format=yuv420p" \
  -c:v libx264 -preset slow -tune stillimage -crf 30 -threads 1 -pix_fmt yuv420p \
  -c:a aac -b:a 48k -ac 1 -ar 22050 \
  -t "$t" -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  -metadata title="$VTITLE" -metadata artist="Dự án Hoclieu" -metadata language=vie \
  -movflags +faststart "$OUT/$VID.mp4"

log "done"

# ---------------------------------------------------------------- optional checks
if [ "${CHECK:-0}" = "1" ]; then
  for f in "$OUT"/*.pdf; do echo "--- $f"; pdfinfo "$f" | grep -E '^(Title|Pages)'; pdftotext -layout "$f" - | head -n 8; done
  for f in "$OUT"/*.docx; do echo "--- $f"; unzip -p "$f" word/document.xml | sed 's/<[^>]*>/ /g' | tr -s ' ' | head -c 300; echo; done
  for f in "$OUT"/*.odt; do echo "--- $f"; unzip -p "$f" content.xml | sed 's/<[^>]*>/ /g' | tr -s ' ' | head -c 300; echo; done
  for f in "$OUT"/*.pptx; do echo "--- $f"; unzip -p "$f" 'ppt/slides/slide*.xml' | sed 's/<[^>]*>/ /g' | tr -s ' ' | head -c 300; echo; done
  for f in "$OUT"/*.epub; do echo "--- $f"; unzip -p "$f" 'EPUB/text/*.xhtml' | sed 's/<[^>]*>/ /g' | tr -s ' ' | head -c 300; echo; done
  for f in "$OUT"/*.png; do echo "--- $f"; tesseract "$f" - -l vie+eng 2>/dev/null | head -n 12; done
  for f in "$OUT"/*.mp3 "$OUT"/*.mp4; do echo "--- $f"; ffprobe -v error -show_entries format=duration:format_tags=title,artist -of default=nw=1 "$f"; done
  du -sh "$OUT"
fi
