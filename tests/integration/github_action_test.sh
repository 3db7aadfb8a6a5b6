#!/bin/sh
# The GitHub Action's check step (scripts/github-action.sh) as a workflow runs it: annotations in
# the workflow-command syntax on standard output, a SARIF log, the step output, the exit status.
# Usage: github_action_test.sh GTMLINT SOURCE_DIR
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# action.yml and the hooks file are YAML GitHub and pre-commit can read (a `: ` inside a plain
# description once made action.yml unreadable).
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$source_dir" <<'PY' || { echo "FAIL: action.yml or .pre-commit-hooks.yaml is not valid YAML"; exit 1; }
import sys, yaml
action = yaml.safe_load(open(sys.argv[1] + "/action.yml"))
assert [s["name"] for s in action["runs"]["steps"]] == ["Build gtmlint", "Check", "Comment on the pull request", "Upload SARIF"]
assert {"against", "comment"} <= set(action["inputs"]) and "diff-file" in action["outputs"]
yaml.safe_load(open(sys.argv[1] + "/.pre-commit-hooks.yaml"))
PY
fi
mkdir -p "$work/repo/.git" "$work/repo/conf,ig"
cd "$work/repo"
printf 'person dana { name = "Dana" }\nsystem salesforce { kind = crm  owner = dnaa }\nsystem hubspot { kind = map  owner = dana  shared_login = true }\n' > conf,ig/stack.gtm

status=0
GTMLINT=$gtmlint GITHUB_OUTPUT="$work/output" INPUT_PATHS=conf,ig INPUT_ARGS="--today 2026-11-01" \
  INPUT_SARIF_FILE="$work/out.sarif" "$source_dir/scripts/github-action.sh" > "$work/annotations" || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, expected 1"; exit 1; }

# One line per finding, in the workflow-command syntax, with `,` and `:` escaped in properties
# and line breaks escaped in the message.
expected_error='::error file=conf%2Cig/stack.gtm,line=2,col=41,endLine=2,endColumn=45,title=gtmlint unresolved-reference::no person or team named `dnaa`; did you mean `dana`?'
expected_warning='::warning file=conf%2Cig/stack.gtm,line=3,col=59,endLine=3,endColumn=63,title=gtmlint shared-login::system `hubspot` is used through a shared login%0Ahelp: give each person their own seat; shared logins hide who changed what'
grep -qxF "$expected_error" "$work/annotations" || { cat "$work/annotations"; echo "FAIL: error annotation"; exit 1; }
grep -qxF "$expected_warning" "$work/annotations" || { cat "$work/annotations"; echo "FAIL: warning annotation"; exit 1; }
[ "$(wc -l < "$work/annotations")" -eq 2 ] || { cat "$work/annotations"; echo "FAIL: expected 2 lines"; exit 1; }
grep -Evq '^::(error|warning|notice) file=[^,]+,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=[^:]+::' "$work/annotations" &&
  { echo "FAIL: a line is not a workflow command"; exit 1; }

grep -qx "sarif-file=$work/out.sarif" "$work/output" || { echo "FAIL: step output"; exit 1; }
grep -q '"ruleId": "unresolved-reference"' "$work/out.sarif" || { echo "FAIL: SARIF log"; exit 1; }

# A clean workspace: no annotations, exit 0.
printf 'person dana { name = "Dana" }\n' > conf,ig/stack.gtm
GTMLINT=$gtmlint INPUT_PATHS=conf,ig INPUT_SARIF_FILE="$work/clean.sarif" "$source_dir/scripts/github-action.sh" > "$work/clean"
[ ! -s "$work/clean" ] || { cat "$work/clean"; echo "FAIL: annotations on a clean workspace"; exit 1; }

# A pull request: a real repository cloned from an origin, a branch that adds one error while the
# base branch already holds another. Only the pull request's own error is annotated and fails it.
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
git init -q "$work/origin"
cd "$work/origin"
printf 'person dana { name = "Dana" }\nsystem legacy { kind = crm }\n' > stack.gtm
git add stack.gtm
git commit -qm base
git branch -q -M main
git clone -q --depth 1 "file://$work/origin" "$work/pr"
cd "$work/pr"
git checkout -q -b add-hubspot
printf 'system hubspot { kind = map  owner = dnaa }\n' > marketing.gtm
git add marketing.gtm
git commit -qm "add hubspot"
git -C "$work/origin" commit -q --allow-empty -m "main moves on"
status=0
GTMLINT=$gtmlint GITHUB_BASE_REF=main INPUT_ARGS="--today 2026-11-01" GITHUB_STEP_SUMMARY="$work/summary.md" \
  GITHUB_OUTPUT="$work/pr.output" RUNNER_TEMP="$work" \
  INPUT_SARIF_FILE="$work/pr.sarif" "$source_dir/scripts/github-action.sh" > "$work/pr.out" 2> "$work/pr.err" || status=$?
[ "$status" -eq 1 ] || { cat "$work/pr.out" "$work/pr.err"; echo "FAIL: pull request exit $status"; exit 1; }
grep -q '^::error file=marketing.gtm,line=1,col=38,.*unresolved-reference' "$work/pr.out" ||
  { cat "$work/pr.out" "$work/pr.err"; echo "FAIL: the pull request's error is not annotated"; exit 1; }
[ "$(wc -l < "$work/pr.out")" -eq 1 ] || { cat "$work/pr.out"; echo "FAIL: the base branch's finding was annotated"; exit 1; }
grep -q "checking the pull request against its merge base with main" "$work/pr.err" ||
  { cat "$work/pr.err"; echo "FAIL: no word on the merge base"; exit 1; }
grep -q '"ruleId": "owner-required"' "$work/pr.sarif" &&
  { echo "FAIL: the SARIF log holds the base branch's finding"; exit 1; }
grep -qF '### gtmlint: what this change does' "$work/summary.md" &&
  grep -qF -- '- introduced: `marketing.gtm:1:38` error `unresolved-reference`' "$work/summary.md" ||
  { cat "$work/summary.md"; echo "FAIL: the job summary does not say what the change does"; exit 1; }
grep -qx "diff-file=$work/gtmlint-diff.md" "$work/pr.output" && cmp -s "$work/gtmlint-diff.md" "$work/summary.md" ||
  { cat "$work/pr.output"; echo "FAIL: the comment step's diff-file output"; exit 1; }
echo "github action: annotations, SARIF and exit status as expected; a pull request is checked"
echo "against its merge base"
