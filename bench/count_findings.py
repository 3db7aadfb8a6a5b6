#!/usr/bin/env python3
"""Turns `gtmlint check --format json` output into the five benchmark counts, so that gtmlint's
answer can be compared with the planted violations and the peers'. Usage: count_findings.py OUT.json"""
import json, sys

def main():
    diagnostics = json.load(open(sys.argv[1]))["diagnostics"]
    by_rule = lambda *rules: [d for d in diagnostics if d["rule"] in rules]
    handoff_findings = by_rule("handoff-trigger", "handoff-notify", "handoff-sla", "handoff-escalation")
    print(json.dumps({
        "field_owner": len(by_rule("owner-required")),
        "unknown_reference": len(by_rule("unresolved-reference")),
        "departed_owner": len(by_rule("owner-departed")),
        "handoff_incomplete": len({(d["file"], d["line"]) for d in handoff_findings}),
        "workaround_review": len(by_rule("workaround-review-date", "workaround-expired")),
    }))

main()
