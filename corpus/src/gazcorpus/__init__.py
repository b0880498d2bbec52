"""Small typesetting library for the gazette test corpus.

It draws text and tables straight onto a reportlab canvas so that the
generator knows exactly where every line, cell and date lands; the truth
files are written from the same data that was typeset.
"""
