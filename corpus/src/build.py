#!/usr/bin/env python3
"""Regenerate the corpus PDFs and their truth files.

usage: build.py [name ...]   (default: all documents)
"""
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

DOCS = ["exchange_plan", "meeting_book", "work_report", "funding_plan", "trip_report",
        "budget_trips", "table_kinds", "noembed_trips",
        "macos_radicals", "budget_travel", "amendment_table",
        "land_transcript", "paired_columns"]


def main(argv):
    corpus = os.path.dirname(HERE)
    truthdir = os.path.join(corpus, "truth")
    os.makedirs(truthdir, exist_ok=True)
    names = argv or DOCS
    for n in names:
        mod = importlib.import_module("docs." + n.replace("-", "_"))
        truth = mod.build(corpus, truthdir)
        print(f"{truth['file']}: {truth['pages']} pages, {len(truth['tables'])} tables, "
              f"{len(truth['records'])} records, {len(truth['dates'])} dates")


if __name__ == "__main__":
    main(sys.argv[1:])
