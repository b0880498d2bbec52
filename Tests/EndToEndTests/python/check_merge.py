"""Reads the outputs of `gazette merge` back as an analyst would (sqlite3 and
pd.read_sql, pd.read_excel, pd.read_csv, JSON Lines) and checks that each
holds every record of every document under DOCS, with its provenance (the
PDF's file name and SHA-256; the record's table, row and page), plus a
`documents` row per document and a `tables` row per logical table. What is
expected is read from the documents' JSON here, on its own.

Usage: check_merge.py DOCS BOOK.xlsx CSV_BASE MERGED.jsonl MERGED.sqlite
Prints one JSON object: {"problems": [...], "checked": {...}}.
"""
import collections, json, math, os, sqlite3, sys

import pandas as pd

docs_dir, book, csv_base, jsonl, database = sys.argv[1:6]
problems = []
checked = collections.Counter()

documents = []
for root, dirs, files in os.walk(docs_dir):
    dirs[:] = [d for d in dirs if not d.startswith(".") and d != "_crashes"]
    for name in files:
        if name.endswith(".json") and not name.startswith(".") and not name.startswith("_report"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                documents.append(json.load(f))


def provenance(record, sha, file):
    if record["type"] == "statistic":
        return (file, sha, record["tableId"], record["rowIndex"], record["page"])
    return (file, sha, record["table"], record["row"], record["page"])


expected = collections.defaultdict(collections.Counter)
for d in documents:
    for r in d["records"]:
        expected[r["type"]][provenance(r, d["source"]["sha256"], d["source"]["file"])] += 1
shas = sorted(d["source"]["sha256"] for d in documents)
table_count = sum(len(d["tables"]) for d in documents)


def plain(v):
    """pandas' NaN as None, whole floats as ints."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def compare(where, frames_by_type):
    for type_, want in expected.items():
        frame = frames_by_type.get(type_)
        if frame is None:
            problems.append(f"{where}: no {type_} records")
            continue
        if list(frame.columns[:2]) != ["file", "sha256"]:
            problems.append(f"{where} {type_}: columns start {list(frame.columns[:3])}")
        keys = ["tableId", "rowIndex", "page"] if type_ == "statistic" else ["table", "row", "page"]
        got = collections.Counter(
            tuple(plain(v) for v in row) for row in frame[["file", "sha256"] + keys].itertuples(index=False))
        if got != want:
            missing = list((want - got).elements())[:3]
            extra = list((got - want).elements())[:3]
            problems.append(f"{where} {type_}: {sum(got.values())} rows for {sum(want.values())} records; missing {missing}, extra {extra}")
        checked[f"{where} records"] += sum(got.values())
    for type_ in frames_by_type:
        if type_ not in expected:
            problems.append(f"{where}: {type_} rows, but no document has {type_} records")


# SQLite, with sqlite3 and pd.read_sql.
con = sqlite3.connect(database)
got_shas = sorted(r[0] for r in con.execute("SELECT sha256 FROM documents"))
if got_shas != shas:
    problems.append(f"sqlite documents: {len(got_shas)} rows for {len(shas)} documents")
(n,) = con.execute("SELECT count(*) FROM tables").fetchone()
if n != table_count:
    problems.append(f"sqlite tables: {n} rows for {table_count} tables")
(bad,) = con.execute("SELECT count(*) FROM tables t JOIN documents d ON d.id = t.documentId WHERE t.sha256 != d.sha256").fetchone()
if bad:
    problems.append(f"sqlite tables: {bad} rows whose sha256 is not their document's")
sql_frames = {}
for type_ in [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]:
    if type_ in ("documents", "tables"):
        continue
    (bad,) = con.execute(f'SELECT count(*) FROM "{type_}" r JOIN documents d ON d.id = r.documentId WHERE r.sha256 != d.sha256 OR r.file != d.file').fetchone()
    if bad:
        problems.append(f"sqlite {type_}: {bad} rows whose provenance is not their document's")
    frame = pd.read_sql(f'SELECT * FROM "{type_}"', con)
    sql_frames[type_] = frame.drop(columns=["documentId"])
checked["sqlite documents"] = len(got_shas)
compare("sqlite", sql_frames)

# XLSX, with pd.read_excel: a type past a sheet's rows goes on in "type (2)".
sheets = pd.read_excel(book, sheet_name=None)
names = list(sheets)
if names[:2] != ["documents", "tables"]:
    problems.append(f"xlsx: sheets start {names[:3]}")
if sorted(sheets["documents"]["sha256"]) != shas:
    problems.append(f"xlsx documents: {len(sheets['documents'])} rows for {len(shas)} documents")
if len(sheets["tables"]) != table_count:
    problems.append(f"xlsx tables: {len(sheets['tables'])} rows for {table_count} tables")
by_type = collections.defaultdict(list)
for name, frame in sheets.items():
    if name not in ("documents", "tables"):
        by_type[name.split(" (")[0]].append(frame)
compare("xlsx", {t: pd.concat(fs) for t, fs in by_type.items()})

# CSV, with pd.read_csv.
def read_csv(part):
    path = f"{csv_base}.{part}.csv"
    with open(path, "rb") as f:
        if f.read(3) != b"\xef\xbb\xbf":
            problems.append(f"{path}: no byte-order mark")
    return pd.read_csv(path, encoding="utf-8-sig", dtype={"sha256": str})

if sorted(read_csv("documents")["sha256"]) != shas:
    problems.append("csv documents: not one row per document")
if len(read_csv("tables")) != table_count:
    problems.append("csv tables: not one row per table")
compare("csv", {t: read_csv(t) for t in expected})

# JSON Lines: every record whole, file and sha256 first.
want_lines = collections.Counter()
for d in documents:
    for r in d["records"]:
        # Unsorted: the keys' order (a form's fields as printed) counts too.
        want_lines[json.dumps({"file": d["source"]["file"], "sha256": d["source"]["sha256"], **r}, ensure_ascii=False)] += 1
got_lines = collections.Counter()
with open(jsonl, encoding="utf-8") as f:
    for line in f:
        obj = json.loads(line)
        if list(obj)[:3] != ["file", "sha256", "type"]:
            problems.append(f"jsonl: a line starts {list(obj)[:3]}")
            break
        got_lines[json.dumps(obj, ensure_ascii=False)] += 1
if got_lines != want_lines:
    problems.append(f"jsonl: {sum(got_lines.values())} lines for {sum(want_lines.values())} records, {len(want_lines - got_lines)} records not found whole")
checked["jsonl records"] = sum(got_lines.values())
checked["documents"] = len(documents)

print(json.dumps({"problems": problems, "checked": dict(checked)}, ensure_ascii=False))
