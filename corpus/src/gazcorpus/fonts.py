"""Font registration, per-character fallback, measuring and drawing runs."""
import os

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

ARPHIC = os.environ.get("GAZ_ARPHIC_DIR", "/usr/share/fonts/truetype/arphic")
DEJAVU = os.environ.get("GAZ_DEJAVU", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

BODY = "UMing"      # AR PL UMing TW (subfont 2 of uming.ttc)
HEAD = "UKai"       # AR PL UKai TW (subfont 2 of ukai.ttc)
SYMBOL = "DejaVu"   # fallback for glyphs the Arphic fonts lack (e.g. U+2610 ☐)
# Adobe's standard Traditional Chinese CID fonts, never embedded: the PDF
# names them (Type0, encoding UniCNS-UCS2-H, CIDSystemInfo Adobe-CNS1, no
# FontFile) and the reader must map the codes through the CMaps of the
# Adobe-CNS1 collection (poppler-data), as for Word documents set in a
# MingLiU that was not embedded.
CID_BODY = "MSung-Light"
CID_HEAD = "MSung-Light"  # reportlab offers no other Traditional Chinese CID face

_registered = False
_cmaps = {}


def register():
    global _registered
    if _registered:
        return
    for name, path, idx in ((BODY, os.path.join(ARPHIC, "uming.ttc"), 2),
                            (HEAD, os.path.join(ARPHIC, "ukai.ttc"), 2)):
        f = TTFont(name, path, subfontIndex=idx)
        pdfmetrics.registerFont(f)
        _cmaps[name] = f.face.charToGlyph
    f = TTFont(SYMBOL, DEJAVU)
    pdfmetrics.registerFont(f)
    _cmaps[SYMBOL] = f.face.charToGlyph
    # reportlab 4.4.4 gives MSung-Light the Simplified Chinese CMap
    # (UniGB-UCS2-H, which the Adobe-CNS1 collection does not have); these
    # fonts use the Traditional Chinese one.
    from reportlab.pdfbase import cidfonts
    for name in dict.fromkeys((CID_BODY, CID_HEAD)):
        cidfonts.defaultUnicodeEncodings[name] = ("cht", "UniCNS-UCS2-H")
        pdfmetrics.registerFont(cidfonts.UnicodeCIDFont(name))
        _cmaps[name] = _AllCharacters()
    _registered = True


class _AllCharacters:
    """A CID font's 'cmap': every character is drawn in it (the documents set
    in it use only characters of Adobe-CNS1)."""
    def __contains__(self, code):
        return True


def runs(text, font):
    """Split text into (font, substring) runs, falling back per character."""
    out = []
    cmap = _cmaps[font]
    for ch in text:
        f = font if ord(ch) in cmap or ch == " " else SYMBOL
        if out and out[-1][0] == f:
            out[-1][1] += ch
        else:
            out.append([f, ch])
    return [(f, s) for f, s in out]


def width(text, font, size):
    return sum(pdfmetrics.stringWidth(s, f, size) for f, s in runs(text, font))


def draw(canvas, x, y, text, font, size, fake_bold=False, color=None):
    """Draw text at baseline (x, y). fake_bold draws it a second time 0.3 pt
    to the right, as some Word exports do."""
    passes = [0.0, 0.3] if fake_bold else [0.0]
    for dx in passes:
        cx = x + dx
        for f, s in runs(text, font):
            canvas.setFont(f, size)
            if color is not None:
                canvas.setFillColor(color)
            canvas.drawString(cx, y, s)
            cx += pdfmetrics.stringWidth(s, f, size)
    if color is not None:
        canvas.setFillColorRGB(0, 0, 0)
