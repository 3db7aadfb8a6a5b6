#!/bin/sh
# The check step of the GitHub Action (action.yml): workflow annotations on standard output and a
# SARIF log to $INPUT_SARIF_FILE, in one run. Exits as `gtmlint check` does (1 when it finds
# errors), after recording the SARIF path as the step output `sarif-file`.
# Inputs (environment): INPUT_PATHS, INPUT_ARGS, INPUT_SARIF_FILE; GTMLINT overrides the binary.
set -eu
gtmlint=${GTMLINT:-gtmlint}
sarif=${INPUT_SARIF_FILE:-gtmlint.sarif}
status=0
# Word splitting of INPUT_ARGS and INPUT_PATHS is intended: they are argument lists.
# shellcheck disable=SC2086
"$gtmlint" check --format github --format "sarif=$sarif" ${INPUT_ARGS:-} ${INPUT_PATHS:-.} || status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
exit "$status"
