#!/bin/sh
# The pre-commit hook with Debian's real pre-commit: a commit with a violation is blocked, a clean
# one passes. The hook repository is a fresh git repository holding this checkout's
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

echo "pre-commit: violation blocked, clean commit passed, unformatted file fixed; the blocked commit printed:"
cat "$work/blocked.txt"
