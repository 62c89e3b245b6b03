#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line's --export and --import, run as a person runs them:
# exit codes, the summary, and a dry run that changes nothing.
set -eu

groundwork=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seed=$(cd "$(dirname "$0")" && pwd)/fuzz/seeds/exchange/all-areas.json
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

fail () {
  echo "not ok - $*"
  exit 1
}

echo "1..9"

# A file with nothing in it makes an empty database, and says so.
cat > empty.json <<'EOF'
{"format": "groundwork-exchange", "version": 1, "exported": "2026-11-01T10:00:00Z",
 "organization": "", "privacy": "full", "areas": ["members"],
 "unity_versions": [], "members": [], "member_events": []}
EOF
"$groundwork" --database a.db --import empty.json > out.txt 2> err.txt || fail "importing an empty file exits 0"
grep -q "Made a new database" out.txt || fail "a new database is announced"
"$groundwork" --database b.db --import empty.json > /dev/null 2>&1 || fail "b.db is made"

# An empty database exports, readable by the user alone.
"$groundwork" --database a.db --export all.json > out.txt 2> err.txt || fail "export exits 0"
grep -q '"format": "groundwork-exchange"' all.json || fail "export writes the format"
[ "$(stat -c %a all.json)" = 600 ] || fail "export is 0600"
echo "ok 1 export"

# A dry run says what would change, and changes nothing.
cp b.db b-before.db
"$groundwork" --database b.db --import all.json --dry-run > out.txt 2> err.txt || fail "dry run exits 0"
grep -q "dry run" out.txt || fail "dry run says so"
cmp -s b.db b-before.db || fail "dry run changes nothing"
echo "ok 2 dry run"

# Importing prints a summary per area.
"$groundwork" --database b.db --import all.json > out.txt 2> err.txt || fail "import exits 0"
grep -q "unchanged" out.txt || fail "import prints counts"
echo "ok 3 import"

# A file of another version is refused with the reason on stderr.
printf '{"format": "groundwork-exchange", "version": 2}' > v2.json
if "$groundwork" --database b.db --import v2.json > out.txt 2> err.txt; then
  fail "a version 2 file is refused"
fi
grep -q "version 2" err.txt || fail "the refusal names the version"
echo "ok 4 refuses another version"

# A counts-only export cannot be imported.
"$groundwork" --database a.db --export counts.json --privacy counts > /dev/null
if "$groundwork" --database b.db --import counts.json > out.txt 2> err.txt; then
  fail "a counts-only file is refused"
fi
[ -s err.txt ] || fail "the refusal says why"
echo "ok 5 refuses counts"

# Without --privacy, contact details stay on this computer, as in the
# window; --privacy full takes them along.
"$groundwork" --database c.db --import "$seed" > /dev/null 2> err.txt || fail "the seed imports"
"$groundwork" --database c.db --export default.json > /dev/null
"$groundwork" --database c.db --export full.json --privacy full > /dev/null
grep -q '"phone"' full.json || fail "a full export has phone numbers"
if grep -q -e '"phone"' -e '"email"' default.json; then
  fail "the default export leaves out phone numbers and e-mail addresses"
fi
echo "ok 6 contact details stay by default"

# A mistyped database path is not made into a new database: an export or a
# dry run refuses it, and a refused import takes away what it made.
if "$groundwork" --database missing/typo.db --export x.json > out.txt 2> err.txt; then
  fail "an export from a missing database is refused"
fi
grep -q "no database" err.txt || fail "the refusal says there is no database"
[ ! -e missing ] && [ ! -e x.json ] || fail "a refused export makes nothing"
if "$groundwork" --database missing/typo.db --import all.json --dry-run > out.txt 2> err.txt; then
  fail "a dry run into a missing database is refused"
fi
[ ! -e missing ] || fail "a refused dry run makes nothing"
if "$groundwork" --database missing/typo.db --import v2.json > out.txt 2> err.txt; then
  fail "a version 2 file is refused"
fi
[ ! -e missing ] || fail "a refused import into a new database leaves nothing behind"
echo "ok 7 a missing database is not made by mistake"

# --demo opens a window; it is not a database to export or import.
if "$groundwork" --demo --export x.json > out.txt 2> err.txt; then
  fail "--demo with --export is refused"
fi
grep -q -- "--demo" err.txt || fail "the refusal names --demo"
[ ! -e x.json ] || fail "nothing is exported with --demo"
echo "ok 8 --demo does not go with --export"

# A read-only database is refused before the file is read; a dry run of it
# still says what would change.
cp b.db ro.db
chmod 444 ro.db
if "$groundwork" --database ro.db --import all.json > out.txt 2> err.txt; then
  fail "an import into a read-only database is refused"
fi
grep -q "read-only" err.txt || fail "the refusal says the database is read-only"
grep -q "dry-run" err.txt || fail "the refusal offers a dry run"
[ ! -s out.txt ] || fail "no preview is printed before the refusal"
"$groundwork" --database ro.db --import all.json --dry-run > out.txt 2> err.txt || fail "a dry run of a read-only database works"
grep -q "dry run" out.txt || fail "the dry run says so"
echo "ok 9 a read-only database is refused up front"
