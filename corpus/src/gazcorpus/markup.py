"""Content markup, ROC date parsing and line wrapping.

Markup inside content strings (stripped before typesetting):
  ⟦raw⟧              a date or date range; parsed as an ROC date, missing
                     year (and month) taken from the document's context
  ⟦raw|start|end⟧    a date with explicit ISO start/end (end may be empty)
  ¦                  a permitted line break inside a Latin word (prints nothing)
  \n                 a forced line break (prints nothing, joins with nothing)
  ⟪text⟫             text underlined (a thin filled rectangle under it, as
                     Word draws underlines); prints only the text
  ⟮text⟯             text struck through (a thin filled rectangle through it)
"""
import re
from dataclasses import dataclass, field

from . import fonts


@dataclass(eq=False)
class DateMark:
    start: int          # index into RichText.s
    end: int
    raw: str
    iso_start: str
    iso_end: str
    seen: bool = False   # registered in the truth's dates (once per occurrence)


@dataclass
class RichText:
    s: str
    soft: frozenset = frozenset()
    marks: list = field(default_factory=list)
    decos: list = field(default_factory=list)   # (start, end, "underline" | "strike")

    @property
    def truth(self):
        return self.s.replace("\n", "")


# ---------------------------------------------------------------- ROC dates

_NUM = r"(\d{1,3})"
_SEP = r"\s*(?:至|~|～|-|－|–)\s*"


def _iso(y, m=None, d=None):
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _point(txt, ctx):
    """Parse one date point. ctx = dict(y=, m=) of inherited fields (Gregorian
    year). Returns (y, m, d) with d possibly None."""
    t = txt.strip()
    m = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", t)
    if m:  # a Gregorian year (1975年07月04日)
        return int(m[1]), int(m[2]), (int(m[3]) if m[3] else None)
    m = re.fullmatch(r"(?:中華民國\s*|民國\s*)?(\d{2,3})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", t)
    if m:
        return int(m[1]) + 1911, int(m[2]), (int(m[3]) if m[3] else None)
    m = re.fullmatch(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日", t)
    if m:
        return ctx["y"], int(m[1]), int(m[2])
    m = re.fullmatch(r"(\d{1,2})\s*月", t)
    if m:
        return ctx["y"], int(m[1]), None
    m = re.fullmatch(r"(\d{1,2})\s*日", t)
    if m:
        return ctx["y"], ctx["m"], int(m[1])
    m = re.fullmatch(r"(\d{2,3})/(\d{1,2})/(\d{1,2})", t)
    if m:
        return int(m[1]) + 1911, int(m[2]), int(m[3])
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", t)
    if m:
        return ctx["y"], int(m[1]), int(m[2])
    m = re.fullmatch(r"(\d{2,3})\.(\d{2})", t)
    if m:
        return int(m[1]) + 1911, int(m[2]), None
    raise ValueError(f"unparsed date point {txt!r}")


def parse_roc(raw, ctx_year):
    """ISO (start, end) for an ROC date or range. ctx_year is Gregorian."""
    t = raw.replace("¦", "").replace("\n", "")
    parts = re.split(_SEP, t, maxsplit=1)
    # '-' inside slash forms: 104/4/06-4/11 -> split works since points have no '-'
    y, mth, d = _point(parts[0], {"y": ctx_year, "m": None})
    start = _iso(y, mth, d)
    if len(parts) == 1:
        return start, start
    y2, m2, d2 = _point(parts[1], {"y": y, "m": mth})
    if d is None and d2 is None:
        return start, _iso(y2, m2)
    return start, _iso(y2, m2, d2)


def parse(src, ctx_year):
    """Strip markup from src; return RichText."""
    out = []
    soft = set()
    marks = []
    decos = []
    open_deco = {}
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in _DECO_OPEN:
            open_deco[_DECO_OPEN[ch]] = len("".join(out))
            i += 1
            continue
        if ch in _DECO_CLOSE:
            kind = _DECO_CLOSE[ch]
            decos.append((open_deco.pop(kind), len("".join(out)), kind))
            i += 1
            continue
        if ch == "⟦":
            j = src.index("⟧", i)
            body = src[i + 1:j]
            fields = body.split("|")
            raw = fields[0]
            start = len("".join(out))
            # the raw may itself hold soft breaks
            for c in raw:
                if c == "¦":
                    soft.add(len("".join(out)))
                else:
                    out.append(c)
            end = len("".join(out))
            printed = "".join(out)[start:end]
            if len(fields) >= 2:
                s_iso = fields[1]
                e_iso = fields[2] if len(fields) > 2 and fields[2] else s_iso
            else:
                s_iso, e_iso = parse_roc(raw, ctx_year)
            marks.append(DateMark(start, end, printed.replace("\n", ""), s_iso, e_iso))
            i = j + 1
            continue
        if ch == "¦":
            soft.add(len("".join(out)))
            i += 1
            continue
        out.append(ch)
        i += 1
    if open_deco:
        raise ValueError(f"unclosed decoration in {src!r}")
    return RichText("".join(out), frozenset(soft), marks, sorted(decos))


_DECO_OPEN = {"⟪": "underline", "⟮": "strike"}
_DECO_CLOSE = {"⟫": "underline", "⟯": "strike"}


def plain(src):
    """Truth text of a markup string (no date context needed)."""
    s = re.sub(r"⟦([^|⟧]*)(\|[^⟧]*)?⟧", r"\1", src).replace("¦", "").replace("\n", "")
    return re.sub("[⟪⟫⟮⟯]", "", s)


# ---------------------------------------------------------------- wrapping

NOSTART = set("，。、；：）」』】〉》！？％…,.;:)]%?!")
NOEND = set("（「『【〈《([")


def _is_latin(ch):
    o = ord(ch)
    return (0x21 <= o <= 0x7E) or (0xC0 <= o <= 0x24F)


@dataclass
class Line:
    start: int      # index of first char in RichText.s
    end: int        # index after the last char consumed (incl. dropped spaces)
    text: str       # printed text


def _atoms(rt):
    s = rt.s
    atoms = []  # (start, end, kind) kind: 'w' word/char, 's' space, 'n' newline
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\n":
            atoms.append([i, i + 1, "n"])
            i += 1
        elif ch == " ":
            atoms.append([i, i + 1, "s"])
            i += 1
        elif _is_latin(ch):
            j = i + 1
            while j < len(s) and _is_latin(s[j]) and j not in rt.soft:
                j += 1
            atoms.append([i, j, "w"])
            i = j
        else:
            atoms.append([i, i + 1, "w"])
            i += 1
    # kinsoku: glue closing punctuation to the previous atom, opening to next
    merged = []
    for a in atoms:
        if (merged and a[2] == "w" and merged[-1][2] == "w"
                and (s[a[0]] in NOSTART or s[merged[-1][1] - 1] in NOEND)):
            merged[-1][1] = a[1]
        else:
            merged.append(a)
    return merged


def wrap(rt, width, font, size):
    s = rt.s
    lines = []
    atoms = _atoms(rt)
    cur_start = None
    cur_end = None
    cur_w = 0.0
    pending_space = None  # (start,end) of spaces after the current content

    def flush(consumed_to):
        nonlocal cur_start, cur_end, cur_w
        if cur_start is not None:
            lines.append(Line(cur_start, consumed_to, s[cur_start:cur_end]))
        cur_start = None
        cur_end = None
        cur_w = 0.0

    k = 0
    while k < len(atoms):
        a0, a1, kind = atoms[k]
        if kind == "n":
            if cur_start is None:
                lines.append(Line(a0, a1, ""))
            else:
                flush(a1)
            pending_space = None
            k += 1
            continue
        if kind == "s":
            if cur_start is not None:
                pending_space = (a0, a1) if pending_space is None else (pending_space[0], a1)
            elif lines:
                lines[-1].end = a1  # leading space of a line is dropped
            k += 1
            continue
        w = fonts.width(s[a0:a1], font, size)
        sp = fonts.width(s[pending_space[0]:pending_space[1]], font, size) if pending_space else 0.0
        if cur_start is None:
            if w <= width:
                cur_start, cur_end, cur_w = a0, a1, w
            else:
                # break an over-long atom by characters
                j = a0 + 1
                while j < a1 and fonts.width(s[a0:j + 1], font, size) <= width:
                    j += 1
                cur_start, cur_end = a0, j
                flush(j)
                atoms[k] = [j, a1, "w"]
                continue
            pending_space = None
            k += 1
            continue
        if cur_w + sp + w <= width:
            cur_end = a1
            cur_w += sp + w
            pending_space = None
            k += 1
            continue
        flush(a0)
        pending_space = None
    if cur_start is not None:
        flush(len(s))
    if not lines:
        lines.append(Line(0, len(s), ""))
    # make line ranges contiguous so every char index maps to a line
    for i in range(len(lines) - 1):
        lines[i].end = lines[i + 1].start
    lines[-1].end = max(lines[-1].end, len(s))
    return lines


def wrap_first(rt, first_width, width, font, size):
    """Wrap with a first line of first_width and the others of width."""
    lines = wrap(rt, first_width, font, size)
    if len(lines) <= 1 or first_width == width:
        return lines
    l0 = lines[0]
    rest = RichText(rt.s[l0.end:], frozenset(i - l0.end for i in rt.soft if i >= l0.end), [])
    out = [l0]
    if rest.s.strip(" "):
        for ln in wrap(rest, width, font, size):
            out.append(Line(ln.start + l0.end, ln.end + l0.end, ln.text))
        out[0].end = out[1].start
    return out


# ---------------------------------------------------------------- auto-marking
_Y = r"(?:中華民國\s*)?\d{2,3}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
_MD = r"\d{1,2}\s*月\s*\d{1,2}\s*日"
_TAIL = r"(?:\s*(?:至|~|～)\s*(?:\d{2,3}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日月])?"
_AUTO = re.compile(rf"(?<![\d/.])(?:{_Y}|{_MD}){_TAIL}|(?<![\d/.])\d{{2,3}}/\d{{1,2}}/\d{{1,2}}(?:-\d{{1,2}}/\d{{1,2}})?(?![\d/])")


def automark(src):
    """Wrap ROC dates (forms with a month) that are not yet marked in ⟦⟧."""
    out = []
    pos = 0
    for m in re.finditer(r"⟦[^⟧]*⟧", src):
        out.append(_AUTO.sub(lambda x: "⟦" + x.group(0) + "⟧", src[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_AUTO.sub(lambda x: "⟦" + x.group(0) + "⟧", src[pos:]))
    return "".join(out)


_SUSPECT = re.compile(r"\d\s*月|\d{1,3}/\d{1,2}")


def unmarked(rt):
    """Month mentions or n/n forms in rt not covered by a date mark."""
    bad = []
    for m in _SUSPECT.finditer(rt.s):
        if not any(mk.start <= m.start() < mk.end for mk in rt.marks):
            bad.append(rt.s[max(0, m.start() - 8):m.end() + 6])
    return bad
