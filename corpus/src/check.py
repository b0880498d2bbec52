#!/usr/bin/env python3
"""Sanity checks of the generated corpus against its own truth files:
every date's raw text is on its page, every table row starts on its page,
every record's page matches its row. Needs poppler-utils (pdftotext)."""
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)


def undouble(text):
    """One character per glyph again where a Quartz-style ToUnicode gave a
    glyph several equivalent code points (⽣生 -> 生, ⾏行行 -> 行): a run of
    characters that fold to one ideograph and hold exactly one unified
    ideograph besides radicals / compatibility forms is one character."""
    out = []
    i = 0
    while i < len(text):
        u = unicodedata.normalize("NFKC", text[i])
        j = i + 1
        while j < len(text) and unicodedata.normalize("NFKC", text[j]) == u and len(u) == 1:
            j += 1
        run = text[i:j]
        if len(run) > 1 and sum(c == u for c in run) == 1:
            out.append(u)
        else:
            out.append(run)
        i = j
    return "".join(out)


def page_text(pdf, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-raw", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    out = undouble(out)
    out = unicodedata.normalize("NFKC", out)  # fold Kangxi / compatibility ideographs
    return re.sub(r"\s+", "", out)


def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def main():
    bad = 0
    for tf in sorted(glob.glob(os.path.join(CORPUS, "truth", "*.truth.json"))):
        truth = json.load(open(tf, encoding="utf-8"))
        pdf = os.path.join(CORPUS, truth["file"])
        pages = {p: page_text(pdf, p) for p in range(1, truth["pages"] + 1)}
        for d in truth["dates"]:
            if squash(d["raw"]) not in pages[d["page"]]:
                print(f"{truth['file']}: date {d['raw']!r} not on page {d['page']}")
                bad += 1
        for o in truth["outline"]:
            if squash(o["title"])[:6] not in pages[o["page"]]:
                print(f"{truth['file']}: outline {o['label']} {o['title']!r} not on page {o['page']}")
                bad += 1
        row_page = {}
        for t in truth["tables"]:
            for i, row in enumerate(t["rows"]):
                row_page[(t["id"], i)] = None
        for r in truth["records"]:
            tid = r.get("tableId", r["table"])
            ri = r.get("rowIndex", r["row"])
            if tid is None:
                continue
            tab = next(t for t in truth["tables"] if t["id"] == tid)
            first = next((c for c in tab["rows"][ri] if c.strip()), "")
            probe = squash(first)[:4]
            if probe and probe not in pages[r["page"]]:
                print(f"{truth['file']}: {tid} row {ri} ({probe!r}) not on page {r['page']}")
                bad += 1
        print(f"{truth['file']}: {truth['pages']} pages, {len(truth['tables'])} tables, "
              f"{len(truth['records'])} records, {len(truth['dates'])} dates checked")
    print(f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
