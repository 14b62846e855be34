#!/usr/bin/env bash
# Refreshes the third-party files cmas serves itself, from the npm registry
# (no CDN, no build step at run time): htmx, the Source Sans 3 web font and
# a sprite of Lucide icons. The results are committed under static/vendor/;
# run this only to change a version. Versions and licences: static/vendor/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

HTMX=2.0.11
FONT=5.3.1
LUCIDE=1.87.0
ICONS=(house users building-2 clipboard-list folder-kanban chart-column database shield key-round lock log-out search download file-text plus chevron-left triangle-alert circle-check pencil user-plus)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "htmx.org@$HTMX" "@fontsource/source-sans-3@$FONT" "lucide-static@$LUCIDE" >/dev/null)
for archive in "$work"/*.tgz; do
  mkdir -p "${archive%.tgz}" && tar xzf "$archive" -C "${archive%.tgz}"
done
htmx="$work/htmx.org-$HTMX/package"
font="$work/fontsource-source-sans-3-$FONT/package"
lucide="$work/lucide-static-$LUCIDE/package"

out=static/vendor
rm -rf "$out" && mkdir -p "$out/fonts"
cp "$htmx/dist/htmx.min.js" "$out/htmx-$HTMX.min.js"
cp "$htmx/LICENSE" "$out/htmx-LICENSE.txt"
for subset in latin latin-ext; do
  for weight in 400 600 700; do
    cp "$font/files/source-sans-3-$subset-$weight-normal.woff2" "$out/fonts/"
  done
done
cp "$font/LICENSE" "$out/fonts/OFL.txt"
cp "$lucide/LICENSE" "$out/lucide-LICENSE.txt"
{
  echo "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- Lucide $LUCIDE (ISC), see lucide-LICENSE.txt -->"
  for icon in "${ICONS[@]}"; do
    # The icon's shapes, inside a symbol named after it.
    shapes=$(sed -n '/^>$/,/^<\/svg>/p' "$lucide/icons/$icon.svg" | sed '1d;$d' | tr -s ' \n' ' ')
    echo "<symbol id=\"$icon\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">$shapes</symbol>"
  done
  echo "</svg>"
} > "$out/icons.svg"
echo "static/vendor refreshed: htmx $HTMX, Source Sans 3 $FONT, Lucide $LUCIDE (${#ICONS[@]} icons)"
