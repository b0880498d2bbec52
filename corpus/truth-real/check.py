#!/usr/bin/env python3
"""Consistency check for the real-corpus truth files (not a scorer).

For every *.truth.json here: the keys of README.md are there; every row has
the header's width and so does every headerRows row; records have exactly the
fields of their type; every non-empty cell (and every '/'-part of a header
label) can be found in the PDF's text layer on the table's pages when the
file's textLayer is "sound" (pdftotext, whitespace removed, NFKC; a cell that
wraps may be found as a few consecutive pieces). Prints per-file table, cell,
record and ICDAR-2013 adjacency-relation counts.

Usage: corpus/truth-real/check.py [files...]   (needs pdftotext; PDFs from
../shared/corpus-real relative to the repo root, or $REAL_CORPUS)
"""
import glob, json, os, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.environ.get("REAL_CORPUS", os.path.join(here, "..", "..", "..", "shared", "corpus-real"))
_cache = {}

FIELDS = {
    "trip": {"page", "planName", "itemNumber", "areaCode", "startDate", "endDate", "destination",
             "travellers", "travellerCount", "budgetTWD", "budgetRaw", "outcomes"},
    "proposal": {"page", "list", "item", "itemRaw", "group", "organization", "proposer", "title",
                 "centralAgency", "note", "review", "resolution"},
    "form": {"page", "title", "fields", "values"},
    "scheduleItem": {"page", "date", "start", "end", "activity"},
}
CLASSES = {"macosDoubledCharacters", "multiRowHeader", "stubHeader", "sideBySidePairs",
           "lastRowAloneOnNextPage", "budgetTripSpread", "keyValueForm", "rulesColumnsOnlyProse",
           "underlinedText", "rowBrokenByPageBreak", "implicitRowSpan", "rotatedPage", "scanned",
           "garbledTextLayer", "nonEmbeddedCJKFont", "unruled"}


def norm(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def page_text(pdf, page, mode):
    key = (pdf, page, mode)
    if key not in _cache:
        args = ["pdftotext", "-f", str(page), "-l", str(page)] + ([mode] if mode else []) + [os.path.join(corpus, pdf), "-"]
        out = subprocess.run(args, capture_output=True, text=True).stdout
        _cache[key] = norm(out)
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


def dedoubled(text):
    """pdftotext doubles some glyphs (radical + ideograph); a cell written from
    the image has one: accept a text with any character repeated once."""
    out = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


problems = 0
totals = [0, 0, 0, 0]
publishers = set()
manifest = {}
try:
    with open(os.path.join(corpus, "MANIFEST.tsv")) as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            manifest[row["file"]] = row
except OSError:
    pass


def problem(msg):
    global problems
    print(msg)
    problems += 1


for path in sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.truth.json"))):
    d = json.load(open(path))
    pdf = d["file"]
    if pdf in manifest:
        publishers.add(manifest[pdf]["publisher"])
    for key in ("file", "pages", "textLayer", "source", "tables", "records", "classes"):
        if key not in d:
            problem(f"{pdf}: no {key!r}")
    layer = d.get("textLayer")
    if layer not in ("sound", "garbled", "none"):
        problem(f"{pdf}: textLayer {layer!r}")
    for c in d.get("classes", []):
        if c not in CLASSES:
            problem(f"{pdf}: unknown class {c!r}")
    nt = nc = nr = 0
    for ti, t in enumerate(d.get("tables", [])):
        if not set(t["pages"]) <= set(d["pages"]):
            problem(f"{pdf} table {ti}: pages {t['pages']} not in the file's pages")
        header = t.get("header")
        if header is None:
            problem(f"{pdf} table {ti}: no header key")
            header = []
        grid = ([header] if header else []) + t["rows"]
        if not grid:
            problem(f"{pdf} table {ti}: empty")
            continue
        width = len(grid[0])
        for r, row in enumerate(grid):
            if len(row) != width:
                problem(f"{pdf} table {ti} row {r}: width {len(row)} != {width}")
        for r, row in enumerate(t.get("headerRows") or []):
            if len(row) != width:
                problem(f"{pdf} table {ti} headerRows {r}: width {len(row)} != {width}")
        if layer == "sound":
            texts = ["".join(page_text(pdf, p, m) for p in t["pages"]) for m in ("-raw", None, "-layout")]
            texts += [dedoubled(x) for x in texts]
            cells = [c for row in t["rows"] for c in row if c] + [p for c in header for p in c.split("/") if p]
            excepted = set(d.get("imageNotTextLayer", []))
            for c in cells:
                raw = norm(c)
                if c in excepted:
                    continue
                if raw and not any(found(raw, x) for x in texts):
                    problem(f"{pdf} table {ti}: not in the text layer: {c[:60]!r}")
        nt += 1
        nc += sum(1 for row in grid for c in row if c.strip())
        nr += relations(grid)
    nrec = 0
    for ri, rec in enumerate(d.get("records", [])):
        kind = rec.get("type")
        want = FIELDS.get(kind)
        if want is None:
            problem(f"{pdf} record {ri}: type {kind!r}")
            continue
        have = set(rec) - {"type"}
        if have != want:
            problem(f"{pdf} record {ri} ({kind}): missing {sorted(want - have)}, extra {sorted(have - want)}")
        if rec.get("page") not in d["pages"]:
            problem(f"{pdf} record {ri}: page {rec.get('page')} not in the file's pages")
        nrec += 1
    for pt in d.get("pageTexts", []):
        if pt.get("page") not in d["pages"] or not pt.get("text"):
            problem(f"{pdf}: pageTexts entry for page {pt.get('page')}")
    totals = [a + b for a, b in zip(totals, (nt, nc, nr, nrec))]
    print(f"{pdf}: pages {d['pages']}, {nt} tables, {nc} cells, {nr} relations, {nrec} records")
print(f"total: {totals[0]} tables, {totals[1]} cells, {totals[2]} relations, {totals[3]} records; "
      f"{len(publishers)} publishers; {problems} problems")
sys.exit(1 if problems else 0)
