#!/bin/sh
# `gtmlint check --against REF` on real git repositories built here: the first commit, renames,
# moves, added and removed files, staged against unstaged changes, a branch's merge base, a
# workspace in a subfolder, and the usage errors.
# Usage: against_test.sh GTMLINT_BINARY
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GTMLINT_TODAY=2026-11-01 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
fail() { echo "FAIL: $*"; exit 1; }

# run EXPECTED_EXIT ARGS...: runs gtmlint check in the current folder into $work/out, $work/err.
run() {
  expected=$1
  shift
  set +e
  "$gtmlint" check --format human "$@" > "$work/out" 2> "$work/err"
  code=$?
  set -e
  [ "$code" = "$expected" ] || { cat "$work/out" "$work/err"; fail "exit $code, not $expected: $*"; }
}
has() { grep -qF -- "$1" "$work/out" "$work/err" || { cat "$work/out" "$work/err"; fail "no \`$1\`"; }; }
lacks() { ! grep -qF -- "$1" "$work/out" "$work/err" || { cat "$work/out" "$work/err"; fail "\`$1\` shown"; }; }

repo=$work/repo
git init -q "$repo"
cd "$repo"
cat > people.gtm <<'GTM'
person dana { name = "Dana" }
person bo { name = "Bo" }
GTM
cat > systems.gtm <<'GTM'
system salesforce { kind = crm  owner = dana }
system hubspot { kind = map }
GTM
git add -A

# The first commit: nothing to compare with, so every finding is introduced.
run 1 --against HEAD --staged
has "systems.gtm:2:1: error[owner-required]: system \`hubspot\` has no owner"
has "1 error, 0 warnings, 0 infos introduced since \`HEAD\` (0 fixed, 0 already there)"
git commit -qm first

# Old findings do not count; the JSON summary says what changed.
run 0 --against HEAD
has "0 errors, 0 warnings, 0 infos introduced since \`HEAD\` (0 fixed, 1 already there)"
"$gtmlint" check --against HEAD --format json > "$work/json" || fail "json run"
grep -q '"against": "HEAD"' "$work/json" && grep -q '"unchanged": 1' "$work/json" ||
  { cat "$work/json"; fail "the JSON summary has no change"; }

# A rename and a move into a folder, with lines added above the old finding: nothing new.
git mv systems.gtm tools.gtm
mkdir -p team
git mv people.gtm team/people.gtm
printf '# Systems we run\n\n%s\n' "$(cat tools.gtm)" > tools.gtm
git add -A
run 0 --against HEAD --staged
has "(0 fixed, 1 already there)"
git commit -qm "rename and move"

# Staged against unstaged: an unstaged error is not what is committed.
printf 'system looker { kind = bi }\n' > bi.gtm
run 1 --against HEAD
has "bi.gtm:1:1: error[owner-required]: system \`looker\` has no owner"
run 0 --against HEAD --staged
lacks "looker"
git add bi.gtm
run 1 --against HEAD --staged
has "bi.gtm:1:1: error[owner-required]"
rm bi.gtm
git rm -q --cached bi.gtm
# A tracked file with an unstaged error on top of its staged text: --staged reads the index.
cp tools.gtm "$work/tools.saved"
printf 'system looker { kind = bi }\n' >> tools.gtm
run 0 --against HEAD --staged
lacks "looker"
cp "$work/tools.saved" tools.gtm

# A fix is listed; the findings it leaves are not shown.
sed -i 's/system hubspot { kind = map }/system hubspot { kind = map  owner = bo }/' tools.gtm
run 0 --against HEAD
has "gtmlint: fixed since \`HEAD\`: tools.gtm:4:1: error[owner-required]: system \`hubspot\` has no owner"
has "(1 fixed, 0 already there)"
git commit -qam "hubspot owned by bo"

# Removing a declaration breaks a file the change did not touch; the note shows the removal.
sed -i '/person bo/d' team/people.gtm
run 1 --against HEAD
has "tools.gtm:4:38: error[unresolved-reference]: no person or team named \`bo\`"
has "team/people.gtm:2:1: note: this change removed \`bo\` here"
# Deleting the whole file: the finding says which file declared it.
git checkout -q team/people.gtm
git rm -q team/people.gtm
run 1 --against HEAD --staged
has "this change removed \`bo\` (declared in \`team/people.gtm\`)"
git reset -q --hard HEAD

# A pull request: the branch against its merge base; changes on main since are not its own.
git branch -q -M main
git checkout -q -b feature
printf 'team sdr { lead = dana  channel = "#sdr" }\n' > teams.gtm
git add teams.gtm
git commit -qm "sdr team"
git checkout -q main
printf 'system looker { kind = bi }\n' > bi.gtm
git add bi.gtm
git commit -qm "looker on main"
git checkout -q feature
run 0 --against "$(git merge-base main feature)"
run 0 --against main~1
lacks "looker"

# A workspace in a subfolder of the repository (its own gtmlint.gtm).
mkdir -p gtm
printf 'settings { }\n' > gtm/gtmlint.gtm
printf 'system marketo { kind = map }\n' > gtm/marketing.gtm
git add gtm
git commit -qm "a second workspace"
printf 'system outreach { kind = sequencer }\n' >> gtm/marketing.gtm
(cd gtm && run 1 --against HEAD)
has "marketing.gtm:2:1: error[owner-required]: system \`outreach\` has no owner"
lacks "marketo"
git checkout -q gtm/marketing.gtm

# Usage errors: a revision that names no commit, and a folder outside git.
run 2 --against no-such-branch
has "\`--against no-such-branch\`: \`no-such-branch\` names no commit"
run 2 --staged
has "\`--staged\` needs \`--against REF\`"
mkdir "$work/plain"
printf 'person ana { name = "Ana" }\n' > "$work/plain/a.gtm"
(cd "$work/plain" && run 2 --against HEAD)
has "\`--against\` needs a git repository"

echo "check --against: first commit, renames, moves, staged and unstaged, fixes, removals,"
echo "a merge base, a subfolder workspace and usage errors behave"
