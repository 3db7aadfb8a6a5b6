#!/usr/bin/env python3
"""Differential test of `gtmlint diff`'s routing changes against an independent reading of
first-match routing: random pairs of routings (before, after) on three fields, committed to a
real git repository; every lead of a grid that covers every atom is routed here on both sides.
Each lead whose assignee changes must be covered by a reported change with the same assignees,
and each reported change's example lead must route here as the change says.

Usage: diff_routing_differential.py GTMLINT [CASES]"""
import json, os, random, subprocess, sys, tempfile

GTMLINT = os.path.abspath(sys.argv[1])
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 60
INDUSTRIES = ["Healthcare", "Retail", "Tech"]
COUNTRIES = ["DE", "FR", "US"]
NUMBERS = [100, 500, 1000]
PEOPLE = ["ana", "bo", "cy", "dee"]


def condition(rng, depth=0):
    kind = rng.randrange(6 if depth < 2 else 4)
    if kind == 0:
        return ("eq", "industry", rng.choice(INDUSTRIES))
    if kind == 1:
        return ("in", "country", sorted(rng.sample(COUNTRIES, rng.randint(1, 2))))
    if kind == 2:
        return ("ge", "employees", rng.choice(NUMBERS))
    if kind == 3:
        return ("lt", "employees", rng.choice(NUMBERS))
    return ("and" if kind == 4 else "or", condition(rng, depth + 1), condition(rng, depth + 1))


def text(c):
    op = c[0]
    if op == "eq":
        return f'{c[1]} == "{c[2]}"'
    if op == "in":
        return f"{c[1]} in [{', '.join(chr(34) + v + chr(34) for v in c[2])}]"
    if op == "ge":
        return f"{c[1]} >= {c[2]}"
    if op == "lt":
        return f"{c[1]} < {c[2]}"
    return f"({text(c[1])} {op} {text(c[2])})"


def matches(c, lead):
    op = c[0]
    if op in ("and", "or"):
        a, b = matches(c[1], lead), matches(c[2], lead)
        return (a and b) if op == "and" else (a or b)
    value = lead.get(c[1])
    if value is None:
        return False  # an empty field satisfies no comparison
    if op == "eq":
        return value == c[2]
    if op == "in":
        return value in c[2]
    if op == "ge":
        return value >= c[2]
    return value < c[2]


def route(routing, lead):
    for name, cond, who in routing["rules"]:
        if matches(cond, lead):
            return who
    return routing["fallback"] or "nobody"


def random_routing(rng):
    rules = [(f"r{i}", condition(rng), rng.choice(PEOPLE)) for i in range(rng.randint(1, 4))]
    return {"rules": rules, "fallback": rng.choice(PEOPLE + [None])}


def mutate(rng, routing):
    rules = list(routing["rules"])
    change = rng.randrange(4)
    if change == 0 and len(rules) > 1:
        i = rng.randrange(len(rules) - 1)
        rules[i], rules[i + 1] = rules[i + 1], rules[i]
    elif change == 1:
        i = rng.randrange(len(rules))
        rules[i] = (rules[i][0], rules[i][1], rng.choice(PEOPLE))
    elif change == 2:
        i = rng.randrange(len(rules))
        rules[i] = (rules[i][0], condition(rng), rules[i][2])
    else:
        return {"rules": rules, "fallback": rng.choice(PEOPLE + [None])}
    return {"rules": rules, "fallback": routing["fallback"]}


def workspace(routing):
    lines = ["routing inbound {", "  owner  = ana", "  object = salesforce.lead"]
    for name, cond, who in routing["rules"]:
        lines += [f"  rule {name} {{", f"    when   = {text(cond)}", f"    assign = {who}", "  }"]
    if routing["fallback"]:
        lines.append(f"  fallback = {routing['fallback']}")
    lines.append("}")
    return "\n".join(lines) + "\n"


FIXED = """person ana { name = "Ana" }
person bo { name = "Bo" }
person cy { name = "Cy" }
person dee { name = "Dee" }
system salesforce { kind = crm  owner = ana }
field salesforce.lead.industry { type = picklist("Healthcare", "Retail", "Tech")  owner = ana  description = "I." }
field salesforce.lead.employees { type = number  owner = ana  description = "E." }
field salesforce.lead.country { type = text  owner = ana  description = "C." }
"""


def grid():
    for industry in INDUSTRIES + [None]:
        for employees in [None, 99, 100, 101, 499, 500, 501, 999, 1000, 1001]:
            for country in COUNTRIES + ["Other", None]:
                lead = {"industry": industry, "employees": employees, "country": country}
                yield {k: v for k, v in lead.items() if v is not None}


def parse_example(example):
    lead = {}
    for field, value in example.items():
        if value is not None:  # None: the region needs the field empty
            lead[field] = float(value) if field == "employees" else value
    return lead


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def main():
    rng = random.Random(20261202)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@e", GTMLINT_TODAY="2026-12-01")
    os.environ.update(env)
    checked = 0
    with tempfile.TemporaryDirectory() as repo:
        git(repo, "init", "-q")
        with open(os.path.join(repo, "fixed.gtm"), "w") as f:
            f.write(FIXED)
        for case in range(CASES):
            before = random_routing(rng)
            after = mutate(rng, before)
            with open(os.path.join(repo, "routing.gtm"), "w") as f:
                f.write(workspace(before))
            git(repo, "add", "-A")
            git(repo, "commit", "-qm", f"case {case}", "--allow-empty")
            with open(os.path.join(repo, "routing.gtm"), "w") as f:
                f.write(workspace(after))
            out = subprocess.run([GTMLINT, "diff", "--against", "HEAD", "--format", "json"],
                                 cwd=repo, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"case {case}: diff exit {out.returncode}: {out.stderr}")
            changes = [c for c in json.loads(out.stdout)["changes"] if c["reassigned"]]
            undecided = [c for c in json.loads(out.stdout)["changes"] if c["undecided"]]
            if undecided:
                sys.exit(f"case {case}: undecided: {undecided}")
            reported = set()
            for c in changes:
                old, new = c["from"], c["to"]
                reported.add((old, new))
                lead = parse_example(c["example"])
                if (route(before, lead), route(after, lead)) != (old, new):
                    sys.exit(f"case {case}: example {lead} routes {route(before, lead)} -> "
                             f"{route(after, lead)}, not {old} -> {new}\n"
                             f"{workspace(before)}\n{workspace(after)}")
            for lead in grid():
                pair = (route(before, lead), route(after, lead))
                if pair[0] != pair[1] and pair not in reported:
                    sys.exit(f"case {case}: lead {lead} goes {pair[0]} -> {pair[1]}, not reported "
                             f"(reported {sorted(reported)})\n{workspace(before)}\n{workspace(after)}")
                checked += 1
    print(f"diff routing differential: {CASES} cases, {checked} leads routed on both sides agree")


main()
