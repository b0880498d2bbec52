"""Reads a document's workbook back as an analyst would (openpyxl, pandas,
LibreOffice's CSV of every sheet) and checks it against the document's JSON,
computing what each cell should be on its own (not with gazette's code):

  every logical table is a sheet, linked from the index; its title and unit
  above it; its header rows as printed; its body with plain figures as
  numbers (1,234 -> 1234 shown #,##0; (525) or △525 -> -525; 12.5% -> 0.125
  shown 0.0%), dashes empty, other cells as text; merged cells exactly the
  document's spans; the header frozen, an autofilter on its last row; every
  column's width set and wide enough for its cells (CJK counted double).

Usage: check_table_sheets.py BOOK.xlsx DOCUMENT.json LIBREOFFICE_CSV_DIR
Prints one JSON object: {"problems": [...], "checked": {...}}.
"""
import csv, json, os, re, sys, unicodedata
from decimal import Decimal

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

xlsx, doc_path, lo_dir = sys.argv[1:4]
doc = json.load(open(doc_path, encoding="utf-8"))
stem = os.path.splitext(os.path.basename(xlsx))[0]
problems = []
checked = {"tables": 0, "cells": 0, "figures": 0, "merges": 0, "widths": 0, "libreoffice": 0, "pandas": 0}

DASHES = {"-", "－", "—", "–", "─", "--", "―"}
TEXT_COLUMN_WORDS = ["期間", "日期", "年月", "時間", "期別", "代碼", "代號", "編號", "電話"]
FIGURE = re.compile(r"^([+\-−△])?\s*(\()?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%)?\s*(\))?$")


def figure(text):
    """(value, decimals, percent) of a plain figure, or None."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = FIGURE.match(t)
    if not m:
        return None
    sign, open_paren, whole, fraction, percent, close_paren = m.groups()
    if bool(open_paren) != bool(close_paren) or (sign and open_paren):
        return None
    digits = whole.replace(",", "")
    if len(digits) > 1 and digits[0] == "0":
        return None
    if len(digits.lstrip("0")) + len(fraction or "") > 15:
        return None
    value = Decimal(digits + ("." + fraction if fraction else ""))
    if sign in ("-", "−", "△") or open_paren:
        value = -value
    return value, len(fraction or ""), bool(percent)


def expected_cell(text):
    """What a body cell should hold: ('null',), ('figure', v, d, pct) or ('text', t)."""
    if text.strip() == "" or "".join(text.split()) in DASHES:
        return ("null",)
    f = figure(text)
    if f:
        return ("figure",) + f
    return ("text", text)


def shown(value, decimals, percent):
    """The figure as its number format shows it."""
    if percent:
        return f"{value:.{decimals}f}%"
    return f"{value:,.{decimals}f}"


def display_width(text):
    longest = current = 0
    for ch in text:
        if ch in "\r\n":
            longest, current = max(longest, current), 0
            continue
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        current += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return max(longest, current)


def pages_text(pages):
    out, pages, i = [], sorted(set(pages)), 0
    while i < len(pages):
        j = i
        while j + 1 < len(pages) and pages[j + 1] == pages[j] + 1:
            j += 1
        out.append(str(pages[i]) if i == j else f"{pages[i]}-{pages[j]}")
        i = j + 1
    return ", ".join(out)


book = openpyxl.load_workbook(xlsx)
if book.sheetnames[0] != "index":
    problems.append(f"the first sheet is {book.sheetnames[0]!r}, not the index")
index = book["index"]
rows = list(index.iter_rows(values_only=True))
header = list(rows[0])
entries = [dict(zip(header, row)) for row in rows[1:]]
table_entries = [e for e in entries if e["kind"] == "table"]
record_entries = [e for e in entries if e["kind"] == "records"]
if [e["id"] for e in table_entries] != [t["id"] for t in doc["tables"]]:
    problems.append(f"index tables {[e['id'] for e in table_entries]} != the document's {[t['id'] for t in doc['tables']]}")
types = []
for r in doc["records"]:
    if r["type"] not in types:
        types.append(r["type"])
if sorted(e["id"] for e in record_entries) != sorted(types):
    problems.append(f"index record sheets {[e['id'] for e in record_entries]} != the types {types}")
for e in record_entries:
    count = sum(1 for r in doc["records"] if r["type"] == e["id"])
    if e["rows"] != count:
        problems.append(f"index: {e['id']} has {e['rows']} rows for {count} records")
names = [e["sheet"] for e in entries]
if len(set(n.lower() for n in names)) != len(names):
    problems.append(f"sheet names are not unique: {names}")
for n in book.sheetnames:
    if len(n.encode("utf-16-le")) // 2 > 31 or any(c in n for c in "[]:*?/\\"):
        problems.append(f"sheet name {n!r} is too long or has a forbidden character")
if book.sheetnames != ["index"] + [e["sheet"] for e in table_entries] + [e["sheet"] for e in record_entries]:
    problems.append(f"sheet order {book.sheetnames}")
for row in index.iter_rows(min_row=2):
    link = row[0].hyperlink
    want = "'" + str(row[0].value).replace("'", "''") + "'!A1"
    if link is None or link.location != want:
        problems.append(f"index {row[0].coordinate}: link {link.location if link else None!r}, not {want!r}")

frames = pd.read_excel(xlsx, sheet_name=None, header=None)

for table, entry in zip(doc["tables"], table_entries):
    name = entry["sheet"]
    where = f"{stem} {table['id']} (sheet {name!r})"
    if name not in book.sheetnames:
        problems.append(f"{where}: no such sheet")
        continue
    ws = book[name]
    checked["tables"] += 1
    head, body = table["headerRows"], table["rows"]
    h = len(head)
    width = max([len(r) for r in head + body] + [len(table["header"])])
    if entry["rows"] != len(body) or entry["columns"] != width:
        problems.append(f"{where}: index says {entry['rows']} x {entry['columns']}, not {len(body)} x {width}")
    if entry["pages"] != pages_text(table["pages"]):
        problems.append(f"{where}: index pages {entry['pages']!r}")
    if table["unit"] and not entry["unit"]:
        problems.append(f"{where}: no unit in the index")
    if table["title"] and ws["A1"].value != table["title"]:
        problems.append(f"{where}: A1 is {ws['A1'].value!r}, not the title")
    if ws["A2"].value != table["unit"]:
        problems.append(f"{where}: A2 is {ws['A2'].value!r}, not the unit {table['unit']!r}")

    wide = set()  # cells merged across columns do not count for widths
    want_merges = set()
    for s in table["spans"]:
        base = 3 + (h if s["part"] == "body" else 0)
        limit = h if s["part"] == "header" else len(body)
        top, left = base + s["row"], s["col"] + 1
        bottom = base + min(s["row"] + s["rowSpan"], limit) - 1
        right = min(s["col"] + s["colSpan"], width)
        if s["colSpan"] > 1:
            wide.add((top, left))
        if bottom > top or right > left:
            want_merges.add(f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}")
    got_merges = {str(r) for r in ws.merged_cells.ranges}
    if got_merges != want_merges:
        problems.append(f"{where}: merges {sorted(got_merges)} != spans {sorted(want_merges)}")
    checked["merges"] += len(want_merges)

    needed = [0] * (width + 1)
    grid = []
    for r, row in enumerate(head):
        for c, text in enumerate(row):
            cell = ws.cell(3 + r, c + 1)
            want = text if text.strip() else None
            if cell.value != want:
                problems.append(f"{where}: header {cell.coordinate} is {cell.value!r}, not {want!r}")
            if want and (cell.row, cell.column) not in wide:
                needed[c + 1] = max(needed[c + 1], display_width(text))
            checked["cells"] += 1
    # Columns kept as text (TableSheet.textColumns): a header naming dates,
    # periods or codes, or text mixed with decimal figures.
    text_columns = set()
    labels = table.get("header", [])
    for c in range(width):
        label = labels[c] if c < len(labels) else ""
        if any(w in label for w in TEXT_COLUMN_WORDS):
            text_columns.add(c)
            continue
        kinds = [expected_cell(row[c]) for row in body if c < len(row)]
        if any(k[0] == "text" for k in kinds) and any(k[0] == "figure" and k[2] > 0 for k in kinds):
            text_columns.add(c)
    for r, row in enumerate(body):
        shown_row = []
        for c, text in enumerate(row):
            cell = ws.cell(3 + h + r, c + 1)
            want = expected_cell(text)
            if want[0] == "figure" and c in text_columns:
                want = ("text", text)
            checked["cells"] += 1
            if want[0] == "null":
                ok = cell.value is None
                shown_row.append("")
            elif want[0] == "text":
                ok = cell.value == text
                shown_row.append(text)
                if (cell.row, cell.column) not in wide:
                    needed[c + 1] = max(needed[c + 1], display_width(text))
            else:
                _, value, decimals, percent = want
                number = value / 100 if percent else value
                ok = isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) \
                    and abs(Decimal(repr(cell.value)) - number) < Decimal("1e-9")
                fmt = ("0" + ("." + "0" * decimals if decimals else "") + "%") if percent \
                    else ("#,##0" + ("." + "0" * decimals if decimals else ""))
                if ok and cell.number_format != fmt:
                    problems.append(f"{where}: {cell.coordinate} {text!r} shown as {cell.number_format!r}, not {fmt!r}")
                checked["figures"] += 1
                shown_row.append(shown(value, decimals, percent))
                if (cell.row, cell.column) not in wide:
                    needed[c + 1] = max(needed[c + 1], len(shown(value, decimals, percent)))
            if not ok:
                problems.append(f"{where}: body {cell.coordinate} {text!r} is {cell.value!r} ({type(cell.value).__name__}), expected {want}")
        grid.append(shown_row)
    for c in range(1, width + 1):
        dim = ws.column_dimensions.get(get_column_letter(c))
        if dim is None or not dim.customWidth or not dim.width:
            problems.append(f"{where}: column {get_column_letter(c)} has no width")
            continue
        checked["widths"] += 1
        if dim.width < min(needed[c] + 2, 60):
            problems.append(f"{where}: column {get_column_letter(c)} is {dim.width} wide for content of {needed[c]}")
    if h:
        if ws.freeze_panes != f"A{3 + h}":
            problems.append(f"{where}: frozen at {ws.freeze_panes}, not above A{3 + h}")
        last = 2 + h + len(body)
        want_filter = f"A{2 + h}:{get_column_letter(width)}{last}"
        if ws.auto_filter.ref != want_filter:
            problems.append(f"{where}: autofilter {ws.auto_filter.ref}, not {want_filter}")

    # pandas: the same sheet, figures numeric.
    frame = frames.get(name)
    if frame is None:
        problems.append(f"{where}: pandas read no such sheet")
    else:
        checked["pandas"] += 1
        for r, row in enumerate(body):
            for c, text in enumerate(row):
                want = expected_cell(text)
                if want[0] != "figure" or c in text_columns:
                    continue
                got = frame.iat[2 + h + r, c] if 2 + h + r < frame.shape[0] and c < frame.shape[1] else None
                if not isinstance(got, (int, float)) or isinstance(got, bool):
                    problems.append(f"{where}: pandas reads {text!r} as {got!r}")

    # LibreOffice: the sheet as shown.
    lo_path = os.path.join(lo_dir, f"{stem}-{name}.csv")
    if not os.path.exists(lo_path):
        problems.append(f"{where}: LibreOffice wrote no {os.path.basename(lo_path)}")
        continue
    with open(lo_path, encoding="utf-8-sig", newline="") as f:
        lo = list(csv.reader(f))
    checked["libreoffice"] += 1
    for r, want_row in enumerate(grid):
        got_row = lo[2 + h + r] if 2 + h + r < len(lo) else []
        got_row = got_row + [""] * (len(want_row) - len(got_row))
        if got_row[:len(want_row)] != want_row:
            problems.append(f"{where}: LibreOffice row {3 + h + r}: {got_row[:len(want_row)]} != {want_row}")
            break

print(json.dumps({"problems": problems, "checked": checked}, ensure_ascii=False))
