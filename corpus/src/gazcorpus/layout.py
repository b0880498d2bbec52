"""Pages, paragraphs, outline headings and the truth they produce."""
import json
import os
import re

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape as _landscape
from reportlab.pdfgen import canvas as _canvas

from . import fonts, markup

rl_config.invariant = 1

OUTLINE_LEVELS = {"壹": "top", "一": 1, "（一）": 2, "1": 3, "(1)": 4}


class Doc:
    def __init__(self, name, kind, roc_year, outdir, body_size=14, leading=1.5,
                 margins=(72, 72, 72, 72), footer=None, header=None, has_top=False):
        fonts.register()
        self.name = name
        self.kind = kind
        self.ctx_year = roc_year + 1911
        self.path = os.path.join(outdir, name + ".pdf")
        self.c = _canvas.Canvas(self.path, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(name)
        self.c.setAuthor("gazette test corpus")
        self.c.setCreator("gazette corpus generator (reportlab)")
        self.c.setProducer("ReportLab PDF Library")
        self.body_size = body_size
        self.leading = leading
        self.margins = margins  # top, right, bottom, left
        self.footer = footer    # fn(doc) -> draws footer of current page
        self.header = header
        self.has_top = has_top  # outline uses 壹 as level 1
        self.page = 0
        self.pagesize = A4
        self.no_footer = set()
        self.no_header = set()
        self.outline = []
        self.dates = []
        self.tables = []
        self.records = []
        self.document = None
        self.classes = None     # issue 14 classes this document is a twin of
        self.postprocess = None  # fn(pdf path), run on the saved PDF
        self._seen_marks = set()
        self.warnings = []
        self.allow_unmarked = set()
        self.tl_map = None
        self.y = None
        self.open = False

    # ------------------------------------------------------------ pages
    @property
    def width(self):
        return self.pagesize[0]

    @property
    def height(self):
        return self.pagesize[1]

    @property
    def left(self):
        return self.margins[3]

    @property
    def right(self):
        return self.width - self.margins[1]

    @property
    def top(self):
        return self.height - self.margins[0]

    @property
    def bottom(self):
        return self.margins[2]

    @property
    def text_width(self):
        return self.right - self.left

    @property
    def is_landscape(self):
        return self.pagesize[0] > self.pagesize[1]

    def new_page(self, landscape=None, footer=True, header=True):
        if self.open:
            self._finish_page()
        if landscape is None:
            landscape = self.is_landscape if self.page else False
        self.pagesize = _landscape(A4) if landscape else A4
        self.page += 1
        self.c.setPageSize(self.pagesize)
        if not footer:
            self.no_footer.add(self.page)
        if not header:
            self.no_header.add(self.page)
        self.open = True
        self.y = self.top
        if self.header and self.page not in self.no_header:
            self.header(self)

    def _finish_page(self):
        if self.footer and self.page not in self.no_footer:
            self.footer(self)
        self.c.showPage()
        self.open = False

    def ensure(self, h):
        if self.y - h < self.bottom - 0.01:
            self.new_page()

    def space(self, h):
        self.y -= h

    # ------------------------------------------------------------ text
    def rich(self, src):
        rt = markup.parse(markup.automark(src), self.ctx_year)
        for b in markup.unmarked(rt):
            if b not in self.allow_unmarked:
                self.warnings.append(b)
        return rt

    def register_marks(self, rt, line_start, line_end, page=None):
        for m in rt.marks:
            if line_start <= m.start < line_end and not m.seen:
                m.seen = True
                self.dates.append({"raw": m.raw, "start": m.iso_start, "end": m.iso_end,
                                   "page": page or self.page})

    def draw_line(self, rt, line, x, baseline, font, size, fake_bold=False, page=None):
        fonts.draw(self.c, x, baseline, line.text, font, size, fake_bold=fake_bold)
        self.register_marks(rt, line.start, line.end, page)

    def para(self, src, size=None, font=None, indent=0.0, first=None, align="left",
             before=0.0, after=0.0, leading=None, keep=0.0, color=None, on_first=None,
             label=None, label_width=0.0, width=None, tl=False):
        """A wrapped paragraph. indent: left indent of all lines; first: extra
        x of the first line relative to indent (negative = hanging). label:
        printed at the first line's indent, text starts at indent+label_width."""
        size = size or self.body_size
        font = font or fonts.BODY
        lead = (leading or self.leading) * size
        rt = self.rich(src) if isinstance(src, str) else src
        first = 0.0 if first is None else first
        width = width or (self.right - self.left - indent)
        lines_first = markup.wrap(rt, width - first - label_width, font, size)
        # re-wrap tail lines at full width
        lines = []
        if lines_first:
            l0 = lines_first[0]
            lines.append(l0)
            rest = markup.RichText(rt.s[l0.end:], frozenset(i - l0.end for i in rt.soft if i >= l0.end), [])
            if rest.s.strip(" "):
                for ln in markup.wrap(rest, width, font, size):
                    lines.append(markup.Line(ln.start + l0.end, ln.end + l0.end, ln.text))
                lines[0].end = lines[1].start
        self.space(before)
        self.ensure(lead + keep)
        if on_first:
            on_first(self)
        for i, ln in enumerate(lines):
            self.ensure(lead)
            baseline = self.y - size * 1.0 - (lead - size) / 2
            x = self.left + indent
            w_avail = width
            if i == 0:
                x += first
                w_avail -= first
                if label is not None:
                    fonts.draw(self.c, x, baseline, self._tl(label, tl), font, size)
                    x += label_width
                    w_avail -= label_width
            tw = fonts.width(ln.text, font, size)
            if align == "center":
                x += (w_avail - tw) / 2
            elif align == "right":
                x += w_avail - tw
            fonts.draw(self.c, x, baseline, self._tl(ln.text, tl), font, size, color=color)
            self.register_marks(rt, ln.start, ln.end)
            self.y -= lead
        self.space(after)
        return rt

    def _tl(self, text, on):
        """Text-layer substitution (e.g. Kangxi radicals for look-alike
        unified ideographs): same glyph shapes, different Unicode."""
        return text.translate(self.tl_map) if on and self.tl_map else text

    def heading(self, src, size=16, font=None, align="center", before=6, after=6, keep=60):
        return self.para(src, size=size, font=font or fonts.HEAD, align=align,
                         before=before, after=after, keep=keep)

    def item(self, label, src, level, indent=0.0, label_width=None, size=None, font=None,
             outline=True, title=None, before=0.0, after=0.0, keep=0.0, sep="、", tl=False):
        """A numbered outline item: label printed like '一、' or '（一）'.
        Registers an outline entry (label without punctuation)."""
        size = size or self.body_size
        font = font or fonts.BODY
        printed = label_print(label, sep)
        lw = label_width if label_width is not None else fonts.width(printed, font, size)
        rt = self.rich(src)
        if title is None:
            t = rt.truth
            title = t.split("：", 1)[0] if "：" in t else t
            title = title.rstrip("。 ")
        entry = {"label": strip_label(label), "level": level, "title": title, "page": None}

        def reg(doc):
            entry["page"] = doc.page
        self.para(rt, size=size, font=font, indent=indent + lw, first=-lw, label=printed,
                  label_width=lw, before=before, after=after, keep=keep, on_first=reg, tl=tl)
        if outline:
            self.outline.append(entry)
        return rt

    # ------------------------------------------------------------ finishing
    def finish(self, truthdir):
        if self.open:
            self._finish_page()
        self.c.save()
        for w in dict.fromkeys(self.warnings):
            print(f"  {self.name}: unmarked date-like text: {w!r}")
        truth = {
            "file": self.name + ".pdf",
            "pages": self.page,
        }
        if self.classes is not None:
            truth["classes"] = self.classes
        truth.update({
            "document": self.document,
            "outline": self.outline,
            "tables": self.tables,
            "records": self.records,
            "dates": self.dates,
        })
        if self.postprocess:
            self.postprocess(self.path)
        with open(os.path.join(truthdir, self.name + ".truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=2)
            f.write("\n")
        return truth


def label_print(label, sep="、"):
    """Printed form of an outline label: 一 -> 一、, （一） stays, 1 -> 1、, (1) stays."""
    if label.startswith(("（", "(")):
        return label
    return label + sep


def strip_label(label):
    return re.sub(r"[（）()、.]", "", label)
