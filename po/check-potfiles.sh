#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the source tree: every file under src/ and
# data/ that marks strings for translation must be listed, and every listed
# file must exist. A string in a file missing from POTFILES.in is silently
# left out of every translation, which nobody notices until a Spanish-speaking
# volunteer sees English in the middle of the window.
#
# Usage: check-potfiles.sh SOURCE_ROOT

set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi

srcroot=$1
potfiles="$srcroot/po/POTFILES.in"
skipfile="$srcroot/po/POTFILES.skip"

if [ ! -f "$potfiles" ]; then
  echo "error: $potfiles not found" >&2
  exit 2
fi

cd "$srcroot"

# Entries of a POTFILES-style list, without comments and blank lines.
read_list () {
  [ -f "$1" ] || return 0
  sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$1" | grep -v '^$' || true
}

listed=$(read_list "$potfiles")
skipped=$(read_list "$skipfile")

status=0

# Every entry must name a file that exists.
while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  if [ ! -f "$entry" ]; then
    echo "POTFILES.in lists a file that does not exist: $entry"
    status=1
  fi
done <<< "$listed"

# Every source file with translatable strings must be listed. Build
# directories and hidden directories are pruned so that generated files
# (resources, merged desktop files, ...) are never flagged.
mark='(^|[^A-Za-z0-9_])(N_|C_|NC_|_)[[:space:]]*\(|translatable="yes"'
while IFS= read -r -d '' file; do
  file=${file#./}
  if grep -Eq "$mark" "$file"; then
    if ! grep -Fxq -- "$file" <<< "$listed" && ! grep -Fxq -- "$file" <<< "$skipped"; then
      echo "Missing from po/POTFILES.in: $file"
      status=1
    fi
  fi
done < <(find ./src ./data \
           \( -type d \( -name '.*' -o -name '_build*' -o -name 'build' \) -prune \) -o \
           \( -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) -print0 \) \
           2>/dev/null)

# The list is easier to review and merge when it stays sorted.
if ! diff -q <(printf '%s\n' "$listed") <(printf '%s\n' "$listed" | LC_ALL=C sort) > /dev/null; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)"
  status=1
fi

if [ $status -eq 0 ]; then
  echo "po/POTFILES.in is complete: $(printf '%s\n' "$listed" | grep -c .) files"
fi
exit $status
