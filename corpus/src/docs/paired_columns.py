"""paired-columns: a city research, development and evaluation commission's
work report to the council (issue 14, classes 3, 4 and 2). An **unruled**
statistics table repeats its column pair side by side (機關名稱 | 件數 |
機關名稱 | 件數, two agencies a row, counts right-aligned just left of the
next name), and a ruled table with a two-row header whose **last row sits
alone on the next page** under the repeated header (協處民眾集體陳情 after
協處市民個別陳情)."""
from gazcorpus import common, fonts
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "臺北市政府研究發展考核委員會工作報告"
ISSUER = "臺北市政府研究發展考核委員會"
DATE_RAW = "中華民國114年3月4日"

PAIRS_TITLE = "113年下半年各機關受理人民陳情案件數"
AGENCIES = [("交通局", 8356), ("都市發展局", 5128), ("環境保護局", 4730), ("警察局", 3982), ("工務局", 3415),
            ("教育局", 2348), ("社會局", 1876), ("建築管理工程處", 1530), ("產業發展局", 1024),
            ("衛生局", 987), ("民政局", 864), ("勞動局", 712), ("公園路燈工程管理處", 655), ("消防局", 498),
            ("文化局", 367), ("地政局", 256)]

STATS_TITLE = "陳情案件統計"
STATS_UNIT = "單位：件"
PERIODS = ["113年下半年", "112年下半年"]
# row label, 受理件數 (113 H2, 112 H2), 結案件數 (113 H2, 112 H2)
STATS = [
    ("市長信箱", [12845, 11902, 12796, 11877]),
    ("1999市民當家熱線轉陳情", [18213, 17455, 18120, 17390]),
    ("單一陳情系統", [14360, 13118, 14298, 13087]),
    ("書面及臨櫃陳情", [3191, 3402, 3180, 3395]),
    ("協處市民個別陳情", [23, 19, 23, 19]),
    ("協處民眾集體陳情", [1, 3, 1, 3]),
]


def _k(v):
    return f"{v:,}"


def build(corpus, truthdir):
    doc = Doc("paired-columns", "workReport", 113, corpus, body_size=13, has_top=True,
              margins=(60, 72, 64, 72), footer=common.footer_dash())
    doc.classes = [{"class": 3, "name": "sideBySidePairs"}, {"class": 4, "name": "lastRowAloneOnNextPage"},
                   {"class": 2, "name": "multiRowHeader"}]
    doc.document = {"kind": "workReport", "title": TITLE, "issuer": ISSUER, "date": "2025-03-04",
                    "dateRaw": DATE_RAW}
    total = sum(n for _, n in AGENCIES)
    doc.new_page()
    doc.heading(TITLE, size=20, before=0, after=4, keep=0)
    doc.heading("（113年7月至12月）", size=14, font=fonts.BODY, before=0, after=4, keep=0)
    doc.para(f"報告人：主任委員 陳志遠　　⟦{DATE_RAW}⟧", size=13, align="center", after=10)
    doc.item("壹", "重要業務執行成果", 1, font=fonts.HEAD, size=16, before=4, after=4, keep=60)
    doc.item("一", "人民陳情案件處理", 2, after=2, keep=60)
    doc.item("（一）", "受理情形", 3, indent=14, after=2, keep=40)
    doc.para(f"本會督導本府各機關依「臺北市政府處理人民陳情案件要點」辦理人民陳情案件，113年下半年各機關受理人民陳情案件計"
             f" {total:,} 件，較 112 年同期增加 4.6%，以交通局、都市發展局及環境保護局受理件數最多，各機關受理件數如下表：",
             indent=42, first=28, after=6, keep=60)
    half = len(AGENCIES) // 2
    body = []
    for i in range(half):
        (a, n), (b, m) = AGENCIES[2 * i], AGENCIES[2 * i + 1]
        body.append([C(a), C(_k(n), align="right"), C(b), C(_k(m), align="right")])
    doc.para(PAIRS_TITLE, size=12, align="center", after=2, keep=80)
    t = Table(PAIRS_TITLE, [116, 52, 116, 52], [["機關名稱", "件數", "機關名稱", "件數"]], body, style="none",
              size=12, leading=1.3, padx=4, pady=2, unit="件")
    res = render(doc, t)
    for i, (name, n) in enumerate(AGENCIES):
        doc.records.append(common.statistic(PAIRS_TITLE, name, "件數", n, "件", res, i // 2))
    doc.space(8)

    doc.item("（二）", "陳情案件統計", 3, indent=14, after=2, keep=40)
    doc.para("各類陳情管道受理及結案件數與上年同期比較如下：",
             indent=42, first=28, after=0, keep=40)
    # The table is placed so that all its rows but the last fit on this page:
    # the last row goes alone to the next page, under the repeated header.
    size, lead_f, pady = 12, 1.3, 4
    h = 2 * pady + lead_f * size
    header_h = 2 * h
    n = len(STATS)
    title_h = 12 * doc.leading + 2 + 11 * doc.leading + 2
    target = doc.bottom + header_h + (n - 1) * h + h / 2
    gap = doc.y - (target + title_h)
    assert 0 <= gap < 40, gap
    doc.space(gap)
    page = doc.page
    doc.para(STATS_TITLE, size=12, align="center", after=2)
    doc.para(STATS_UNIT, size=11, align="right", after=2)
    header = [[C("項目", rs=2), C("受理件數", cs=2), C("結案件數", cs=2)], [C(p) for p in PERIODS * 2]]
    body = [[C(label)] + [C(_k(v), align="right") for v in vals] for label, vals in STATS]
    t = Table(STATS_TITLE, [150, 75, 75, 75, 75], header, body, style="stroke", size=size, leading=lead_f,
              pady=pady, unit=STATS_UNIT)
    res = render(doc, t)
    assert res["row_pages"] == [page] * (n - 1) + [page + 1], res
    cols = [f"受理件數/{p}" for p in PERIODS] + [f"結案件數/{p}" for p in PERIODS]
    for i, (label, vals) in enumerate(STATS):
        for col, v in zip(cols, vals):
            doc.records.append(common.statistic(STATS_TITLE, label, col, v, "件", res, i))
    doc.space(10)

    doc.item("（三）", "處理時效", 3, indent=14, after=2, keep=40)
    doc.para("113年下半年人民陳情案件平均處理日數為 4.8 日，較上年同期縮短 0.6 日；逾期案件計 37 件，已函請各機關檢討原因並列管追蹤。",
             indent=42, first=28, after=6)
    doc.item("二", "施政計畫管制考核", 2, after=2, keep=60)
    doc.para("本會就本府 113 年度施政計畫重要計畫 126 項辦理實地查證及書面考核，並於⟦113年10月15日⟧召開考核會議，"
             "考核結果列為優等者 18 項、甲等者 71 項，已陳報市長核定並函送各機關參考改善。",
             indent=42, first=28, after=6)
    doc.item("貳", "未來工作重點", 1, font=fonts.HEAD, size=16, before=8, after=4, keep=60)
    doc.para("賡續精進陳情案件處理流程，推動陳情系統與 1999 話務系統整合，並運用陳情數據分析市民需求，提供各機關施政參考。",
             indent=28, first=28, after=6)
    return doc.finish(truthdir)
