"""noembed-trips: a city government's report on its year of official trips,
set entirely in Adobe's standard Traditional Chinese CID font MSung-Light,
not embedded (Type0, encoding UniCNS-UCS2-H,
CIDSystemInfo Adobe-CNS1, no FontFile), as Word documents set in a MingLiU
that was not embedded are. Reading its text needs the CMaps of the
Adobe-CNS1 collection (poppler-data); without them a reader must say so, not
report pages without text. Running text with ROC dates and 萬 amounts, and
a ruled trip table."""
from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "新竹市政府 112 年度因公出國計畫執行情形報告"
ISSUER = "新竹市政府秘書處"
DATE_RAW = "中華民國 113 年 1 月 15 日"
TABLE_TITLE = "112 年度因公出國計畫執行情形一覽表"

INTRO = [
    "本府 112 年度因公出國計畫預算新臺幣 320 萬元，截至⟦112 年 12 月 31 日⟧止共執行 4 案，"
    "實支新臺幣 286 萬 4,500 元，執行率 89.5%，各案出國報告均已於返國後 3 個月內上傳公務出國報告資訊網。",
    "各案之計畫名稱、出國日期、地點、人員及經費詳如下表；出國報告全文另置於本府全球資訊網供民眾查閱。",
]

# plan name, dates (marked), destination, travellers, budget
TRIPS = [
    ("赴日本福岡市考察智慧交通及公共運輸整合", "⟦112/¦3/14-3/18⟧", "日本福岡市", "交通處處長張家豪等三人",
     "新臺幣 38 萬 6,200 元"),
    ("出席美國舊金山國際半導體展暨城市交流", "⟦112/¦7/09-7/15⟧", "美國舊金山", "市長高虹安、產業發展處處長邱紹洲等五人",
     "新臺幣 142 萬 3,800 元"),
    ("赴新加坡參訪公共住宅及社會住宅管理", "⟦112/¦9/20-9/23⟧", "新加坡", "都市發展處副處長林佩君等二人",
     "新臺幣 21 萬 7,500 元"),
    ("赴荷蘭恩荷芬市洽談科技產業合作", "⟦112/¦10/16-10/22⟧", "荷蘭恩荷芬市", "副市長邱臣遠等四人",
     "新臺幣 83 萬 7,000 元"),
]


def build(corpus, truthdir):
    body_font, head_font = fonts.BODY, fonts.HEAD
    fonts.register()
    fonts.BODY, fonts.HEAD = fonts.CID_BODY, fonts.CID_HEAD
    try:
        return _build(corpus, truthdir)
    finally:
        fonts.BODY, fonts.HEAD = body_font, head_font


def _build(corpus, truthdir):
    doc = Doc("noembed-trips", "tripReport", 112, corpus, body_size=13,
              footer=common.footer_dash())
    doc.document = {"kind": "tripReport", "title": TITLE, "issuer": ISSUER,
                    "date": "2024-01-15", "dateRaw": DATE_RAW}
    doc.new_page()
    doc.heading("新竹市政府 112 年度", size=20, before=10, after=2, keep=0)
    doc.heading("因公出國計畫執行情形報告", size=20, before=0, after=14, keep=0)
    doc.heading(ISSUER, size=15, before=0, after=4, keep=0)
    doc.heading("⟦" + DATE_RAW + "⟧", size=15, before=0, after=20, keep=0)
    doc.item("一", "計畫執行概況", 1, font=fonts.HEAD, size=15, before=6, after=6, keep=40)
    for p in INTRO:
        doc.para(p, first=26, after=6)
    doc.item("二", "各案執行情形", 1, font=fonts.HEAD, size=15, before=8, after=6, keep=40)
    doc.heading(TABLE_TITLE, size=14, before=2, after=6, keep=0)
    header = [["因公出國計畫名稱", "出國日期", "出國地點", "出國人員", "預算經費"]]
    body = [[C(name), C(dates, align="center"), C(dest), C(who), C(budget)]
            for name, dates, dest, who, budget in TRIPS]
    t = Table(TABLE_TITLE, [150, 78, 70, 110, 74], header, body, style="stroke", size=12, leading=1.3,
              valign="top", padx=4, pady=3)
    res = render(doc, t)
    for i, (name, dates, dest, who, budget) in enumerate(TRIPS):
        mk = markup.parse(dates, doc.ctx_year).marks[0]
        count = common.cn_number(who.rsplit("等", 1)[1].rstrip("人"))
        doc.records.append({"type": "trip", "table": res["id"], "row": i, "page": res["row_pages"][i],
                            "planName": name, "startDate": mk.iso_start, "endDate": mk.iso_end,
                            "destination": dest, "travellers": who, "travellerCount": count,
                            "budgetTWD": common.wan_amount(budget), "budgetRaw": budget,
                            "outcomes": None})
    doc.para("備註：出國報告全文置於本府全球資訊網。", size=12, before=8)
    return doc.finish(truthdir)
