"""Shared page furniture and helpers for the document modules."""
import re

from . import fonts


def footer_dash(offset=0, size=11):
    """Footer like '- 3 -' centred at the bottom; offset shifts the number."""
    def f(doc):
        txt = f"- {doc.page + offset} -"
        w = fonts.width(txt, fonts.BODY, size)
        fonts.draw(doc.c, (doc.width - w) / 2, 36, txt, fonts.BODY, size)
    return f


def footer_text(fmt, size=11, align="center"):
    def f(doc):
        txt = fmt(doc)
        w = fonts.width(txt, fonts.BODY, size)
        x = (doc.width - w) / 2 if align == "center" else doc.right - w
        fonts.draw(doc.c, x, 36, txt, fonts.BODY, size)
    return f


def header_text(fmt, size=10.5, rule=True):
    def f(doc):
        txt = fmt(doc)
        y = doc.height - 40
        w = fonts.width(txt, fonts.BODY, size)
        fonts.draw(doc.c, doc.right - w, y, txt, fonts.BODY, size)
        if rule:
            doc.c.setLineWidth(0.5)
            doc.c.line(doc.left, y - 5, doc.right, y - 5)
    return f


CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10, "兩": 2}


def cn_number(s):
    """Chinese numeral up to 99 (等十三人 -> 13)."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        a, b = s.split("十")
        return (CN_DIGITS[a] if a else 1) * 10 + (CN_DIGITS[b] if b else 0)
    return CN_DIGITS[s]


def wan_amount(raw):
    """新臺幣 51 萬 2,005 元 -> 512005; None when not an amount (核銷中)."""
    t = raw.replace(" ", "").replace(",", "").replace("\n", "")
    m = re.search(r"(?:(\d+)萬)?(\d+)?元", t)
    if not m or not (m[1] or m[2]):
        return None
    return int(m[1] or 0) * 10000 + int(m[2] or 0)


def hhmm(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", s)
    return f"{int(m[1]):02d}:{m[2]}" if m else None


def time_range(s):
    """'07:00~11:00' -> ('07:00','11:00'); '07:00' -> ('07:00', None)."""
    parts = re.split(r"\s*[~～\-－]\s*", s.strip())
    start = hhmm(parts[0])
    end = hhmm(parts[1]) if len(parts) > 1 and parts[1] else None
    return start, end


def statistic(title, row_label, column, value, unit, res, row_index):
    """A statistic record (contract fields) with provenance: page, plus the
    table id and row index as tableId / rowIndex (the contract uses table and
    row for the title and the row label)."""
    return {"type": "statistic", "table": title, "row": row_label, "page": res["row_pages"][row_index],
            "column": column, "value": value, "unit": unit,
            "tableId": res["id"], "rowIndex": row_index}
