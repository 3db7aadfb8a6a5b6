#!/usr/bin/env python3
"""Writes a generated workspace of N fields in about N/5000 files (at least 1), with people,
teams, systems, handoffs, workarounds and a routing in proportion, and a fixed set of planted
violations. Usage: gen_workspace.py DIR N"""
import os, sys

def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    people = max(20, n // 100)
    files = max(1, n // 5000)
    with open(os.path.join(out, "gtmlint.gtm"), "w") as f:
        f.write("settings {\n  rules {\n    field-dead  = off\n    field-ghost = off\n  }\n}\n")
    with open(os.path.join(out, "people.gtm"), "w") as f:
        for t in range(10):
            f.write(f'team team{t} {{ lead = p{t}  channel = "#team{t}" }}\n')
        for p in range(people):
            left = '  left = 2026-01-31' if p % 97 == 96 else ''  # planted: departed people
            f.write(f'person p{p} {{ name = "Person {p}"  team = team{p % 10}{left} }}\n')
        for s in range(10):
            f.write(f'system sys{s} {{ kind = crm  owner = p{s}  admins = [p{s}] }}\n')
    per_file = (n + files - 1) // files
    field = 0
    for i in range(files):
        with open(os.path.join(out, f"fields{i:04d}.gtm"), "w") as f:
            for _ in range(per_file):
                if field >= n:
                    break
                owner = '' if field % 1000 == 999 else f'  owner = p{field % people}'  # planted: no owner
                f.write(f'field sys{field % 10}.obj{field // 10 % 50}.f{field} {{ type = text{owner}  description = "Field {field}." }}\n')
                field += 1
    with open(os.path.join(out, "flows.gtm"), "w") as f:
        for h in range(max(1, n // 1000)):
            sla = '' if h % 10 == 9 else '  sla = 4h'  # planted: no SLA
            f.write(f'handoff h{h} {{ from = team{h % 10}  to = team{(h + 1) % 10}  trigger = true  notify = [task(team{h % 10})]{sla}  escalate = p{h % people} }}\n')
        for w in range(max(1, n // 1000)):
            f.write(f'workaround w{w} {{ owner = p{w % people}  reason = "Temporary."  review_by = 2027-0{1 + w % 9}-01 }}\n')

main()
