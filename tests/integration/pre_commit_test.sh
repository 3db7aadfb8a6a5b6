#!/bin/sh
# The pre-commit hook with Debian's real pre-commit: a commit that introduces an error anywhere in
# the workspace is blocked (a typo, an offboarding that breaks routing in another file, a new file
# re-declaring a person, a deleted file); one that leaves old findings as they were passes. The hook repository is a fresh git repository holding this checkout's
# .pre-commit-hooks.yaml, referenced by path and commit, as users reference ours by URL and tag.
# Usage: pre_commit_test.sh GTMLINT_BINARY_DIR SOURCE_DIR
set -eu
binary_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$binary_dir:$PATH" PRE_COMMIT_HOME="$work/cache" GTMLINT_TODAY=2026-11-01
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com

git init -q "$work/hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

repo="$work/config"
git init -q "$repo"
cd "$repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: gtmlint
      - id: gtmlint-fmt
YAML
printf 'person dana { name = "Dana" }\nsystem salesforce { kind = crm  owner = dana }\n' > people.gtm
git add .pre-commit-config.yaml people.gtm
pre-commit install >/dev/null
git commit -qm "clean workspace" || { echo "FAIL: a clean commit was blocked"; exit 1; }

printf 'system hubspot { kind = map  owner = dnaa }\n' > marketing.gtm
git add marketing.gtm
if git commit -qm "typo in an owner" > "$work/blocked.txt" 2>&1; then
  cat "$work/blocked.txt"; echo "FAIL: a commit with an error was not blocked"; exit 1
fi
grep -q "error\[unresolved-reference\]: no person or team named \`dnaa\`; did you mean \`dana\`?" "$work/blocked.txt" ||
  { cat "$work/blocked.txt"; echo "FAIL: the hook did not report the error"; exit 1; }

printf 'system hubspot { kind = map  owner = dana }\n' > marketing.gtm
git add marketing.gtm
git commit -qm "fixed" > "$work/passed.txt" 2>&1 || { cat "$work/passed.txt"; echo "FAIL: the fixed commit was blocked"; exit 1; }
# gtmlint-fmt: an unformatted file is rewritten and the commit stopped; staged again, it passes.
printf 'team sdr {lead=dana}\n' > teams.gtm
git add teams.gtm
if git commit -qm "unformatted" > "$work/unformatted.txt" 2>&1; then
  cat "$work/unformatted.txt"; echo "FAIL: an unformatted file was committed"; exit 1
fi
grep -q "files were modified by this hook" "$work/unformatted.txt" ||
  { cat "$work/unformatted.txt"; echo "FAIL: gtmlint-fmt did not rewrite the file"; exit 1; }
[ "$(cat teams.gtm)" = "team sdr { lead = dana }" ] || { echo "FAIL: teams.gtm is $(cat teams.gtm)"; exit 1; }
git add teams.gtm
git commit -qm "formatted" > /dev/null 2>&1 || { echo "FAIL: the formatted file was blocked"; exit 1; }

# A workspace with old findings (committed without the hook): an unrelated change passes.
cat > routing.gtm <<'GTM'
person bo { name = "Bo" }
field salesforce.lead.country { type = text  owner = dana  description = "Billing country." }
routing inbound {
  owner  = dana
  object = salesforce.lead
  rule emea {
    when   = country == "DE"
    assign = bo
  }
  fallback = dana
}
team legacy { }
GTM
git add routing.gtm
git commit -qm "old debt: a team without a lead" --no-verify
printf 'team sdr { lead = dana  channel = "#sdr" }\n' > teams.gtm
git add teams.gtm
git commit -qm "unrelated" > "$work/unrelated.txt" 2>&1 ||
  { cat "$work/unrelated.txt"; echo "FAIL: old findings blocked an unrelated commit"; exit 1; }

# Offboarding bo in people.gtm while routing.gtm still assigns him leads: blocked, and the
# finding in the untouched file points at the line that caused it.
printf 'person dana { name = "Dana" }\nsystem salesforce { kind = crm  owner = dana }\n' > people.gtm
sed -i 's/person bo { name = "Bo" }/person bo { name = "Bo"  left = 2026-10-31 }/' routing.gtm
git add routing.gtm
git commit -qm "reset" --no-verify
git mv routing.gtm inbound.gtm
sed -i '/person bo/d' inbound.gtm
printf 'person bo { name = "Bo"  left = 2026-10-31 }\n' >> people.gtm
git add -A
git commit -qm "move" --no-verify
sed -i 's/person bo { name = "Bo"  left = 2026-10-31 }/person bo { name = "Bo" }/' people.gtm
git add people.gtm
git commit -qm "bo back" --no-verify
sed -i 's/person bo { name = "Bo" }/person bo { name = "Bo"  left = 2026-10-31 }/' people.gtm
git add people.gtm
if git commit -qm "offboard bo" > "$work/offboarding.txt" 2>&1; then
  cat "$work/offboarding.txt"; echo "FAIL: the offboarding commit was not blocked"; exit 1
fi
grep -q "inbound.gtm:7:14: error\[owner-departed\]: assignee \`bo\` has left" "$work/offboarding.txt" &&
  grep -q "people.gtm:3:33: note: this change: \`bo\` left on 2026-10-31" "$work/offboarding.txt" ||
  { cat "$work/offboarding.txt"; echo "FAIL: the hook did not report the offboarding"; exit 1; }
git reset -q --hard HEAD

# A new file that re-declares a person: blocked, reported at the new file.
printf 'person dana { name = "Dana Two" }\n' > a_new_people.gtm
git add a_new_people.gtm
if git commit -qm "re-declare dana" > "$work/redeclared.txt" 2>&1; then
  cat "$work/redeclared.txt"; echo "FAIL: the re-declaration was not blocked"; exit 1
fi
grep -q "a_new_people.gtm:1:1: error\[duplicate-name\]" "$work/redeclared.txt" ||
  { cat "$work/redeclared.txt"; echo "FAIL: duplicate-name not at the new file"; exit 1; }
git rm -qf a_new_people.gtm

# Deleting the file that declares dana: blocked, though no staged .gtm file is left to check.
git rm -q people.gtm
if git commit -qm "delete people" > "$work/deleted.txt" 2>&1; then
  cat "$work/deleted.txt"; echo "FAIL: deleting people.gtm was not blocked"; exit 1
fi
grep -q "error\[unresolved-reference\]: no person or team named \`dana\`" "$work/deleted.txt" ||
  { cat "$work/deleted.txt"; echo "FAIL: the deletion was not reported"; exit 1; }
git reset -q --hard HEAD

echo "pre-commit: typo, offboarding, re-declaration and deletion blocked; clean, fixed and unrelated"
echo "commits passed; unformatted file fixed. The offboarding commit printed:"
cat "$work/offboarding.txt"
