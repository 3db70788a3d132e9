#!/usr/bin/env bash
# Checks a sibench report.html in headless Chromium:
#   check-report.sh REPORT.html [SECTION_ID ...]
# Fails (exit 1) when Chromium's log has a console line mentioning an error ("CONSOLE" and "error") or an
# uncaught exception ("Uncaught"), when the DOM Chromium builds refers to the network (src/href/url() with
# http:, https: or //), or when one of the given section ids is missing from that DOM. Every host name
# resolves to nothing, so nothing is fetched even then. Chromium's log does not give a console message's
# level: a console.error whose text does not contain "error" is not caught (the report has no script).
# With SCREENSHOT=out.png set, it also writes a screenshot (WINDOW_SIZE, default 1400,6000). CHROMIUM
# names the browser binary. Exit 2: usage error or no Chromium found.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 REPORT.html [SECTION_ID ...]" >&2
  exit 2
fi
report=$1
shift
if [[ ! -f $report ]]; then
  echo "check-report: no file $report" >&2
  exit 2
fi
browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
  done
fi
if [[ -z $browser ]]; then
  echo "check-report: no chromium found (set CHROMIUM, or apt-get install chromium)" >&2
  exit 2
fi

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --no-first-run --hide-scrollbars "--host-resolver-rules=MAP * ~NOTFOUND")

status=0
"$browser" "${flags[@]}" --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --dump-dom "$url" \
  >"$work/dom.html" 2>"$work/stderr.log" || { echo "check-report: $browser failed on $report" >&2; status=1; }

errors=$(grep -i 'CONSOLE' "$work/stderr.log" | grep -i 'error' || true)
uncaught=$(grep 'Uncaught' "$work/stderr.log" || true)
if [[ -n $errors || -n $uncaught ]]; then
  echo "check-report: console errors in $report:" >&2
  printf '%s\n' "$errors" "$uncaught" | sed '/^$/d' >&2
  status=1
fi
if [[ ! -s $work/dom.html ]]; then
  echo "check-report: empty DOM for $report" >&2
  status=1
fi
network=$(grep -Eio "(src|href)=[\"']?[[:space:]]*(https?:)?//[^\"' >]*|url\([\"']?[[:space:]]*(https?:)?//[^)]*" \
  "$work/dom.html" | head -5 || true)
if [[ -n $network ]]; then
  echo "check-report: $report refers to the network:" >&2
  printf '%s\n' "$network" >&2
  status=1
fi
for id in "$@"; do
  if ! grep -q "id=\"$id\"" "$work/dom.html"; then
    echo "check-report: section id '$id' missing in $report" >&2
    status=1
  fi
done

if [[ -n ${SCREENSHOT:-} ]]; then
  shot=$(cd "$(dirname "$SCREENSHOT")" && pwd)/$(basename "$SCREENSHOT")
  "$browser" "${flags[@]}" --user-data-dir="$work/profile2" --screenshot="$shot" \
    --window-size="${WINDOW_SIZE:-1400,6000}" "$url" >/dev/null 2>&1 \
    || { echo "check-report: screenshot failed" >&2; status=1; }
  [[ -s $shot ]] && echo "check-report: screenshot $shot"
fi

if [[ $status -eq 0 ]]; then
  echo "check-report: ok: $report ($# section ids found, no console errors)"
fi
exit $status
