"""budget-trips: a budget book's 派員出國計畫 detail (issue "budget-book trip
tables"). Page 1 (a right-hand page) holds the summary 派員出國計畫預算彙總表;
from page 2 on, the detail table 派員出國計畫預算類別表 is a spread over facing
landscape pages: the left page (even page numbers) holds the plan columns,
the right page (odd) holds the travel budget columns for the same rows at the
same heights. Long 計畫內容 cells run on to the next spread."""
from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

AGENCY = "臺北市政府產業發展局"
YEAR = 114
TITLE = "派員出國計畫預算類別表"
SUMMARY_TITLE = "派員出國計畫預算彙總表"
UNIT = "單位：新臺幣千元"
BUDGET_ITEM = "一般行政—基本行政工作維持—國外旅費"

# category -> list of plans:
# (name, code, country, institutions, content, period, days, persons, transport, living, office, subject, before)
PLANS = [
    ("一、考察", [
        ("赴日本考察智慧城市與產業創新園區推動經驗", "C3", "日本", "東京都產業勞働局、橫濱市經濟局、柏之葉智慧城市",
         "考察日本東京都及橫濱市推動智慧城市與產業創新園區之整體規劃、招商策略、公私協力模式及區域產業鏈結作法，瞭解其運用數據平台整合交通、能源與公共服務之經驗，並實地參訪柏之葉智慧城市之示範場域，研析其營運管理與民眾參與機制，作為本市內湖科技園區及北士科園區轉型升級、推動產業創新聚落之參考，返國後提出具體政策建議並辦理內部分享會。",
         "⟦114.08-¦114.09⟧", 6, 3, 165, 126, 9, BUDGET_ITEM, "無"),
        ("赴荷蘭考察循環經濟與城市農業發展", "A2", "荷蘭", "阿姆斯特丹市政府、瓦赫寧根大學",
         "考察荷蘭阿姆斯特丹循環經濟策略（Amsterdam Circular Strategy）之推動架構、產業輔導及資源循環示範案例，參訪瓦赫寧根大學及城市農業實驗場域，瞭解垂直農場、食農教育及城市綠屋頂之技術發展與法規配套，評估引進本市市場處及農業推廣業務之可行性，並洽談後續人才交流與合作研究計畫。",
         "⟦114.05|2025-05⟧", 8, 2, 184, 162, 8, BUDGET_ITEM, "有，111 年赴阿姆斯特丹市政府拜會"),
        ("赴新加坡考察公有市場改建與營運管理", "B1", "新加坡", "新加坡國家環境局、裕廊東小販中心",
         "考察新加坡國家環境局小販中心更新計畫、公有市場改建之財務模式、攤商輔導與衛生管理制度，實地參訪裕廊東小販中心及智慧支付設施，作為本市公有市場改建及營運管理制度檢討之參考。",
         "⟦114.10|2025-10⟧", 5, 2, 58, 74, 4, BUDGET_ITEM, "無"),
    ]),
    ("二、訪問", [
        ("訪問美國姊妹市洽談產業合作交流", "C1", "美國", "舊金山市經濟及勞動力發展辦公室、矽谷台灣創業協會",
         "訪問美國舊金山市及矽谷地區，拜會市政府經濟發展部門及當地台灣創業社群，洽談雙方新創加速器合作、青年創業人才互訪及產業投資媒合機制，並出席當地臺灣科技產業推介活動，行銷本市投資環境、招商優惠措施及創新創業資源，爭取國際企業來臺設立研發中心，擴大雙邊產業合作及投資商機。",
         "⟦114.03-¦114.04⟧", 7, 4, 312, 268, 16, BUDGET_ITEM, "有，112 年赴舊金山市經濟及勞動力發展辦公室拜會"),
        ("訪問韓國首爾市交流觀光工廠輔導經驗", "B4", "韓國", "首爾特別市經濟政策室",
         "訪問首爾特別市經濟政策室，交流都市型產業及觀光工廠輔導經驗，參訪首爾數位媒體城及聖水洞工業區轉型案例，研議雙方產業觀光合作方案。",
         "⟦114.11|2025-11⟧", 4, 2, 42, 58, 3, BUDGET_ITEM, "無"),
    ]),
    ("三、開會", [
        ("出席亞太經合會中小企業部長會議周邊論壇", "D2", "秘魯", "亞太經合會中小企業工作小組",
         "出席亞太經合會（APEC）中小企業部長會議周邊論壇，分享本市中小企業數位轉型輔導、青年創業貸款及產業聚落發展之政策成果，與各經濟體代表交流中小企業韌性、包容性成長及綠色轉型議題，並蒐集各國推動中小企業國際化之最新政策資訊，作為本市產業政策規劃之參考；會後並參訪當地中小企業發展機構，洽談雙邊合作可能性，擴大本市國際能見度。",
         "⟦114.08|2025-08⟧", 7, 2, 236, 142, 10, BUDGET_ITEM, "無"),
        ("出席世界智慧城市博覽會", "C3", "西班牙", "巴塞隆納智慧城市博覽會主辦單位、巴塞隆納市政府",
         "率本市智慧城市廠商出席巴塞隆納世界智慧城市博覽會（Smart City Expo World Congress），設置臺北城市館展示本市智慧治理成果，並出席城市論壇發表專題演講，與各國城市代表交流智慧交通、智慧能源及數位治理經驗，協助本市廠商拓展歐洲市場，並洽談國際合作備忘錄之簽署事宜。",
         "⟦114.11|2025-11⟧", 6, 3, 246, 168, 12, BUDGET_ITEM, "有，113 年赴巴塞隆納市政府拜會"),
        ("出席亞洲城市論壇年會", "A1", "日本", "亞洲城市論壇秘書處",
         "出席亞洲城市論壇年會，報告本市產業發展與城市治理成果，並與亞洲各城市交流。",
         "⟦114.06|2025-06⟧", 3, 1, 18, 21, 2, BUDGET_ITEM, "無"),
    ]),
]


def _k(v):
    return f"{v:,}"


def build(corpus, truthdir):
    doc = Doc("budget-trips", "unknown", YEAR, corpus, body_size=12,
              margins=(50, 54, 46, 54), footer=common.footer_text(lambda d: f"- {d.page} -"))
    doc.document = {"kind": "unknown", "title": f"{AGENCY}{YEAR} 年度單位預算 派員出國計畫", "issuer": AGENCY,
                    "date": None, "dateRaw": None}

    # ---- page 1: summary (a right-hand page)
    doc.new_page(landscape=False)
    doc.margins = (72, 72, 72, 72)
    doc.y = doc.top
    doc.heading(f"{AGENCY}", size=16, before=0, after=2)
    doc.heading(SUMMARY_TITLE, size=18, after=4)
    y = doc.y
    fonts.draw(doc.c, doc.left, y - 12, f"中華民國 {YEAR} 年度", fonts.BODY, 12)
    fonts.draw(doc.c, doc.right - fonts.width(UNIT, fonts.BODY, 12), y - 12, UNIT, fonts.BODY, 12)
    doc.space(20)
    header = [[C("類別", rs=2), C("計畫數", rs=2), C("擬派人數", rs=2), C("旅費預算", cs=4)],
              [C("交通費"), C("生活費"), C("辦公費"), C("合計")]]
    body, stats = [], []
    tot = [0] * 6
    for cat, plans in PLANS:
        vals = [len(plans), sum(p[7] for p in plans), sum(p[8] for p in plans), sum(p[9] for p in plans),
                sum(p[10] for p in plans)]
        vals.append(vals[2] + vals[3] + vals[4])
        tot = [a + b for a, b in zip(tot, vals)]
        label = cat.split("、", 1)[1]
        body.append([C(label, align="center")] + [C(_k(v), align="right") for v in vals])
        stats.append((label, vals))
    body.append([C("合計", align="center")] + [C(_k(v), align="right") for v in tot])
    stats.append(("合計", tot))
    t = Table(SUMMARY_TITLE, [70, 55, 65, 65, 65, 65, 66], header, body, style="fill", size=12, unit=UNIT,
              pady=5)
    res = render(doc, t)
    cols = ["計畫數", "擬派人數", "旅費預算/交通費", "旅費預算/生活費", "旅費預算/辦公費", "旅費預算/合計"]
    units = [None, "人", "千元", "千元", "千元", "千元"]
    for i, (label, vals) in enumerate(stats):
        for c, u, v in zip(cols, units, vals):
            doc.records.append(common.statistic(SUMMARY_TITLE, label, c, v, u, res, i))
    doc.space(10)
    doc.para("說明：本表所列旅費預算均編列於「一般行政」工作計畫項下，詳細內容請參閱次頁起之派員出國計畫預算類別表。",
             size=12)

    # ---- spread: left pages even, right pages odd
    doc.margins = (50, 54, 46, 54)

    def page_top(d, cont):
        d.y = d.top
        d.heading(TITLE + ("（續）" if cont else ""), size=16, before=0, after=2, keep=0)
        yy = d.y
        fonts.draw(d.c, d.left, yy - 12, f"{AGENCY}　中華民國 {YEAR} 年度", fonts.BODY, 12)
        fonts.draw(d.c, d.right - fonts.width(UNIT, fonts.BODY, 12), yy - 12, UNIT, fonts.BODY, 12)
        d.y = d.top - 50

    left = ["計畫名稱及領域代碼", "擬前往國家", "擬拜會或視察機構", "計畫內容", "預計前往期間", "預計天數", "擬派人數"]
    header = [[C(x, rs=2) for x in left]
              + [C("旅費預算", cs=3), C("合計", rs=2), C("歸屬預算科目", rs=2), C("前三年內有無赴同一機構拜會", rs=2)],
              [C("交通費"), C("生活費"), C("辦公費")]]
    body, plan_rows = [], []
    for cat, plans in PLANS:
        body.append([C(cat, valign="top")] + [C("")] * 12)
        for p in plans:
            name, code, country, inst, content, period, days, persons, tr, lv, of, subj, before = p
            plan_rows.append((len(body), p))
            body.append([C(f"{name}（{code}）"), C(country, align="center"), C(inst), C(content),
                         C(period, align="center"), C(str(days), align="center"), C(str(persons), align="center"),
                         C(_k(tr), align="right"), C(_k(lv), align="right"), C(_k(of), align="right"),
                         C(_k(tr + lv + of), align="right"), C(subj), C(before)])
    widths = [140, 64, 118, 296, 50, 33, 33] + [88, 88, 88, 88, 170, 212]
    t = Table(TITLE, widths, header, body, style="stroke", size=12, leading=1.3, valign="top", unit=UNIT,
              spread_at=7, page_top=page_top, page_top_h=50, landscape=True, header_valign="middle")
    res = render(doc, t)
    assert res["split_rows"], res
    print("  spread rows split over spreads:", res["split_rows"], "pages", res["pages"])
    for r, p in plan_rows:
        name, code, country, inst, content, period, days, persons, tr, lv, of, subj, before = p
        mk = markup.parse(period, doc.ctx_year).marks[0]
        total = tr + lv + of
        doc.records.append({"type": "trip", "table": res["id"], "row": r, "page": res["row_pages"][r],
                            "planName": f"{name}（{code}）", "startDate": mk.iso_start, "endDate": mk.iso_end,
                            "destination": country, "travellers": None, "travellerCount": persons,
                            "budgetTWD": total * 1000, "budgetRaw": _k(total), "outcomes": None})
    return doc.finish(truthdir)
