#!/usr/bin/env python3
"""Writes the findings gtmlint reports into a golden case as expectation comments.

Usage: scripts/annotate_golden.py BUILD/cli/gtmlint CASE.gtm...
Existing expectation lines are replaced. Review the result: it pins what the tool says now.
"""
import json, os, re, subprocess, sys, tempfile

EXPECT = re.compile(r"^#( *)(\^+) (error|warning|info|note|fix)|^# expect@")

def split_case(text, default):
    files, name, cur, split = [], default, [], False
    for line in text.split("\n"):
        if line.startswith("# --- "):
            files.append((name if split else None, cur))  # a split case's preamble is no file
            name, cur, split = line[6:].strip(), [], True
            continue
        cur.append(line)
    files.append((name, cur))
    return files

def main():
    binary = os.path.abspath(sys.argv[1])
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        files = [(n, [l for l in lines if not EXPECT.match(l)]) for n, lines in split_case(text, os.path.basename(path))]
        args = ["check"]
        for _, lines in files:
            for l in lines:
                if l.startswith("# ARGS:"): args = l[7:].split()
        with tempfile.TemporaryDirectory() as d:
            for n, lines in files:
                if n is None: continue
                os.makedirs(os.path.dirname(os.path.join(d, n)), exist_ok=True)
                open(os.path.join(d, n), "w", encoding="utf-8").write("\n".join(lines))
            out = subprocess.run([binary, args[0], "--format", "json"] + args[1:], cwd=d, capture_output=True, text=True).stdout
        report = json.loads(out)
        per_file = {}
        def add(file, line, col, eline, ecol, text):
            per_file.setdefault(file, []).append((line, col, eline, ecol, text))
        for dg in report["diagnostics"]:
            add(dg["file"], dg["line"], dg["column"], dg["end_line"], dg["end_column"], f'{dg["severity"]}[{dg["rule"]}]: {dg["message"]}')
            for nt in dg["notes"]:
                add(nt["file"], nt["line"], nt["column"], nt["end_line"], nt["end_column"], f'note[{dg["rule"]}]: {nt["message"]}')
            if "fix" in dg:
                fx = dg["fix"]
                add(fx["file"], fx["line"], fx["column"], fx["end_line"], fx["end_column"], f'fix: {fx["title"]}')
        out_lines = []
        for n, lines in files:
            if n is None:
                out_lines.extend(lines)
                continue
            if len(files) > 1 or n != os.path.basename(path):
                out_lines.append(f"# --- {n}")
            items = per_file.get(n, [])
            under = {}
            explicit = []
            for it in items:
                line, col, eline, ecol, msg = it
                if eline == line and col > 1 and ecol > col:
                    under.setdefault(line, []).append(it)
                else:
                    explicit.append(it)
            # final line numbers shift by the comment lines inserted above
            shift, final = 0, {}
            for i in range(1, len(lines) + 2):
                final[i] = i + shift
                shift += len(under.get(i, []))
            body = []
            for i, l in enumerate(lines, 1):
                body.append(l)
                for (line, col, eline, ecol, msg) in under.get(i, []):
                    body.append("#" + " " * (col - 2) + "^" * (ecol - col) + " " + msg)
            for (line, col, eline, ecol, msg) in explicit:
                fl = final.get(line, line + shift)
                fe = final.get(eline, eline + shift)
                body.insert(len(body) - (1 if body and body[-1] == "" else 0), f"# expect@{fl}:{col}-{fe}:{ecol}: {msg}")
            out_lines.extend(body)
        open(path, "w", encoding="utf-8").write("\n".join(out_lines))

main()
