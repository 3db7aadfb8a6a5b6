#!/bin/sh
# The check step of the GitHub Action (action.yml): workflow annotations on standard output and a
# SARIF log to $INPUT_SARIF_FILE, in one run. Exits as `gtmlint check` does (1 when it finds
# errors), after recording the SARIF path as the step output `sarif-file`.
# In a pull request (GITHUB_BASE_REF set) the check is against the merge base with the base
# branch, so only the findings the pull request introduces are reported and fail it.
# Inputs (environment): INPUT_PATHS, INPUT_ARGS, INPUT_SARIF_FILE, INPUT_AGAINST (`auto`: the
# merge base in a pull request, nothing otherwise; `none`; or a git revision); GTMLINT overrides
# the binary. In a pull request, `gtmlint diff` (what the change does) goes to
# $GITHUB_STEP_SUMMARY and to the file named by the step output `diff-file` (INPUT_DIFF_FILE,
# default $RUNNER_TEMP/gtmlint-diff.md), which the action's comment step posts.
set -eu
gtmlint=${GTMLINT:-gtmlint}
sarif=${INPUT_SARIF_FILE:-gtmlint.sarif}
against=${INPUT_AGAINST:-auto}

if [ "$against" = auto ]; then
  against=none
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
    # A shallow checkout may not hold the base branch or the history back to the merge base.
    git rev-parse -q --verify "$base" >/dev/null ||
      git fetch -q --no-tags origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base"
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
      git fetch -q --no-tags --unshallow origin
    fi
    against=$(git merge-base "$base" HEAD)
    echo "gtmlint: checking the pull request against its merge base with $GITHUB_BASE_REF ($against)" >&2
  fi
fi
against_args=""
[ "$against" = none ] || against_args="--against $against"

status=0
# Word splitting of INPUT_ARGS, INPUT_PATHS and against_args is intended: they are argument lists.
# shellcheck disable=SC2086
"$gtmlint" check --format github --format "sarif=$sarif" $against_args ${INPUT_ARGS:-} ${INPUT_PATHS:-.} || status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
# What the change does, for the reviewer: the job summary, and the file the comment step posts.
if [ "$against" != none ]; then
  diff_file=${INPUT_DIFF_FILE:-${RUNNER_TEMP:-.}/gtmlint-diff.md}
  if "$gtmlint" diff --against "$against" --format markdown --output "$diff_file"; then
    [ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$diff_file" >> "$GITHUB_STEP_SUMMARY"
    [ -n "${GITHUB_OUTPUT:-}" ] && echo "diff-file=$diff_file" >> "$GITHUB_OUTPUT"
  else
    echo "gtmlint: could not describe the change (see above)" >&2
  fi
fi
exit "$status"
