"""Tables: ruled (stroked lines or thin filled rectangles, as Word draws
them), vertical-rules-only, header-rules-only, unruled, continued over pages
with a repeated header (rows may break across the page break), spreads
over facing pages (left columns on one page, right columns on the next, rows
at identical heights), and columns ruled with body rows not (style cols /
colsfill: the header ruled, vertical rules between columns, a rule under the
last row of each page)."""
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4

from . import fonts, markup

ASC = 0.879  # ascent of the Arphic fonts (em = ascent + descent = 1)


@dataclass
class C:
    text: str = ""
    cs: int = 1
    rs: int = 1
    align: str = None      # left | center | right
    valign: str = None     # top | middle
    bold: bool = None      # fake bold (drawn twice, 0.3 pt apart)
    font: str = None
    size: float = None
    noborder: str = ""     # edges not drawn: subset of "tblr"
    label: str = None      # printed at the start of the first line (an item number 01, 第五條)
    label_gap: float = 0.0  # space after the label
    hang: bool = False     # the other lines are indented by the label too
    tail: str = None       # printed right-aligned on the last line (a 領域代碼); room kept on every line
    tail_gap: float = 0.0
    sep: str = ""          # joins label, text and tail in the truth


def cell(x):
    return x if isinstance(x, C) else C(str(x))


class Table:
    def __init__(self, title, widths, header, body, style="stroke", shape=None, unit=None,
                 size=12, leading=1.3, padx=4.0, pady=3.0, aligns=None, valign="middle",
                 header_align="center", header_bold=False, header_valign="middle",
                 repeat_header=True, split_rows=True, row_gap=0.0, x=None, lw=0.5,
                 spread_at=None, page_top=None, page_top_h=0.0, min_split_lines=1,
                 font=None, header_font=None, truth=True, landscape=None, body_pady=None,
                 underline=None, strike=None):
        self.title = title
        self.widths = widths
        self.ncols = len(widths)
        self.header = [[cell(x) for x in row] for row in header]
        self.body = [[cell(x) for x in row] for row in body]
        self.style = style
        self.shape = shape or {"stroke": "ruled", "fill": "filledRuled", "vrules": "verticalRulesOnly",
                               "hrules": "headerRulesOnly", "none": "unruled",
                               "cols": "columnsRuled", "colsfill": "filledColumnsRuled"}[style]
        if spread_at is not None:
            self.shape = "spread"
        self.unit = unit
        self.size = size
        self.lead = leading * size
        self.padx = padx
        self.pady = pady
        self.aligns = aligns or ["left"] * self.ncols
        self.valign = valign
        self.header_align = header_align
        self.header_bold = header_bold
        self.header_valign = header_valign
        self.repeat_header = repeat_header
        self.split_rows = split_rows
        self.row_gap = row_gap
        self.x = x
        self.lw = lw
        self.spread_at = spread_at
        self.page_top = page_top
        self.page_top_h = page_top_h
        self.min_split_lines = min_split_lines
        self.font = font or fonts.BODY
        self.header_font = header_font or self.font
        self.truth = truth
        self.landscape = landscape
        self.body_pady = pady if body_pady is None else body_pady
        # decorations (⟪⟫ / ⟮⟯ in cell text): (offset of the rectangle's top
        # below/above the baseline, thickness), both in em
        self.underline = underline or (0.14, 50 / 1024)
        self.strike = strike or (-260 / 1024, 51 / 1024)


@dataclass
class Anchor:
    r: int
    c: int
    cell: C
    rt: object = None
    lines: list = field(default_factory=list)
    font: str = None
    size: float = None
    header: bool = False


def _grid(rows, ncols):
    grid = [[None] * ncols for _ in rows]
    anchors = []
    for r, row in enumerate(rows):
        c = 0
        for cl in row:
            while c < ncols and grid[r][c] is not None:
                c += 1
            if c + cl.cs > ncols or r + cl.rs > len(rows):
                raise ValueError(f"row {r}: cell {cl.text!r} overflows the grid")
            for dr in range(cl.rs):
                for dc in range(cl.cs):
                    if grid[r + dr][c + dc] is not None:
                        raise ValueError(f"overlap at {r + dr},{c + dc}")
                    grid[r + dr][c + dc] = (r, c)
            anchors.append(Anchor(r, c, cl))
            c += cl.cs
        if any(g is None for g in grid[r]):
            raise ValueError(f"row {r} not filled: {[x.text for x in row]}")
    return grid, anchors


class _Placed:
    def __init__(self, row, y_top, h, k0, k1, full):
        self.row, self.y_top, self.h, self.k0, self.k1, self.full = row, y_top, h, k0, k1, full


def render(doc, t):
    """Typeset table t at doc.y, continuing over pages. Returns a result with
    id, row_pages (page where each body row starts) and pages."""
    lead, pady, padx = t.lead, t.pady, t.padx
    hgrid, hanch = _grid(t.header, t.ncols)
    bgrid, banch = _grid(t.body, t.ncols)
    for a in hanch:
        a.header = True
    for a in hanch + banch:
        a.font = a.cell.font or (t.header_font if a.header else t.font)
        a.size = a.cell.size or t.size
        a.rt = doc.rich(a.cell.text)
        w = sum(t.widths[a.c:a.c + a.cell.cs]) - 2 * padx
        a.lines = _wrap_cell(a, w) if a.rt.s else []

    def heights(nrows, anch, gap, pady):
        h = [2 * pady + lead + gap] * nrows
        for a in anch:
            if a.cell.rs == 1:
                h[a.r] = max(h[a.r], 2 * pady + len(a.lines) * lead + gap)
        for a in anch:
            if a.cell.rs > 1:
                need = 2 * pady + len(a.lines) * lead
                have = sum(h[a.r:a.r + a.cell.rs])
                if need > have:
                    h[a.r + a.cell.rs - 1] += need - have
        return h

    hh = heights(len(t.header), hanch, 0.0, pady)
    pady = t.body_pady
    bh = heights(len(t.body), banch, t.row_gap, pady)
    header_h = sum(hh)
    nlines = [0] * len(t.body)
    for a in banch:
        if a.cell.rs == 1:
            nlines[a.r] = max(nlines[a.r], len(a.lines))
    block_end = list(range(len(t.body)))
    for a in banch:
        for r in range(a.r, a.r + a.cell.rs):
            block_end[r] = max(block_end[r], a.r + a.cell.rs - 1)
    # propagate so that every row in a block points at the block end
    for r in range(len(t.body) - 2, -1, -1):
        if block_end[r] >= r + 1:
            block_end[r] = max(block_end[r], block_end[r + 1])

    bottom = doc.bottom
    spread = t.spread_at is not None

    # ---------------- pagination (abstract)
    def first_min():
        if not t.body:
            return header_h
        if t.split_rows and block_end[0] == 0:
            return header_h + min(bh[0], 2 * pady + t.min_split_lines * lead)
        return header_h + sum(bh[0:block_end[0] + 1])

    if spread:
        # a spread always begins on a fresh left page
        need_new_first = True
    else:
        need_new_first = doc.y - first_min() < bottom
    segments = []

    def new_seg(first):
        if first and not need_new_first:
            y0 = doc.y
        else:
            land = doc.is_landscape if t.landscape is None else t.landscape
            y0 = (A4[0] if land else A4[1]) - doc.margins[0] - t.page_top_h
        seg = {"y0": y0, "header": first or t.repeat_header, "pieces": []}
        segments.append(seg)
        return seg, y0 - (header_h if seg["header"] else 0.0)

    seg, y = new_seg(True)
    i, k0 = 0, 0
    while i < len(t.body):
        be = block_end[i]
        if k0 == 0:
            blk_h = sum(bh[i:be + 1])
        else:
            blk_h = 2 * pady + (nlines[i] - k0) * lead + t.row_gap
        if y - blk_h >= bottom - 0.01:
            if k0 == 0:
                for r in range(i, be + 1):
                    seg["pieces"].append(_Placed(r, y, bh[r], 0, 10 ** 6, True))
                    y -= bh[r]
            else:
                seg["pieces"].append(_Placed(i, y, blk_h, k0, 10 ** 6, False))
                y -= blk_h
            i, k0 = be + 1, 0
            continue
        if be == i and t.split_rows:
            fit = int((y - bottom - 2 * pady + 0.01) // lead)
            if fit >= t.min_split_lines and fit < nlines[i] - k0:
                h = 2 * pady + fit * lead
                seg["pieces"].append(_Placed(i, y, h, k0, k0 + fit, False))
                y -= h
                k0 += fit
                seg, y = new_seg(False)
                continue
        if not seg["pieces"]:
            raise ValueError(f"table {t.title!r}: block at row {i} does not fit on a page")
        seg, y = new_seg(False)

    # ---------------- drawing
    table_id = f"t{len(doc.tables) + 1}"
    row_pages = [None] * len(t.body)
    pages = []
    halves = [(0, t.spread_at), (t.spread_at, t.ncols)] if spread else [(0, t.ncols)]

    for si, seg in enumerate(segments):
        for hi, (c0, c1) in enumerate(halves):
            if si > 0 or hi > 0 or need_new_first:
                doc.new_page(landscape=t.landscape)
                if t.page_top:
                    t.page_top(doc, si > 0)
            if spread and hi == 0 and doc.page % 2 != 0:
                raise ValueError("spread left page must be even")
            page = doc.page
            pages.append(page)
            _draw_seg(doc, t, seg, c0, c1, hgrid, hanch, hh, bgrid, banch, bh, page)
            for p in seg["pieces"]:
                if row_pages[p.row] is None and hi == 0:
                    row_pages[p.row] = page
        doc.y = seg["pieces"][-1].y_top - seg["pieces"][-1].h if seg["pieces"] else seg["y0"] - header_h

    seen = {}
    for si, seg in enumerate(segments):
        for p in seg["pieces"]:
            seen.setdefault(p.row, set()).add(si)
    split = sorted(r for r, ss in seen.items() if len(ss) > 1)
    res = {"id": table_id, "row_pages": row_pages, "pages": pages, "split_rows": split}
    if t.truth:
        doc.tables.append(_truth(t, table_id, pages, hgrid, hanch, bgrid, banch))
    return res


def _label_w(a):
    return fonts.width(a.cell.label, a.font, a.size) + a.cell.label_gap if a.cell.label else 0.0


def _tail_w(a):
    return fonts.width(a.cell.tail, a.font, a.size) + a.cell.tail_gap if a.cell.tail else 0.0


def _wrap_cell(a, w):
    lw, tw = _label_w(a), _tail_w(a)
    if not lw and not tw:
        return markup.wrap(a.rt, w, a.font, a.size)
    rest = w - tw - (lw if a.cell.hang else 0.0)
    return markup.wrap_first(a.rt, w - tw - lw, rest, a.font, a.size)


def _col_x(doc, t, c0, c1):
    total = sum(t.widths[c0:c1])
    x0 = t.x if t.x is not None else doc.left + max(0.0, (doc.text_width - total) / 2)
    xs = [x0]
    for c in range(c0, c1):
        xs.append(xs[-1] + t.widths[c])
    return xs


def _draw_text(doc, t, a, x0, x1, ytop, h, k0, k1, full, page):
    lines = a.lines[k0:k1] if not full else a.lines
    if not lines:
        return
    lead = t.lead
    size = a.size
    valign = a.cell.valign or (t.header_valign if a.header else t.valign)
    content_h = len(lines) * lead
    if full and valign == "middle":
        top = ytop - (h - (t.row_gap if not a.header else 0) - content_h) / 2
    else:
        top = ytop - (t.pady if a.header else t.body_pady)
    align = a.cell.align or (t.header_align if a.header else t.aligns[a.c])
    bold = a.cell.bold if a.cell.bold is not None else (t.header_bold and a.header)
    first = full or k0 == 0
    last = full or k1 >= len(a.lines)
    lw = _label_w(a)
    for j, ln in enumerate(lines):
        base = top - j * lead - (lead - size) / 2 - ASC * size
        tw = fonts.width(ln.text, a.font, size)
        if align == "center":
            x = (x0 + x1 - tw) / 2
        elif align == "right":
            x = x1 - t.padx - tw
        else:
            x = x0 + t.padx
            if a.cell.label and ((first and j == 0) or a.cell.hang):
                x += lw
        if a.cell.label and first and j == 0:
            fonts.draw(doc.c, x0 + t.padx, base, a.cell.label, a.font, size, fake_bold=bold)
        if a.cell.tail and last and j == len(lines) - 1:
            fonts.draw(doc.c, x1 - t.padx - fonts.width(a.cell.tail, a.font, size), base, a.cell.tail,
                       a.font, size, fake_bold=bold)
        fonts.draw(doc.c, x, base, ln.text, a.font, size, fake_bold=bold)
        doc.register_marks(a.rt, ln.start, ln.end, page)
        _draw_decos(doc, t, a, ln, x, base)


def _draw_decos(doc, t, a, ln, x, base):
    """Underlines and strike-throughs of the line's part of each decorated
    range: thin filled rectangles, as Word draws them."""
    n = len(ln.text)
    for d0, d1, kind in a.rt.decos:
        s0, s1 = max(d0, ln.start), min(d1, ln.start + n)
        if s0 >= s1:
            continue
        seg = ln.text[s0 - ln.start:s1 - ln.start].rstrip(" ")
        if not seg:
            continue
        xa = x + fonts.width(ln.text[:s0 - ln.start], a.font, a.size)
        w = fonts.width(seg, a.font, a.size)
        off, th = t.underline if kind == "underline" else t.strike
        doc.c.setFillColorRGB(0, 0, 0)
        doc.c.rect(xa, base - off * a.size - th * a.size, w, th * a.size, stroke=0, fill=1)


def _draw_seg(doc, t, seg, c0, c1, hgrid, hanch, hh, bgrid, banch, bh, page):
    xs = _col_x(doc, t, c0, c1)
    edges = []  # (x0, y0, x1, y1)

    def box(a, ytop, h, full=True):
        ax0 = xs[a.c - c0]
        ax1 = xs[a.c - c0 + a.cell.cs]
        nb = a.cell.noborder
        yb = ytop - h
        if "t" not in nb:
            edges.append((ax0, ytop, ax1, ytop))
        if "b" not in nb:
            edges.append((ax0, yb, ax1, yb))
        if "l" not in nb:
            edges.append((ax0, yb, ax0, ytop))
        if "r" not in nb:
            edges.append((ax1, yb, ax1, ytop))
        return ax0, ax1

    y = seg["y0"]
    top_y = y
    header_bottom = y
    if seg["header"]:
        row_top = [y]
        for h in hh:
            row_top.append(row_top[-1] - h)
        for a in hanch:
            if not (c0 <= a.c < c1):
                continue
            h = sum(hh[a.r:a.r + a.cell.rs])
            ax0, ax1 = box(a, row_top[a.r], h)
            _draw_text(doc, t, a, ax0, ax1, row_top[a.r], h, 0, 10 ** 6, True, page)
        header_bottom = row_top[-1]
    pieces = {p.row: p for p in seg["pieces"]}
    for a in banch:
        if a.r not in pieces or not (c0 <= a.c < c1):
            continue
        p = pieces[a.r]
        if a.cell.rs > 1:
            h = sum(bh[a.r:a.r + a.cell.rs])
        else:
            h = p.h
        ax0, ax1 = box(a, p.y_top, h)
        _draw_text(doc, t, a, ax0, ax1, p.y_top, h, p.k0, p.k1, p.full, page)
    bottom_y = (seg["pieces"][-1].y_top - seg["pieces"][-1].h) if seg["pieces"] else header_bottom

    c = doc.c
    lw = t.lw
    if t.style in ("cols", "colsfill"):
        hedges = []
        if seg["header"]:
            row_top = [y]
            for h in hh:
                row_top.append(row_top[-1] - h)
            for a in hanch:
                if c0 <= a.c < c1:
                    ax0, ax1 = xs[a.c - c0], xs[a.c - c0 + a.cell.cs]
                    yt, yb = row_top[a.r], row_top[a.r] - sum(hh[a.r:a.r + a.cell.rs])
                    hedges += [(ax0, yt, ax1, yt), (ax0, yb, ax1, yb), (ax0, yb, ax0, yt), (ax1, yb, ax1, yt)]
        else:
            hedges.append((xs[0], top_y, xs[-1], top_y))
        for xv in xs:
            hedges.append((xv, bottom_y, xv, header_bottom))
        hedges.append((xs[0], bottom_y, xs[-1], bottom_y))
        seen = set()
        for e in hedges:
            key = tuple(round(v, 2) for v in e)
            if key in seen:
                continue
            seen.add(key)
            _rule(c, t.style == "colsfill", lw, *e)
    elif t.style in ("stroke", "fill"):
        seen = set()
        for e in edges:
            key = tuple(round(v, 2) for v in e)
            if key in seen:
                continue
            seen.add(key)
            x0, y0, x1, y1 = e
            if t.style == "stroke":
                c.setLineWidth(lw)
                c.line(x0, y0, x1, y1)
            else:
                c.setFillColorRGB(0, 0, 0)
                if y0 == y1:
                    c.rect(x0 - lw / 2, y0 - lw / 2, x1 - x0 + lw, lw, stroke=0, fill=1)
                else:
                    c.rect(x0 - lw / 2, y0 - lw / 2, lw, y1 - y0 + lw, stroke=0, fill=1)
    elif t.style == "vrules":
        c.setLineWidth(lw)
        for xv in xs:
            c.line(xv, bottom_y, xv, top_y)
    elif t.style == "hrules":
        c.setLineWidth(1.0)
        c.line(xs[0], top_y, xs[-1], top_y)
        c.line(xs[0], bottom_y, xs[-1], bottom_y)
        if seg["header"]:
            c.setLineWidth(0.5)
            c.line(xs[0], header_bottom, xs[-1], header_bottom)


def _rule(c, filled, lw, x0, y0, x1, y1):
    if not filled:
        c.setLineWidth(lw)
        c.line(x0, y0, x1, y1)
        return
    c.setFillColorRGB(0, 0, 0)
    if y0 == y1:
        c.rect(x0 - lw / 2, y0 - lw / 2, x1 - x0 + lw, lw, stroke=0, fill=1)
    else:
        c.rect(x0 - lw / 2, y0 - lw / 2, lw, y1 - y0 + lw, stroke=0, fill=1)


def cell_truth(a):
    parts = [p for p in (a.cell.label, a.rt.truth, a.cell.tail) if p]
    return a.cell.sep.join(parts)


def _truth(t, table_id, pages, hgrid, hanch, bgrid, banch):
    def text_grid(grid, anch):
        out = [["" for _ in range(t.ncols)] for _ in grid]
        for a in anch:
            out[a.r][a.c] = cell_truth(a)
        return out

    header_rows = text_grid(hgrid, hanch)
    flat = []
    for col in range(t.ncols):
        path = []
        last = None
        for r in range(len(hgrid)):
            anc = hgrid[r][col]
            if anc == last:
                continue
            last = anc
            txt = header_rows[anc[0]][anc[1]]
            if txt:
                path.append(txt)
        flat.append("/".join(path))
    spans = [{"row": a.r, "col": a.c, "rowSpan": a.cell.rs, "colSpan": a.cell.cs}
             for a in banch if a.cell.rs > 1 or a.cell.cs > 1]
    return {
        "id": table_id,
        "title": t.title,
        "pages": sorted(set(pages)),
        "shape": t.shape,
        "unit": t.unit,
        "header": flat if t.header else [],
        "headerRows": header_rows,
        "rows": text_grid(bgrid, banch),
        "spans": spans,
    }
