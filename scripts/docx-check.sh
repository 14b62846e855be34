#!/usr/bin/env bash
# Opens cmas's Word documents in LibreOffice (headless, Debian's
# libreoffice-writer-nogui, installed here if missing), converts them to
# PDF, and checks each one's page count and text with poppler's pdfinfo and
# pdftotext: the demo's scorecard in both editions, in English and German,
# and a programme report in English and French.
# With --png DIR it also writes every converted page as a PNG, to look at.
# The bundled fonts are the only ones LibreOffice is given beyond the
# system's, so the pages look as they would where the fonts are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
png_dir=""
if [ "${1:-}" = "--png" ]; then png_dir="$(realpath -m "${2:?--png needs a directory}")"; fi

if ! command -v soffice >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmas/target}"
cargo build --quiet --bin cmas
cmas="$CARGO_TARGET_DIR/debug/cmas"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="sqlite://$work/demo.sqlite3"
"$cmas" demo --database-url "$db" >/dev/null
# LibreOffice reads fonts from the profile's home; give it the bundled ones.
mkdir -p "$work/home/.fonts"
cp reports/fonts/*.ttf "$work/home/.fonts/"

assessment="$(sqlite3 "$work/demo.sqlite3" "SELECT id FROM assessments WHERE status = 'final' ORDER BY id LIMIT 1")"
programme_client="$(sqlite3 "$work/demo.sqlite3" "SELECT client_id FROM programmes ORDER BY id LIMIT 1")"
client="$(sqlite3 "$work/demo.sqlite3" "SELECT c.name FROM clients c JOIN assessments a ON a.client_id = c.id WHERE a.id = $assessment")"
"$cmas" report scorecard --database-url "$db" --assessment "$assessment" --lang en --out "$work/scorecard.docx"
"$cmas" report scorecard --database-url "$db" --assessment "$assessment" --lang en --edition working --out "$work/scorecard-working.docx"
"$cmas" report scorecard --database-url "$db" --assessment "$assessment" --lang de --out "$work/scorecard-de.docx"
"$cmas" report programme --database-url "$db" --client "$programme_client" --lang en --out "$work/programme.docx"
"$cmas" report programme --database-url "$db" --client "$programme_client" --lang fr --out "$work/programme-fr.docx"
# The demo's re-assessment on questionnaire 1.1.0 against the wave before it (1.0.0).
later="$(sqlite3 "$work/demo.sqlite3" "SELECT a.id FROM assessments a JOIN questionnaires q ON q.id = a.questionnaire_id WHERE q.version = '1.1.0' AND a.status = 'final' ORDER BY a.id LIMIT 1")"
earlier="$(sqlite3 "$work/demo.sqlite3" "SELECT b.id FROM assessments a JOIN assessments b ON b.client_id = a.client_id AND b.business_unit IS NULL AND b.customer_group IS NULL AND b.product IS NULL AND b.assessment_date < a.assessment_date WHERE a.id = $later ORDER BY b.assessment_date DESC LIMIT 1")"
"$cmas" report comparison --database-url "$db" --assessment "$later" --with "$earlier" --out "$work/comparison.docx"

HOME="$work/home" soffice --headless --norestore --convert-to pdf --outdir "$work/pdf" \
  "$work/scorecard.docx" "$work/scorecard-working.docx" "$work/scorecard-de.docx" \
  "$work/programme.docx" "$work/programme-fr.docx" "$work/comparison.docx" >/dev/null

failed=0
check() { # file, least pages, most pages, texts it must hold...
  local name="$1" pdf="$work/pdf/$1.pdf" least="$2" most="$3"; shift 3
  if [ ! -s "$pdf" ]; then echo "FAIL $name: LibreOffice made no PDF"; failed=1; return; fi
  local pages; pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  local text; text="$(pdftotext -layout "$pdf" - | tr -s ' \n' ' ')"
  local problems=()
  if [ "$pages" -lt "$least" ] || [ "$pages" -gt "$most" ]; then problems+=("$pages pages, expected $least to $most"); fi
  for wanted in "$@"; do
    grep -qF -- "$wanted" <<<"$text" || problems+=("no \"$wanted\"")
  done
  if [ ${#problems[@]} -eq 0 ]; then echo "ok   $name: $pages pages"; else echo "FAIL $name: ${problems[*]}"; failed=1; fi
  if [ -n "$png_dir" ]; then mkdir -p "$png_dir"; pdftoppm -r 60 -png "$pdf" "$png_dir/$name"; fi
}
check scorecard 5 14 "$client" "Confidential — prepared for $client" "Priorities: what to do first" "Analysis & Planning" "Customer Experience" "Page 2"
check scorecard-working 5 16 "$client" "Working edition"
check scorecard-de 5 14 "$client" "Prioritäten: Was zuerst anzugehen ist" "Stärken" "Seite 2"
check programme 3 30 "What needs attention" "Timeline" "Projects"
check programme-fr 3 30 "Points d'attention" "Calendrier" "Projets"
check comparison 3 20 "Wave-over-wave comparison" "Customer Management Assessment 1.1.0" "different questionnaire versions" "Targets" "The practices that moved most" "ME.1.6"
exit "$failed"
