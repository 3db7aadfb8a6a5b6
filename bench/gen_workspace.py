#!/usr/bin/env python3
"""Generates a GTM workspace of N fields in about N/5000 files, with people, teams, systems,
handoffs, workarounds and a routing in proportion (fields of about 135 bytes, as in the
reference configuration of the performance issue), planted violations, the same data as one JSON
document for the peer tools, and the expected number of findings of the five benchmark checks.

Usage: gen_workspace.py DIR N [PEOPLE]   (PEOPLE defaults to N/100, at least 20)
Writes DIR/*.gtm, DIR.json (the data) and DIR.expected.json (counts per check)."""
import json, os, sys

TODAY = "2026-11-23"

def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    people_count = int(sys.argv[3]) if len(sys.argv) > 3 else max(20, n // 100)
    people = [{"name": f"p{p}", "full_name": f"Person {p}", "team": f"team{p % 10}",
               "left": "2026-01-31" if p % 97 == 96 else None} for p in range(people_count)]
    departed = {p["name"] for p in people if p["left"]}
    teams = [{"name": f"team{t}", "lead": f"p{t}"} for t in range(10)]
    systems = [{"name": f"sys{s}", "kind": "crm", "owner": f"p{s}"} for s in range(10)]
    fields = []
    for f in range(n):
        owner = f"p{f % people_count}"
        if f % 1000 == 999:
            owner = None                      # planted: a field without an owner
        elif f % 5000 == 1234:
            owner = f"nobody{f}"              # planted: a reference to nobody
        obj = f"obj{f // 10 % 50}"
        fields.append({"path": f"sys{f % 10}.{obj}.f{f}", "type": "text", "owner": owner, "label": f"Field {f}",
                       "description": f"Field {f} of {obj}, used by the report."})
    handoffs = []
    for h in range(max(1, n // 1000)):
        handoffs.append({"name": f"h{h}", "from": f"team{h % 10}", "to": f"team{(h + 1) % 10}", "trigger": True,
                         "notify": [f"task(team{h % 10})"], "sla": None if h % 10 == 9 else "4h",  # planted
                         "escalate": f"p{h % people_count}"})
    workarounds = []
    for w in range(max(1, n // 1000)):
        review = None if w % 7 == 6 else ("2026-01-01" if w % 11 == 10 else f"2027-0{1 + w % 9}-01")  # planted
        workarounds.append({"name": f"w{w}", "owner": f"p{w % people_count}", "reason": "Temporary.", "review_by": review})

    routings = [make_routing(n, people_count)]

    write_gtm(out, n, people, teams, systems, fields, handoffs, workarounds, routings)
    with open(out.rstrip("/") + ".json", "w") as f:
        json.dump({"people": people, "teams": teams, "systems": systems, "fields": fields,
                   "handoffs": handoffs, "workarounds": workarounds, "routings": routings}, f)
    names = {p["name"] for p in people} | {t["name"] for t in teams} | {s["name"] for s in systems}
    refs = [f["owner"] for f in fields if f["owner"]] + [h["escalate"] for h in handoffs] + \
           [w["owner"] for w in workarounds] + [t["lead"] for t in teams] + [s["owner"] for s in systems] + \
           [r["assign"] for routing in routings for r in routing["rules"]]
    expected = {
        "field_owner": sum(1 for f in fields if f["owner"] is None),
        "unknown_reference": sum(1 for r in refs if r not in names),
        "departed_owner": sum(1 for r in refs if r in departed),
        "handoff_incomplete": sum(1 for h in handoffs if not (h["trigger"] and h["notify"] and h["sla"] and h["escalate"])),
        "workaround_review": sum(1 for w in workarounds if w["review_by"] is None or w["review_by"] < TODAY),
    }
    with open(out.rstrip("/") + ".expected.json", "w") as f:
        json.dump(expected, f)

COUNTRIES = [f"C{c:02d}" for c in range(20)]

def make_routing(n, people_count):
    """One inbound routing of n/10,000 rules (at least 5) over country and headcount, each rule a
    country band; every 7th rule assigns to person p96, who has left (planted)."""
    rules = []
    for r in range(max(5, n // 10000)):
        assign = "p96" if r % 7 == 6 and people_count > 96 else f"p{r % people_count}"
        rules.append({"name": f"r{r}", "country": COUNTRIES[r % len(COUNTRIES)], "min_employees": r // len(COUNTRIES) * 100,
                      "assign": assign})
    return {"name": "inbound", "object": "sys0.lead", "owner": "p0", "rules": rules, "fallback": "triage"}

def write_routing(f, routing):
    f.write('field sys0.lead.country { type = picklist(%s)  owner = p0  description = "Country." }\n'
            % ", ".join(f'"{c}"' for c in COUNTRIES))
    f.write('field sys0.lead.employees { type = number  owner = p0  description = "Headcount." }\n')
    f.write('queue triage { system = sys0  owner = p0 }\n')
    f.write(f'routing {routing["name"]} {{\n  object = {routing["object"]}\n  owner = {routing["owner"]}\n')
    for r in routing["rules"]:
        f.write(f'  rule {r["name"]} {{ when = country == "{r["country"]}" and employees >= {r["min_employees"]}  assign = {r["assign"]} }}\n')
    f.write(f'  fallback = {routing["fallback"]}\n}}\n')

def write_gtm(out, n, people, teams, systems, fields, handoffs, workarounds, routings):
    with open(os.path.join(out, "gtmlint.gtm"), "w") as f:
        f.write("settings {\n  rules {\n    field-dead  = off\n    field-ghost = off\n  }\n}\n")
    with open(os.path.join(out, "people.gtm"), "w") as f:
        for t in teams:
            f.write(f'team {t["name"]} {{ lead = {t["lead"]}  channel = "#{t["name"]}" }}\n')
        for p in people:
            left = f'  left = {p["left"]}' if p["left"] else ""
            f.write(f'person {p["name"]} {{ name = "{p["full_name"]}"  team = {p["team"]}{left} }}\n')
        for s in systems:
            f.write(f'system {s["name"]} {{ kind = {s["kind"]}  owner = {s["owner"]} }}\n')
    per_file = 5000
    for i in range(0, len(fields), per_file):
        with open(os.path.join(out, f"fields{i // per_file:04d}.gtm"), "w") as f:
            for field in fields[i:i + per_file]:
                owner = f'  owner = {field["owner"]}' if field["owner"] else ""
                f.write(f'field {field["path"]} {{ type = {field["type"]}  label = "{field["label"]}"{owner}'
                        f'  description = "{field["description"]}" }}\n')
    with open(os.path.join(out, "flows.gtm"), "w") as f:
        for h in handoffs:
            sla = f'  sla = {h["sla"]}' if h["sla"] else ""
            f.write(f'handoff {h["name"]} {{ from = {h["from"]}  to = {h["to"]}  trigger = true  notify = [{", ".join(h["notify"])}]{sla}  escalate = {h["escalate"]} }}\n')
        for w in workarounds:
            review = f'  review_by = {w["review_by"]}' if w["review_by"] else ""
            f.write(f'workaround {w["name"]} {{ owner = {w["owner"]}  reason = "{w["reason"]}"{review} }}\n')
        for routing in routings:
            write_routing(f, routing)

main()
