#!/usr/bin/env python3
"""Consistency check for the shared-corpus truth files (not a scorer).

For every *.truth.json here: every row has the header's width, every
non-empty cell (and every '/'-part of a header label) can be found in the
PDF's text layer on the table's pages (pdftotext, whitespace removed; a cell
that wraps may be found as a few consecutive pieces), with the text layer's
own code points (compatibility ideographs included). Prints per-file table,
cell and ICDAR-2013 adjacency-relation counts.

Usage: corpus/truth-shared/check.py [files...]   (needs pdftotext; PDFs from
../shared/corpus relative to the repo root, or $SHARED_CORPUS)
"""
import glob, json, os, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.environ.get("SHARED_CORPUS", os.path.join(here, "..", "..", "..", "shared", "corpus"))
_cache = {}


def page_text(pdf, page, mode):
    key = (pdf, page, mode)
    if key not in _cache:
        args = ["pdftotext", "-f", str(page), "-l", str(page)] + ([mode] if mode else []) + [os.path.join(corpus, pdf), "-"]
        out = subprocess.run(args, capture_output=True, text=True).stdout
        _cache[key] = "".join(ch for ch in out if not ch.isspace())
    return _cache[key]


def found(cell, text):
    """cell equals a run of pieces of text (each >= 2 chars, or punctuation)"""
    i = 0
    while i < len(cell):
        j = next((j for j in range(len(cell), i, -1) if cell[i:j] in text), None)
        if j is None:
            return False
        if j - i == 1 and i + 1 < len(cell) and unicodedata.category(cell[i])[0] not in "PS":
            return False
        i = j
    return True


def norm(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def relations(grid):
    cells = [[norm(c) for c in row] for row in grid]
    n = 0
    for r, row in enumerate(cells):
        for c, t in enumerate(row):
            if not t:
                continue
            n += any(row[c + 1:])
            n += any(c < len(below) and below[c] for below in cells[r + 1:])
    return n


problems = 0
totals = [0, 0, 0]
for path in sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.truth.json"))):
    d = json.load(open(path))
    pdf = d["file"]
    nt = nc = nr = 0
    for ti, t in enumerate(d["tables"]):
        assert set(t["pages"]) <= set(d["pages"]), (path, ti)
        grid = ([t["header"]] if t["header"] else []) + t["rows"]
        width = len(grid[0])
        for r, row in enumerate(grid):
            if len(row) != width:
                print(f"{pdf} table {ti} row {r}: width {len(row)} != {width}")
                problems += 1
        texts = [ "".join(page_text(pdf, p, m) for p in t["pages"]) for m in ("-raw", None, "-layout")]
        cells = [c for row in t["rows"] for c in row if c] + [p for c in t["header"] for p in c.split("/") if p]
        for c in cells:
            raw = "".join(ch for ch in c if not ch.isspace())
            if not any(found(raw, x) for x in texts):
                print(f"{pdf} table {ti}: not in the text layer: {c[:60]!r}")
                problems += 1
        nt += 1
        nc += sum(1 for row in grid for c in row if c.strip())
        nr += relations(grid)
    totals = [a + b for a, b in zip(totals, (nt, nc, nr))]
    print(f"{pdf}: pages {d['pages']}, {nt} tables, {nc} cells, {nr} adjacency relations")
print(f"total: {totals[0]} tables, {totals[1]} cells, {totals[2]} relations; {problems} problems")
sys.exit(1 if problems else 0)
