"""Rewriting the ToUnicode CMaps of a finished reportlab PDF.

macOS's Quartz PDFContext (Pages, Keynote, Preview exports) writes, for a
glyph that the font's cmap reaches from several code points, every one of
those code points as the glyph's ToUnicode destination: PingFang / Heiti map
the Kangxi radical ⽣ (U+2F63) and the unified ideograph 生 (U+751F) to one
glyph, so the CMap says `<0012> <2F63751F>` and text extraction gives ⽣生 for
one printed character; a glyph reached also from a compatibility ideograph
(行 U+FA08) gets three code points (⾏行行). reportlab writes one code point
per glyph; `double_tounicode` rewrites its CMaps that way afterwards.

The rewrite is deterministic (same input, same bytes): the objects are kept
in order, the changed streams are Flate-compressed again at level 9, and the
cross-reference table is rebuilt."""
import re
import unicodedata
import zlib
import base64

KANGXI = range(0x2F00, 0x2FD6)
COMPAT = range(0xF900, 0xFB00)


def equivalents(with_compat):
    """unified ideograph -> sorted code points a Quartz-style CMap gives its
    glyph: the ideograph, its Kangxi radicals and (with_compat) the
    compatibility ideographs that decompose to it. Only ideographs that have
    a radical or compatibility twin are listed."""
    table = {}
    for cp in KANGXI:
        u = unicodedata.normalize("NFKC", chr(cp))
        if len(u) == 1 and u != chr(cp):
            table.setdefault(ord(u), set()).add(cp)
    if with_compat:
        for cp in COMPAT:
            dec = unicodedata.decomposition(chr(cp))
            if dec and not dec.startswith("<") and " " not in dec:
                table.setdefault(int(dec, 16), set()).add(cp)
    return {u: sorted(cps | {u}) for u, cps in table.items()}


_OBJ = re.compile(rb"(\d+) 0 obj\n")
_BFCHAR = re.compile(rb"^<([0-9A-F]{2,4})> <([0-9A-F]{4})>$", re.M)


def _decode(dict_bytes, data):
    filters = re.findall(rb"/(FlateDecode|ASCII85Decode)", dict_bytes)
    for f in filters:
        if f == b"ASCII85Decode":
            data = base64.a85decode(data.strip().rstrip(b"~>").strip(), adobe=False)
        else:
            data = zlib.decompress(data)
    return data


def _split(pdf):
    """[(number, object bytes)], header bytes, trailer dict bytes."""
    first = _OBJ.search(pdf)
    header = pdf[:first.start()]
    objs = []
    pos = first.start()
    while True:
        m = _OBJ.match(pdf, pos)
        if not m:
            break
        end_obj = pdf.index(b"endobj", m.end())
        st = pdf.find(b"stream\n", m.end())
        if 0 <= st < end_obj:
            length = int(re.search(rb"/Length (\d+)", pdf[m.end():st])[1])
            end_obj = pdf.index(b"endobj", st + len(b"stream\n") + length)
        end = end_obj + len(b"endobj\n")
        objs.append((int(m[1]), pdf[pos:end]))
        pos = end
    tail = pdf[pos:]
    trailer = tail[tail.index(b"trailer\n"):tail.index(b"startxref")]
    return header, objs, trailer


def _join(header, objs, trailer):
    out = bytearray(header)
    offsets = {}
    for num, body in objs:
        offsets[num] = len(out)
        out += body
    xref_at = len(out)
    size = max(offsets) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n]
    out += trailer
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def double_tounicode(path, fonts):
    """Rewrite the ToUnicode CMaps of the embedded TrueType subsets named in
    fonts (a dict: substring of the subset's CMapName -> equivalents table)
    so that each listed ideograph maps to all its code points. Returns the
    characters that were rewritten (for a report)."""
    pdf = open(path, "rb").read()
    header, objs, trailer = _split(pdf)
    changed = set()
    new_objs = []
    for num, body in objs:
        st = body.find(b"stream\n")
        if st < 0:
            new_objs.append((num, body))
            continue
        head = body[:st]
        length = int(re.search(rb"/Length (\d+)", head)[1])
        data = body[st + 7:st + 7 + length]
        if b"/Filter" not in head:
            new_objs.append((num, body))
            continue
        text = _decode(head, data)
        if b"/CMapType 2 def" not in text or b"beginbfchar" not in text:
            new_objs.append((num, body))
            continue
        name = re.search(rb"/CMapName /(\S+) def", text)[1].decode()
        table = next((t for k, t in fonts.items() if k in name), None)
        if table is None:
            new_objs.append((num, body))
            continue

        def sub(m):
            u = int(m[2], 16)
            if u not in table:
                return m[0]
            changed.add(chr(u))
            return b"<%s> <%s>" % (m[1], "".join("%04X" % cp for cp in table[u]).encode())
        text2 = _BFCHAR.sub(sub, text)
        if text2 == text:
            new_objs.append((num, body))
            continue
        comp = zlib.compress(text2, 9)
        new_head = b"%d 0 obj\n<<\n/Filter [ /FlateDecode ] /Length %d\n>>\n" % (num, len(comp))
        new_objs.append((num, new_head + b"stream\n" + comp + b"endstream\nendobj\n"))
    open(path, "wb").write(_join(header, new_objs, trailer))
    return changed
