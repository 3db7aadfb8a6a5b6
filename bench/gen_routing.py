#!/usr/bin/env python3
"""Writes a workspace with one routing of N rules over country, industry, employees and a
partner flag, in the shape real routings have (geography x segment x industry, exceptions first,
a few overlaps). Usage: gen_routing.py DIR [N]"""
import os, random, sys

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rnd = random.Random(42)
    countries = [f"C{i:02d}" for i in range(40)]
    industries = [f"I{i:02d}" for i in range(12)]
    os.makedirs(out, exist_ok=True)
    lines = ['person owner { name = "Owner" }', 'system crm { kind = crm  owner = owner }',
             'queue triage { system = crm  owner = owner }']
    for i in range(60):
        lines.append(f'person rep{i} {{ name = "Rep {i}" }}')
    lines.append('field crm.lead.country { type = picklist(%s)  owner = owner  description = "Country." }'
                 % ", ".join(f'"{c}"' for c in countries))
    lines.append('field crm.lead.industry { type = picklist(%s)  owner = owner  description = "Industry." }'
                 % ", ".join(f'"{c}"' for c in industries))
    lines.append('field crm.lead.employees { type = number  owner = owner  description = "Headcount." }')
    lines.append('field crm.lead.partner { type = bool  owner = owner  description = "Partner." }')
    lines.append('routing big {\n  object = crm.lead\n  owner  = owner')
    for i in range(n):
        cs = rnd.sample(countries, rnd.randint(1, 3))
        low = rnd.choice([0, 50, 200, 1000, 5000])
        cond = 'country in [%s] and employees >= %d' % (", ".join(f'"{c}"' for c in cs), low)
        if rnd.random() < 0.5:
            cond += ' and industry == "%s"' % rnd.choice(industries)
        if rnd.random() < 0.1:
            cond = 'partner == true and (%s)' % cond
        lines.append(f'  rule r{i} {{ when = {cond}  assign = rep{rnd.randrange(60)} }}')
    lines.append('  fallback = triage\n}')
    with open(os.path.join(out, "gtmlint.gtm"), "w") as f:  # marks the workspace root
        f.write("# A generated routing (bench/gen_routing.py).\n")
    with open(os.path.join(out, "routing.gtm"), "w") as f:
        f.write("\n".join(lines) + "\n")

main()
