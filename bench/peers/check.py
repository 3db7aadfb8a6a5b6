#!/usr/bin/env python3
"""The hand-written checker a RevOps engineer would write instead of gtmlint: five checks over
the JSON export of the stack (field owner, unknown references, departed owners, handoff
completeness, workaround review dates). Prints the count of findings per check as JSON.
Usage: check.py DATA.json TODAY"""
import json, sys

def main():
    data = json.load(open(sys.argv[1]))
    today = sys.argv[2]
    names = {p["name"] for p in data["people"]} | {t["name"] for t in data["teams"]} | {s["name"] for s in data["systems"]}
    departed = {p["name"] for p in data["people"] if p.get("left") and p["left"] <= today}
    refs = [f["owner"] for f in data["fields"] if f.get("owner")]
    refs += [h["escalate"] for h in data["handoffs"] if h.get("escalate")]
    refs += [w["owner"] for w in data["workarounds"] if w.get("owner")]
    refs += [t["lead"] for t in data["teams"] if t.get("lead")]
    refs += [s["owner"] for s in data["systems"] if s.get("owner")]
    refs += [r["assign"] for routing in data.get("routings", []) for r in routing["rules"] if r.get("assign")]
    counts = {
        "field_owner": sum(1 for f in data["fields"] if not f.get("owner")),
        "unknown_reference": sum(1 for r in refs if r not in names),
        "departed_owner": sum(1 for r in refs if r in departed),
        "handoff_incomplete": sum(1 for h in data["handoffs"]
                                  if not (h.get("trigger") and h.get("notify") and h.get("sla") and h.get("escalate"))),
        "workaround_review": sum(1 for w in data["workarounds"] if not w.get("review_by") or w["review_by"] < today),
    }
    print(json.dumps(counts))

main()
