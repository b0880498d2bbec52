"""land-transcript: a 土地登記第二類謄本 (地號全部) as a land office's
electronic transcript prints it (issue 14, class 6): a title block, then
repeated key–value blocks in ruled boxes, `label：value` one or two to a line
(short labels spread to four characters' width, as 地　　目, by placing the
characters, not by space characters): one 土地標示部 block, one 土地所有權部
block per owner, one 土地他項權利部 block, over two pages. Each block is a
`form` record; each kind of block is a logical table with one row per block
and one column per label."""
import re

from gazcorpus import fonts, markup
from gazcorpus.layout import Doc

TITLE = "土地登記第二類謄本（地號全部）"
PARCEL = "大安區龍泉段二小段　0123-0000地號"
OFFICE = "臺北市大安地政事務所"
PRINTED = "民國114年06月10日"

# kind -> blocks; a block is a list of printed lines, a line a list of (label, value)
LAND = ("土地標示部", [[
    [("登記日期", "民國105年03月08日"), ("登記原因", "分割")],
    [("地目", "建"), ("等則", "--")],
    [("面積", "****123.45平方公尺")],
    [("使用分區", "（空白）"), ("使用地類別", "（空白）")],
    [("公告土地現值年月", "民國114年01月"), ("公告土地現值", "***15,200元／平方公尺")],
    [("地上建物建號", "共1棟")],
    [("其他登記事項", "因分割增加地號：0123-0001地號")],
]])


def _owner(order, date, cause, cause_date, name, uid, addr, share, cert, related):
    return [
        [("登記次序", order)],
        [("登記日期", date), ("登記原因", cause)],
        [("原因發生日期", cause_date)],
        [("所有權人", name), ("統一編號", uid)],
        [("住址", addr)],
        [("權利範圍", share), ("權狀字號", cert)],
        [("當期申報地價", "114年01月****9,840.0元／平方公尺")],
        [("前次移轉現值或原規定地價", "105年02月***150,000.0元／平方公尺")],
        [("歷次取得權利範圍", share), ("相關他項權利登記次序", related)],
        [("其他登記事項", "（空白）")],
    ]


OWNERS = ("土地所有權部", [
    _owner("0001", "民國105年03月08日", "買賣", "民國105年02月15日", "王大明", "A12*****89",
           "臺北市大安區龍泉里11鄰和平東路二段＊＊＊號＊＊樓", "2分之1", "105北大字第012345號", "0001-000"),
    _owner("0003", "民國108年11月22日", "繼承", "民國108年06月30日", "王小美", "A22*****31",
           "臺北市文山區萬芳里5鄰興隆路三段＊＊＊巷＊＊號", "4分之1", "108北大字第023456號", "（空白）"),
    _owner("0004", "民國108年11月22日", "繼承", "民國108年06月30日", "王志豪", "A12*****07",
           "新北市中和區安和里18鄰景平路＊＊＊號＊＊樓之＊", "8分之1", "108北大字第023457號", "（空白）"),
    _owner("0005", "民國112年04月17日", "贈與", "民國112年03月28日", "林淑芬", "F22*****46",
           "臺北市大安區龍泉里11鄰和平東路二段＊＊＊號＊＊樓", "8分之1", "112北大字第009876號", "（空白）"),
])

RIGHTS = ("土地他項權利部", [[
    [("登記次序", "0001-000"), ("權利種類", "最高限額抵押權")],
    [("收件年期", "民國105年"), ("字號", "大安字第012340號")],
    [("登記日期", "民國105年03月10日"), ("登記原因", "設定")],
    [("權利人", "臺灣土地銀行股份有限公司"), ("統一編號", "03734301")],
    [("住址", "臺北市中正區館前路46號")],
    [("債權額比例", "1分之1")],
    [("擔保債權總金額", "新臺幣*****6,000,000元正")],
    [("擔保債權種類及範圍", "擔保債務人對抵押權人現在（包括過去所負現在尚未清償）及將來在本抵押權設定契約書所定最高限額內所負之債務，"
                     "包括借款、透支、票據及保證。")],
    [("擔保債權確定期日", "民國135年03月09日")],
    [("清償日期", "依照各個契約約定"), ("利息（率）", "依照各個契約約定")],
    [("債務人及債務額比例", "王大明，債務額比例全部")],
    [("權利標的", "所有權"), ("標的登記次序", "0001")],
    [("設定權利範圍", "2分之1"), ("證明書字號", "105北大他字第001234號")],
    [("共同擔保地號", "龍泉段二小段0123-0000")],
    [("其他登記事項", "（空白）")],
]])

SIZE = 12
LEAD = 1.4 * SIZE
PAD = 6.0
LABEL_EM = 4      # short labels are spread to this many characters


def _mark(v):
    """Dates in a value, marked for the truth's dates (民國 kept in the raw)."""
    return re.sub(r"民國\d{2,3}年\d{2}月(?:\d{2}日)?", lambda m: "⟦" + m[0] + "⟧", v)


def normalise(value):
    """ISO date for an ROC date, a number for an area or an amount (a 年月
    before the amount is the month it applies to), else None."""
    m = re.fullmatch(r"民國(\d{2,3})年(\d{2})月(?:(\d{2})日)?", value)
    if m:
        y = int(m[1]) + 1911
        return f"{y:04d}-{m[2]}" + (f"-{m[3]}" if m[3] else "")
    v = re.sub(r"^\d{2,3}年\d{2}月", "", value)
    m = re.fullmatch(r"(?:新臺幣)?\**([\d,]+(?:\.\d+)?)(?:平方公尺|元／平方公尺|元正|元)", v)
    if m:
        num = m[1].replace(",", "")
        return float(num) if "." in num else int(num)
    return None


def _label_width(label):
    em = fonts.width("　", fonts.BODY, SIZE)
    return max(fonts.width(label, fonts.BODY, SIZE), LABEL_EM * em) if len(label) < LABEL_EM else \
        fonts.width(label, fonts.BODY, SIZE)


def _draw_label(c, x, base, label):
    """Short labels spread over LABEL_EM characters (地　　目), each character
    placed on its own; the text layer has no space characters."""
    n = len(label)
    if n >= LABEL_EM or n == 1:
        fonts.draw(c, x, base, label, fonts.BODY, SIZE)
        return
    em = fonts.width("　", fonts.BODY, SIZE)
    step = (LABEL_EM - 1) * em / (n - 1)
    for i, ch in enumerate(label):
        fonts.draw(c, x + i * step, base, ch, fonts.BODY, SIZE)


def _layout(doc, block):
    """Printed lines of a block: [(x offset, label, value rt, value lines)]."""
    inner = doc.text_width - 2 * PAD
    half = inner / 2
    colon = fonts.width("：", fonts.BODY, SIZE)
    rows = []
    for line in block:
        pieces = []
        for k, (label, value) in enumerate(line):
            x = 0.0 if k == 0 else half
            lw = _label_width(label) + colon
            avail = (half if len(line) > 1 else inner) - lw - 4
            rt = doc.rich(_mark(value))
            lines = markup.wrap(rt, avail, fonts.BODY, SIZE)
            if len(line) > 1:
                assert len(lines) == 1, (label, value)
            pieces.append((x, lw, label, rt, lines))
        rows.append(pieces)
    return rows


def _height(rows):
    return 2 * PAD + sum(max(len(p[4]) for p in r) for r in rows) * LEAD


def build(corpus, truthdir):
    doc = Doc("land-transcript", "unknown", 114, corpus, body_size=SIZE, margins=(48, 60, 54, 60),
              footer=_footer)
    doc.classes = [{"class": 6, "name": "keyValueForm"}]
    doc.document = {"kind": "unknown", "title": TITLE, "issuer": OFFICE, "date": "2025-06-10",
                    "dateRaw": PRINTED}
    c = doc.c
    doc.new_page()
    doc.heading(TITLE, size=18, before=0, after=6, keep=0)
    doc.heading(PARCEL, size=14, font=fonts.BODY, before=0, after=8, keep=0)
    doc.para(f"列印時間：⟦{PRINTED}⟧10時25分", size=SIZE, after=0)
    doc.para("本案係依照分層負責規定授權承辦人員核發", size=SIZE, after=0)
    doc.para("大安電謄字第012345號", size=SIZE, after=0)
    doc.para(f"資料管轄機關：{OFFICE}　　謄本核發機關：{OFFICE}", size=SIZE, after=10)

    for kind, blocks in (LAND, OWNERS, RIGHTS):
        laid = [_layout(doc, b) for b in blocks]
        bar_h = 22.0
        doc.ensure(bar_h + _height(laid[0]))
        # the kind's heading in a ruled bar
        top = doc.y
        c.setLineWidth(0.5)
        c.rect(doc.left, top - bar_h, doc.text_width, bar_h, stroke=1, fill=0)
        w = fonts.width(kind, fonts.HEAD, 14)
        fonts.draw(c, doc.left + (doc.text_width - w) / 2, top - bar_h + 6, kind, fonts.HEAD, 14)
        doc.y = top - bar_h
        labels = list(dict.fromkeys(lab for b in blocks for line in b for lab, _ in line))
        table_id = f"t{len(doc.tables) + 1}"
        rows, pages = [], []
        for bi, (block, rws) in enumerate(zip(blocks, laid)):
            h = _height(rws)
            if doc.y - h < doc.bottom:
                doc.new_page()
            page = doc.page
            pages.append(page)
            top = doc.y
            c.setLineWidth(0.5)
            c.rect(doc.left, top - h, doc.text_width, h, stroke=1, fill=0)
            y = top - PAD
            for pieces in rws:
                n = max(len(p[4]) for p in pieces)
                for x, lw, label, rt, lines in pieces:
                    x0 = doc.left + PAD + x
                    for j, ln in enumerate(lines):
                        base = y - j * LEAD - (LEAD - SIZE) / 2 - 0.879 * SIZE
                        if j == 0:
                            _draw_label(c, x0, base, label)
                            fonts.draw(c, x0 + lw - fonts.width("：", fonts.BODY, SIZE), base, "：",
                                       fonts.BODY, SIZE)
                        fonts.draw(c, x0 + lw, base, ln.text, fonts.BODY, SIZE)
                        doc.register_marks(rt, ln.start, ln.end, page)
                y -= n * LEAD
            doc.y = top - h
            fields = {label: markup.plain(value) for line in block for label, value in line}
            rows.append([fields.get(lab, "") for lab in labels])
            doc.records.append({"type": "form", "table": table_id, "row": bi, "page": page, "title": kind,
                                "fields": fields, "values": {k: normalise(v) for k, v in fields.items()}})
        doc.tables.append({"id": table_id, "title": kind, "pages": sorted(set(pages)), "shape": "keyValueBlocks",
                           "unit": None, "header": labels, "headerRows": [labels], "rows": rows, "spans": []})
        doc.space(10)
    doc.para("（本謄本列印完畢）", size=SIZE, align="center", after=6)
    doc.para("※注意：本電子謄本係依電子簽章法規定產製，與地政事務所核發之紙張謄本具同等效用。", size=10.5, after=0)
    assert doc.page == 2, doc.page
    return doc.finish(truthdir)


def _footer(doc):
    txt = f"頁次：{doc.page}"
    fonts.draw(doc.c, doc.right - fonts.width(txt, fonts.BODY, 10.5), 36, txt, fonts.BODY, 10.5)
