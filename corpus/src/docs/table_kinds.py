"""table-kinds: a test sheet of table shapes in the style of a ministry
handbook (plant protection). (a) vertical rules only, rows separated by
whitespace; (b) header rules only with fake-bold header; (c) an unruled
table between prose paragraphs; (d) filled-rectangle borders with a row span,
a column span and a partly missing border; (e) a two-row nested header;
(f) a diagonal light-grey 草案 watermark over a table; (g) fake-bold header
cells drawn twice 0.3 pt apart."""
from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "植物保護手冊 表格樣式測試頁"
DATE_RAW = "中華民國 114 年 3 月 1 日"

PESTICIDES_TITLE = "甘藍小菜蛾防治藥劑"
PESTICIDES = [
    ("2.8% 第滅寧乳劑", "2,000 倍", "發生初期開始施藥，每隔 7 天施藥一次，共三次。", "採收前 6 天停止施藥。對蜜蜂有毒，開花期間避免施藥。"),
    ("10% 百滅寧乳劑", "1,000 倍", "幼蟲發生時施藥，每隔 7 天施藥一次。", "採收前 9 天停止施藥。對魚毒性高，勿污染水源。"),
    ("24% 納乃得溶液", "1,000 倍", "害蟲發生初期施藥，必要時隔 7 天再施藥一次。", "採收前 6 天停止施藥。本劑毒性較高，施藥時應穿著防護衣物及口罩。"),
    ("50% 加保利可濕性粉劑", "1,200 倍", "發生初期施藥一次，視需要再施藥。", "採收前 12 天停止施藥。"),
    ("蘇力菌 (Bacillus thuringiensis) 水分散性粒劑", "1,500 倍", "幼蟲孵化期施藥，每隔 5 至 7 天施藥一次。", "宜於傍晚施藥，避免強光分解。"),
]

TIMING_TITLE = "主要作物病蟲害防治適期"
TIMING = [
    ("水稻", "稻熱病", "分蘗盛期至孕穗期", "注意氮肥勿過量"),
    ("水稻", "褐飛蝨", "孕穗期至乳熟期", "田間每叢 10 隻以上時施藥"),
    ("甘藍", "小菜蛾", "定植後 2 至 4 週", "輪用不同作用機制藥劑"),
    ("番茄", "晚疫病", "低溫多濕季節發病前", "清除罹病枝葉"),
    ("柑橘", "潰瘍病", "新梢抽出期", "颱風前後加強防治"),
]

FERT_TITLE = "常用肥料三要素含量"
FERT = [("硫酸銨", "21", "0", "0"), ("尿素", "46", "0", "0"), ("過磷酸鈣", "0", "18", "0"),
        ("氯化鉀", "0", "0", "60"), ("台肥 43 號複合肥料", "15", "15", "15")]

STATIONS_TITLE = "各區農業改良場轄區及聯絡電話"

TRIPS_TITLE = "114 年度植物保護國際研習派員計畫"
TRIPS = [("赴日本研習有害生物整合管理技術", "日本", "⟦114.09|2025-09⟧", 82, 96),
         ("赴荷蘭研習設施園藝病害診斷", "荷蘭", "⟦114.05|2025-05⟧", 128, 142),
         ("出席亞太植物保護委員會年會", "泰國", "⟦114.11|2025-11⟧", 36, 48)]


def build(corpus, truthdir):
    doc = Doc("table-kinds", "unknown", 114, corpus, body_size=13,
              footer=common.footer_dash())
    doc.document = {"kind": "unknown", "title": TITLE, "issuer": None, "date": "2025-03-01", "dateRaw": DATE_RAW}
    doc.new_page()
    doc.heading(TITLE, size=18, before=0, after=2)
    doc.para(f"修訂日期：{DATE_RAW}", size=12, align="right", after=8)

    # (a) vertical rules only
    doc.item("一", "藥劑防治（直線分隔、列間以空白區隔之表格）", 1, after=4, title="藥劑防治")
    doc.para(PESTICIDES_TITLE, size=13, align="center", after=4)
    body = [[C(a), C(b, align="center"), C(c), C(d)] for a, b, c, d in PESTICIDES]
    t = Table(PESTICIDES_TITLE, [110, 62, 130, 149], [["藥劑名稱", "稀釋倍數", "施藥方法", "注意事項"]], body,
              style="vrules", size=12, valign="top", row_gap=10, pady=2)
    render(doc, t)
    doc.space(8)

    # (b) header rules only, fake-bold header (g)
    doc.item("二", "防治適期（僅表頭框線、表頭粗體以重複描繪模擬）", 1, before=6, after=4, title="防治適期", keep=160)
    doc.para(TIMING_TITLE, size=13, align="center", after=4)
    t = Table(TIMING_TITLE, [70, 80, 150, 151], [["作物", "病蟲害", "防治適期", "備註"]],
              [list(r) for r in TIMING], style="hrules", size=12, header_bold=True, pady=3)
    render(doc, t)
    doc.space(8)

    # (c) unruled table between prose
    doc.item("三", "合理化施肥（無框線表格與內文相鄰）", 1, before=6, after=4, title="合理化施肥", keep=200)
    doc.para("施用化學肥料前，應先辦理土壤肥力檢測，再依作物需求計算施肥量。下表為常用肥料三要素含量（%），施用時應依土壤肥力調整：",
             first=26, after=4)
    t = Table(FERT_TITLE, [150, 70, 70, 70], [[C("肥料名稱", align="left"), "氮", "磷酐", "氧化鉀"]], [list(r) for r in FERT],
              style="none", size=13, padx=2, pady=1, leading=1.4, aligns=["left", "right", "right", "right"],
              header_align="right", x=doc.left + 26, unit="%")
    res = render(doc, t)
    for i, r in enumerate(FERT):
        for k, col in ((1, "氮"), (2, "磷酐"), (3, "氧化鉀")):
            doc.records.append(common.statistic(FERT_TITLE, r[0], col, int(r[k]), "%", res, i))
    doc.para("施用有機質肥料時，應考量其養分釋放較緩慢之特性，酌減化學肥料用量；資料更新至 113 年 12 月 31 日。",
             first=26, before=4, after=6)

    # (d) filled rectangles with spans and a partly missing border
    doc.item("四", "試驗改良場所（填色矩形框線、合併儲存格）", 1, before=6, after=4, title="試驗改良場所", keep=200)
    doc.para(STATIONS_TITLE, size=13, align="center", after=4)
    header = [[C("區域"), C("場所"), C("轄區"), C("聯絡電話")]]
    body = [
        [C("北部", rs=2, align="center"), C("桃園區農業改良場"), C("臺北市、新北市、基隆市、桃園市、宜蘭縣"), C("(03)476-8216")],
        [C("苗栗區農業改良場"), C("新竹縣、新竹市、苗栗縣"), C("(037)991-111")],
        [C("中部", align="center"), C("臺中區農業改良場"), C("臺中市、彰化縣、南投縣"), C("(04)852-3101")],
        [C("南部", align="center"), C("臺南區農業改良場"), C("雲林縣、嘉義縣、嘉義市、臺南市"), C("(06)591-2901")],
        [C("東部", align="center", noborder="b"), C("花蓮區農業改良場、臺東區農業改良場（聯合服務窗口）", cs=2),
         C("(03)852-1108")],
    ]
    t = Table(STATIONS_TITLE, [50, 130, 171, 100], header, body, style="fill", size=12, lw=0.6)
    render(doc, t)
    doc.para("註：東部區域一列之下框線刻意留缺（模擬 Word 匯出時框線遺漏）。", size=11, before=2, after=6)

    # (e) nested two-row header, fake bold; (f) watermark over it
    doc.item("五", "國際研習派員（雙層表頭，表上加註浮水印）", 1, before=6, after=4, title="國際研習派員", keep=200)
    doc.para(TRIPS_TITLE, size=13, align="center", after=4)
    y_top = doc.y
    header = [[C("計畫名稱", rs=2), C("前往國家", rs=2), C("預計期間", rs=2), C("旅費預算", cs=2), C("合計", rs=2)],
              [C("交通費"), C("生活費")]]
    body = [[C(n), C(c, align="center"), C(p, align="center"), C(f"{a:,}", align="right"), C(f"{b:,}", align="right"),
             C(f"{a + b:,}", align="right")] for n, c, p, a, b in TRIPS]
    t = Table(TRIPS_TITLE, [150, 60, 70, 55, 55, 61], header, body, style="stroke", size=12, header_bold=True,
              unit="單位：新臺幣千元")
    res = render(doc, t)
    for i, (n, c, p, a, b) in enumerate(TRIPS):
        mk = markup.parse(p, doc.ctx_year).marks[0]
        doc.records.append({"type": "trip", "table": res["id"], "row": i, "page": res["row_pages"][i],
                            "planName": n, "startDate": mk.iso_start, "endDate": mk.iso_end, "destination": c,
                            "travellers": None, "travellerCount": None, "budgetTWD": (a + b) * 1000,
                            "budgetRaw": f"{a + b:,}", "outcomes": None})
    # watermark: light grey, rotated 45°, centred on the table
    cy = (y_top + doc.y) / 2
    cx = doc.width / 2
    c = doc.c
    c.saveState()
    c.translate(cx, cy)
    c.rotate(45)
    c.setFillColorRGB(0.82, 0.82, 0.82)
    c.setFont(fonts.HEAD, 72)
    c.drawCentredString(0, -24, "草案")
    c.restoreState()
    doc.para("表列金額單位為新臺幣千元，實際派員以年度預算審議結果為準。", size=11, before=4)
    return doc.finish(truthdir)
