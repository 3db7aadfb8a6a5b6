#!/usr/bin/env python3
"""Differential test of routing semantics: random routings with text patterns (starts_with,
contains, not contains), case-varied constants, picklists, multi-select `includes`, numbers and
empty values, checked three ways on many leads:
  - an independent reading of Salesforce's documented assignment-rule semantics (below: entries
    in order, first match wins; text compared case-insensitively; `contains` and `starts with`
    false on an empty field; a multi-select `includes` holds one of its `;`-separated values),
  - `gtmlint route` (the lead evaluator) on each lead, which must take the same rule,
  - `gtmlint check` (the condition space): every routing-gap example must be a lead no rule takes
    (confirmed by route and by this reading), no generated lead may fall through a routing
    with no gap reported, and no lead may reach a rule reported as shadowed.
Usage: routing_semantics_differential.py GTMLINT [ROUTINGS]"""
import json, os, random, subprocess, sys, tempfile

GTMLINT = os.path.abspath(sys.argv[1])
ROUTINGS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
rng = random.Random(20261203)

WORDS = ["Retail", "retail:CFR", "F&B Management", "Bank", "ENT", "Enterprise", "Hong Kong", "Kong",
         "TAIWAN, ROC", "ré", "RÉ", "Test", "te"]
PICK = ["Web", "Spam", "Event"]
MULTI = ["CRM", "CPQ", "Billing"]


def fold(text):
    return text.lower()  # ASCII and Latin-1 letters, as the documented semantics need here


# --- conditions: (kind, field, value) leaves combined with and/or/not ----------------------------
def leaf():
    kind = rng.choice(["eq", "in", "starts", "contains", "pick", "multi", "num", "empty"])
    if kind in ("eq", "starts", "contains"):
        word = rng.choice(WORDS)
        if rng.random() < 0.3:
            word = word.upper() if rng.random() < 0.5 else word.lower()
        return (kind, "industry", word)
    if kind == "in":
        return ("in", "industry", rng.sample(WORDS, 2))
    if kind == "pick":
        return ("pick", "source", rng.choice(PICK + ["spam", "WEB"]))
    if kind == "multi":
        return ("multi", "products", rng.choice(MULTI))
    if kind == "num":
        return ("num", "employees", rng.choice([10, 50, 1000]))
    return ("empty", rng.choice(["industry", "source"]), None)


def condition(depth=0):
    r = rng.random()
    if depth >= 2 or r < 0.45:
        return leaf()
    if r < 0.6:
        return ("not", condition(depth + 1))
    return (rng.choice(["and", "or"]), condition(depth + 1), condition(depth + 1))


def quote(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def gtm(c):
    op = c[0]
    if op == "not":
        return f"not ({gtm(c[1])})"
    if op in ("and", "or"):
        return f"({gtm(c[1])} {op} {gtm(c[2])})"
    field, value = c[1], c[2]
    return {"eq": lambda: f"{field} == {quote(value)}",
            "in": lambda: f"{field} in [{', '.join(quote(v) for v in value or [])}]",
            "starts": lambda: f"starts_with({field}, {quote(value)})",
            "contains": lambda: f"contains({field}, {quote(value)})",
            "pick": lambda: f"{field} == {quote(value)}",
            "multi": lambda: f"includes({field}, {quote(value)})",
            "num": lambda: f"{field} >= {value}",
            "empty": lambda: f"{field} == none"}[op]()


def holds(c, lead):
    op = c[0]
    if op == "not":
        return not holds(c[1], lead)
    if op == "and":
        return holds(c[1], lead) and holds(c[2], lead)
    if op == "or":
        return holds(c[1], lead) or holds(c[2], lead)
    field, value = c[1], c[2]
    given = lead.get(field, "")
    if op == "empty":
        return given == ""
    if op == "num":
        return given != "" and float(given) >= value
    if op in ("eq", "pick"):
        return given != "" and fold(given) == fold(value)
    if op == "in":
        return given != "" and fold(given) in [fold(v) for v in value]
    if given == "":
        return False
    if op == "starts":
        return fold(given).startswith(fold(value))
    if op == "contains":
        return fold(value) in fold(given)
    return fold(value) in [fold(v.strip()) for v in given.split(";")]  # multi: includes


def words_of(c):
    if c[0] in ("not", "and", "or"):
        return [w for part in c[1:] for w in words_of(part)]
    if isinstance(c[2], str):
        return [c[2]]
    return list(c[2]) if isinstance(c[2], list) else []


def leads_for(rules):
    words = [w for _, c in rules for w in words_of(c)] + WORDS
    leads = [{}]
    for _ in range(40):
        lead = {}
        if rng.random() < 0.8:
            a, b = rng.choice(words), rng.choice(words)
            lead["industry"] = rng.choice([a, a.upper(), a.lower(), a + " " + b, b + a, "x" + a, "Other"])
        if rng.random() < 0.7:
            lead["source"] = rng.choice(PICK + ["spam", "WEB"])
        if rng.random() < 0.6:
            lead["products"] = ";".join(rng.sample(MULTI, rng.randint(1, 3)))
        if rng.random() < 0.6:
            lead["employees"] = str(rng.choice([5, 10, 49, 50, 999, 1000, 2000]))
        leads.append(lead)
    return leads


def first_match(rules, lead):
    for name, c in rules:
        if holds(c, lead):
            return name
    return None


def run(args, cwd):
    return subprocess.run([GTMLINT] + args, cwd=cwd, capture_output=True, text=True)


def route_rule(workdir, routing, lead):
    args = ["route", "--routing", routing] + [f"{k}={v}" for k, v in lead.items()]
    out = run(args, workdir)
    if out.returncode != 0:
        raise SystemExit(f"route failed for {lead}: {out.stderr}")
    for line in out.stdout.splitlines():
        if line.endswith(": matches"):
            return line.split(". ", 1)[1].rsplit(":", 1)[0]
    return None


def main():
    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory() as workdir:
        header = ('person ana { name = "Ana" }\nsystem salesforce { kind = crm  owner = ana }\n'
                  'field salesforce.lead.industry { type = text }\n'
                  f'field salesforce.lead.source {{ type = picklist({", ".join(quote(p) for p in PICK)}) }}\n'
                  f'field salesforce.lead.products {{ type = multipicklist({", ".join(quote(p) for p in MULTI)}) }}\n'
                  'field salesforce.lead.employees { type = number }\n')
        for n in range(ROUTINGS):
            rules = [(f"r{i}", condition()) for i in range(rng.randint(1, 5))]
            body = "".join(f"  rule {name} {{ when = {gtm(c)}  assign = ana }}\n" for name, c in rules)
            open(os.path.join(workdir, "w.gtm"), "w").write(
                header + f"routing t{n} {{\n  object = salesforce.lead\n{body}}}\n")
            report = json.loads(run(["check", "--format", "json", "--select", "routing", "."], workdir).stdout)
            findings = report["diagnostics"]
            gaps = [d for d in findings if d["rule"] == "routing-gap"]
            undecided = [d for d in findings if d["rule"] == "routing-undecided"]
            shadowed = {d["message"].split("`")[1] for d in findings if d["rule"] == "routing-shadowed"}
            if undecided:
                failures += 1
                print(f"t{n}: undecided without a formula: {undecided[0]['message']}")
            leads = leads_for(rules)
            for lead in leads:
                expected = first_match(rules, lead)
                got = route_rule(workdir, f"t{n}", lead)
                checked += 1
                if expected != got:
                    failures += 1
                    print(f"t{n}: lead {lead}: Salesforce's reading takes {expected}, route takes {got}\n{body}")
                if expected is None and not gaps:
                    failures += 1
                    print(f"t{n}: lead {lead} matches no rule, but no routing-gap was reported\n{body}")
                if expected in shadowed:
                    failures += 1
                    print(f"t{n}: lead {lead} reaches {expected}, reported as shadowed\n{body}")
            for gap in gaps:
                example = gap["message"].split("a lead with ", 1)[1].rsplit(" matches no rule", 1)[0]
                lead = {} if example == "any lead" else parse_example(example)
                if first_match(rules, lead) is not None or route_rule(workdir, f"t{n}", lead) is not None:
                    failures += 1
                    print(f"t{n}: the gap example {lead} is taken by a rule\n{body}")
    print(f"{ROUTINGS} routings, {checked} leads: {failures} disagreements")
    sys.exit(1 if failures else 0)


def parse_example(text):
    lead = {}
    for part in text.split(" and "):
        if part.endswith(" empty"):
            continue
        name, value = part.split(" = ", 1)
        lead[name] = value[1:-1] if value.startswith('"') else value
    return lead


main()
