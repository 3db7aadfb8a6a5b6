#!/usr/bin/env python3
"""Turns `spectral lint --format json` output into the five benchmark counts.
Usage: count.py OUT.json"""
import json, sys

CHECKS = ["field_owner", "unknown_reference", "departed_owner", "handoff_incomplete", "workaround_review"]

def main():
    text = open(sys.argv[1]).read()
    results = json.loads(text) if text.strip() else []
    print(json.dumps({check: sum(1 for r in results if r["code"] == check) for check in CHECKS}))

main()
