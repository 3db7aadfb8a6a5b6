#!/bin/sh
# `gtmlint diff --against REF` on a real git repository: each kind of change a reviewer needs
# named, in human, Markdown and JSON, and every routing change's example lead confirmed with
# `gtmlint route` on both sides (the revision checked out with `git worktree`).
# Usage: diff_test.sh GTMLINT_BINARY
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GTMLINT_TODAY=2026-12-01 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$1" "$work/out" || { cat "$work/out"; fail "no \`$1\`"; }; }

repo=$work/repo
git init -q "$repo"
cd "$repo"
cat > people.gtm <<'GTM'
person ana { name = "Ana" }
person bo { name = "Bo" }
person victor { name = "Victor" }
queue healthcare_queue { members = [ana, victor] }
team sdr { lead = ana  channel = "#sdr" }
team ae { lead = victor  channel = "#ae" }
GTM
cat > fields.gtm <<'GTM'
system salesforce { kind = crm  owner = ana }
field salesforce.lead.industry { type = picklist("Healthcare", "Retail", "Tech")  owner = ana  description = "Industry." }
field salesforce.lead.employees { type = number  owner = ana  description = "Headcount." }
field salesforce.lead.country { type = text  owner = ana  description = "Country." }
field salesforce.lead.fax { type = text  owner = ana  description = "Fax." }
GTM
cat > routing.gtm <<'GTM'
routing inbound {
  owner  = ana
  object = salesforce.lead
  rule healthcare_enterprise {
    when   = industry == "Healthcare" and employees >= 1000
    assign = victor
  }
  rule emea {
    when   = country in ["DE", "FR"]
    assign = bo
  }
  rule retail {
    when   = industry == "Retail"
    assign = ana
  }
  fallback = ana
}
handoff sdr_to_ae {
  from    = sdr
  to      = ae
  trigger = "meeting booked"
  notify  = [slack("#ae")]
  sla     = 4h
}
GTM
git add -A
git commit -qm base

# An unchanged workspace: nothing to say, exit 0.
"$gtmlint" diff --against HEAD > "$work/out"
has "0 changes; 0 findings introduced (0 errors), 0 fixed"

# The change under review.
sed -i 's/    assign = victor/    assign = healthcare_queue/' routing.gtm
sed -i 's/employees >= 1000/employees >= 500/' routing.gtm
sed -i 's/person bo { name = "Bo" }/person bo { name = "Bo"  left = 2026-11-30 }/' people.gtm
sed -i 's/"Healthcare", "Retail", "Tech"/"Healthcare", "Tech"/' fields.gtm
sed -i 's/  sla     = 4h/  sla     = 8h/' routing.gtm
sed -i '/field salesforce.lead.fax/d' fields.gtm
printf 'field salesforce.lead.source { type = text  owner = bo  description = "Lead source." }\n' >> fields.gtm
"$gtmlint" diff --against HEAD > "$work/out" || fail "diff exit $?"
has 'routing `inbound`: leads rule `healthcare_enterprise` took and still takes: victor -> healthcare_queue; e.g. industry = "Healthcare" and employees = 1000'
has 'routing `inbound`: leads rule `emea` took and rule `healthcare_enterprise` takes now: bo -> healthcare_queue; e.g. industry = "Healthcare" and employees = 500 and country = "DE"'
has 'routing `inbound`: leads no rule took and rule `healthcare_enterprise` takes now: ana -> healthcare_queue; e.g. industry = "Healthcare" and employees = 500 and country = "Other"'
has 'routing `inbound`: rule `retail` can no longer fire'
has 'person `bo`: left on 2026-11-30; still named by field `salesforce.lead.source`, routing `inbound` / rule `emea`'
has 'handoff `sdr_to_ae`: sla: 4h -> 8h'
has 'field `salesforce.lead.industry`: picklist value "Retail" removed; still compared with by routing `inbound` / rule `retail`'
has 'field `salesforce.lead.source`: added'
has 'field `salesforce.lead.fax`: removed'
has 'introduced: routing.gtm:10:14: error[owner-departed]: assignee `bo` has left'

# Every routing change's example, routed on both sides, goes where the diff says.
git worktree add -q "$work/before" HEAD
"$gtmlint" diff --against HEAD --format json > "$work/diff.json"
python3 - "$work/diff.json" > "$work/examples" <<'PY'
import json, sys
for change in json.load(open(sys.argv[1]))["changes"]:
    if change["reassigned"]:
        args = " ".join(f"{k}={v}" for k, v in change["example"].items() if v is not None)
        print(f"{change['from']}|{change['to']}|{args}")
PY
[ "$(wc -l < "$work/examples")" -eq 3 ] || { cat "$work/examples"; fail "expected 3 routing changes"; }
# assigned_to FILE WHO: route's verdict in FILE names WHO (through a rule or the fallback).
assigned_to() { grep -Eq "^assigned to $2( |\$)|the fallback assigns it to $2\$" "$1"; }
while IFS='|' read -r before after lead; do
  # shellcheck disable=SC2086
  (cd "$work/before" && "$gtmlint" route $lead) > "$work/route_before"
  # shellcheck disable=SC2086
  "$gtmlint" route $lead > "$work/route_now"
  assigned_to "$work/route_before" "$before" || { cat "$work/route_before"; fail "route at HEAD for $lead is not $before"; }
  assigned_to "$work/route_now" "$after" || { cat "$work/route_now"; fail "route now for $lead is not $after"; }
done < "$work/examples"

# Markdown for a pull request, and --fail-on.
"$gtmlint" diff --against HEAD --format markdown > "$work/out"
has '### gtmlint: what this change does (against `HEAD`)'
has '**Routing**'
has '- routing `inbound`: leads rule `healthcare_enterprise` took and still takes: victor -> healthcare_queue'
has '**Findings**: 4 introduced (4 errors, 0 warnings), 0 fixed'
status=0; "$gtmlint" diff --against HEAD --fail-on errors > /dev/null || status=$?
[ "$status" -eq 1 ] || fail "--fail-on errors exit $status"
status=0; "$gtmlint" diff --against HEAD --fail-on unassigned > /dev/null || status=$?
[ "$status" -eq 0 ] || fail "--fail-on unassigned exit $status (no lead is left unassigned)"

# Leads left unassigned: the fallback removed; a routing switched off; one added.
git checkout -q -- .
sed -i '/  fallback = ana/d' routing.gtm
"$gtmlint" diff --against HEAD > "$work/out" || true
has 'leads no rule took or takes (the fallback'"'"'s): ana -> nobody (unassigned); e.g.'
status=0; "$gtmlint" diff --against HEAD --fail-on unassigned > /dev/null || status=$?
[ "$status" -eq 1 ] || fail "--fail-on unassigned exit $status"
git checkout -q -- .
sed -i 's/^  owner  = ana$/  owner  = ana\n  active = false/' routing.gtm
printf 'automation score { owner = ana  active = false }\n' >> routing.gtm
"$gtmlint" diff --against HEAD > "$work/out" || true
has 'routing `inbound`: switched off: the leads it routed are no longer assigned by it'
has 'automation `score`: added'
status=0; "$gtmlint" diff --against HEAD --fail-on unassigned > /dev/null || status=$?
[ "$status" -eq 1 ] || fail "switching the routing off passed --fail-on unassigned (exit $status)"
git checkout -q -- .
git rm -q routing.gtm
status=0; "$gtmlint" diff --against HEAD --fail-on unassigned > "$work/out" || status=$?
[ "$status" -eq 1 ] && has 'routing `inbound`: removed: the leads it routed are no longer assigned by it' ||
  fail "removing the routing passed --fail-on unassigned (exit $status)"
git reset -q --hard HEAD

# Queue members and team leads are people changes; order alone is no change.
sed -i 's/queue healthcare_queue { members = \[ana, victor\] }/queue healthcare_queue { members = [bo] }/' people.gtm
sed -i 's/  notify  = \[slack("#ae")\]/  notify  = [slack("#ae"), email("ae@example.com")]/' routing.gtm
"$gtmlint" diff --against HEAD > "$work/out" || true
has 'queue `healthcare_queue`: members: [ana, victor] -> [bo]'
has 'handoff `sdr_to_ae`: notify: [slack("#ae")] -> [slack("#ae"), email("ae@example.com")]'
git checkout -q -- .
sed -i 's/queue healthcare_queue { members = \[ana, victor\] }/queue healthcare_queue { members = [victor, ana] }/' people.gtm
sed -i 's/  sla     = 4h/  sla     = 240m/' routing.gtm
"$gtmlint" diff --against HEAD > "$work/out"
has "0 changes; 0 findings introduced (0 errors), 0 fixed"
git checkout -q -- .

# Someone who owns many fields: a few are named, the rest counted.
for i in 1 2 3 4 5 6; do
  printf 'field salesforce.lead.extra%s { type = text  owner = victor  description = "Extra." }\n' "$i" >> fields.gtm
done
git commit -qam "victor owns six fields"
sed -i 's/person victor { name = "Victor" }/person victor { name = "Victor"  left = 2026-11-30 }/' people.gtm
"$gtmlint" diff --against HEAD > "$work/out" || true
has 'person `victor`: left on 2026-11-30; still named by field `salesforce.lead.extra1`, field `salesforce.lead.extra2`, field `salesforce.lead.extra3`, 3 more fields, queue `healthcare_queue`, routing `inbound` / rule `healthcare_enterprise`, team `ae`'
git reset -q --hard HEAD~1

# Usage errors.
status=0; "$gtmlint" diff > "$work/out" 2>&1 || status=$?
[ "$status" -eq 2 ] && has "needs \`--against REF\`" || fail "diff without --against exit $status"
status=0; "$gtmlint" diff --against HEAD --fail-on unasigned > "$work/out" 2>&1 || status=$?
[ "$status" -eq 2 ] && has "did you mean \`unassigned\`?" || fail "--fail-on typo exit $status"

echo "diff: routing reassignments (confirmed by route on both sides), unassigned leads, shadowed"
echo "rules, switched-off routings, departures, handoffs, fields and findings; Markdown, JSON, --fail-on"
