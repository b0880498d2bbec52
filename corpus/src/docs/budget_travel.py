"""budget-travel: a central-government unit budget's 派員出國計畫 section
(issue 14, class 5): the 派員出國計畫預算總表 (類別 × 項數 / 人天 / 預算數,
statistics) on a right-hand page, then the three 派員出國計畫預算類別表
(考察、視察、訪問 / 開會、談判 / 進修、研究、實習), each printed as facing-page
spreads: the left page holds 計畫名稱及領域代碼 … 擬派人數, the right page
預算數 (交通費 / 生活費 / 辦公費 / 合計), 歸屬預算科目 and 最近三次赴同一機構之
年度及人數 for the same entries at the same heights. Columns are ruled, the
header is ruled, body rows are not: each entry starts with its number (01,
02 …) on its first line and its name ends with its two-digit 領域代碼 at the
right of its last line; the gap between entries is about the line gap inside
an entry, so only the leading number separates them. The first 類別表 runs
over two spreads."""
from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

AGENCY = "經濟部國際貿易署"
YEAR = 114
BOOK = f"{AGENCY}{YEAR}年度單位預算"
SUMMARY_TITLE = "派員出國計畫預算總表"
TITLE = "派員出國計畫預算類別表"
UNIT = "單位：新臺幣千元"
FIRST_PAGE = 87   # the excerpt's page 1 is page 87 of the book

S_WTO = "國際貿易業務—國際經貿組織事務"
S_BI = "國際貿易業務—雙邊經貿關係"
S_EXP = "貿易管理業務—出口管制及貿易安全"
S_ADM = "一般行政—基本行政工作維持"
S_TRN = "一般行政—人才培育"

# category, entries: (name, code, destination, institutions, content, period (markup), days, persons,
#                     transport, living, office, subject, last three)
CATEGORIES = [
    ("考察、視察、訪問", [
        ("赴日本考察經濟安全保障推動法制及供應鏈韌性政策", "83", "日本",
         "經濟產業省、日本貿易振興機構（JETRO）、東京商工會議所",
         "考察日本經濟安全保障推進法之立法背景、特定重要物資供應鏈強化措施及補助機制，瞭解經濟產業省與日本貿易振興機構協助企業分散供應來源、"
         "建立關鍵物資庫存及風險預警之作法，並與東京商工會議所座談，蒐集日本中小企業因應供應鏈重組之經驗，作為我國研訂供應鏈韌性政策、"
         "強化關鍵產業與物資供應安全之參考。",
         "⟦114.08-¦114.09⟧", 6, 3, 96, 138, 9, S_BI, "111年度2人、113年度3人"),
        ("赴美國考察出口管制及外人投資審查制度", "31", "美國",
         "美國商務部產業安全局、財政部外人投資審議委員會",
         "考察美國商務部產業安全局出口管制清單之增修程序、實體清單審查及執法作業，瞭解外人投資審議委員會對敏感科技投資案件之審查流程與風險評估方法，"
         "並洽談雙方出口管制資訊交換及聯合宣導合作，作為我國健全高科技貨品出口管制及投資審查制度之參考。",
         "⟦114.05⟧", 7, 2, 124, 152, 8, S_EXP, "112年度2人"),
        ("赴歐盟考察碳邊境調整機制申報及查核實務", "56", "比利時",
         "歐盟執委會稅務暨關務總署、比利時聯邦財政部",
         "考察歐盟碳邊境調整機制（CBAM）過渡期申報系統之運作、進口商申報資料查核及碳含量計算方法，瞭解正式實施後憑證購買與繳納之規劃，"
         "蒐集會員國主管機關之執行經驗，作為協助我國出口產業因應碳邊境調整機制、建立產品碳足跡輔導措施之參考。",
         "⟦114.10⟧", 6, 2, 118, 146, 8, S_WTO, "無"),
        ("視察駐泰國及駐越南代表處經濟組業務", "12", "泰國、越南",
         "駐泰國代表處經濟組、駐越南代表處經濟組、臺商總會",
         "視察駐外經濟組推動新南向經貿業務、協助臺商投資及處理貿易糾紛之執行情形，瞭解當地臺商營運現況與需求，並聽取臺商總會對雙邊經貿協議之建議。",
         "⟦114.03⟧", 8, 2, 42, 96, 6, S_ADM, "110年度2人、112年度2人"),
        ("赴印度訪問洽談經貿合作及新南向市場拓銷", "42", "印度",
         "印度商工部、印度工業總會（CII）、印度電子及資訊科技部",
         "訪問印度商工部及電子及資訊科技部，洽談臺印度經貿合作、供應鏈投資及產業標準相互承認事宜，並出席印度工業總會舉辦之臺印度產業合作論壇，"
         "推介我國半導體、資通訊及智慧機械產業，協助業者拓展印度市場，擴大雙邊貿易與投資。",
         "⟦114.11⟧", 7, 3, 126, 168, 12, S_BI, "113年度3人"),
        ("赴中東歐訪問推動產業鏈結與投資合作", "27", "波蘭、捷克",
         "波蘭投資貿易局、捷克投資局、捷克工業聯合會",
         "訪問波蘭投資貿易局及捷克投資局，瞭解中東歐國家吸引外資之獎勵措施、產業園區規劃及人才供給情形，洽談雙邊投資保障與產業合作備忘錄之執行，"
         "並拜會捷克工業聯合會，媒合我國電動車零組件及智慧製造業者與當地企業合作，建立臺歐供應鏈夥伴關係。",
         "⟦114.06-¦114.07⟧", 9, 3, 162, 204, 12, S_BI, "111年度3人、112年度2人、113年度3人"),
        ("赴澳大利亞考察關鍵礦產供應鏈合作", "64", "澳大利亞",
         "澳洲外交貿易部、澳洲貿易投資委員會",
         "考察澳洲關鍵礦產策略及加工產業之投資機會，洽談臺澳關鍵礦產供應鏈合作。",
         "⟦114.09⟧", 5, 2, 88, 102, 6, S_BI, "無"),
    ]),
    ("開會、談判", [
        ("出席亞太經濟合作貿易部長會議", "11", "韓國",
         "亞太經濟合作（APEC）秘書處、韓國產業通商資源部",
         "出席亞太經濟合作貿易部長會議及資深官員會議，就支持多邊貿易體系、數位貿易、供應鏈連結及包容性成長等議題表達我國立場，"
         "並利用會議期間與各經濟體代表進行雙邊會談，爭取支持我國參與區域經濟整合，提升我國於亞太區域之能見度。",
         "⟦114.05⟧", 6, 4, 96, 212, 16, S_WTO, "111年度4人、112年度4人、113年度4人"),
        ("出席世界貿易組織總理事會及相關委員會會議", "11", "瑞士",
         "世界貿易組織（WTO）秘書處",
         "出席世界貿易組織總理事會、貿易政策檢討機構及農業、技術性貿易障礙等委員會會議，追蹤電子商務、漁業補貼及爭端解決機制改革談判進展，"
         "並與主要會員代表團諮商，維護我國經貿利益。",
         "⟦114.07⟧", 8, 3, 132, 228, 12, S_WTO, "112年度3人、113年度3人"),
        ("辦理臺美經貿諮商會議", "31", "美國",
         "美國貿易代表署、美國商務部",
         "赴美國華府辦理臺美經貿諮商會議，就雙邊貿易協定後續議題、供應鏈合作、數位貿易及市場進入等議題進行談判，並與美國國會及智庫人士座談，爭取支持。",
         "⟦114.04⟧", 5, 4, 176, 184, 14, S_BI, "113年度4人"),
        ("出席臺日經濟貿易會議", "83", "日本",
         "日本台灣交流協會、經濟產業省",
         "出席臺日經濟貿易會議，就雙邊貿易投資、經濟安全、能源及中小企業合作等議題進行協商，簽署合作文件並檢討前次會議決議事項之執行情形。",
         "⟦114.11-¦114.12⟧", 4, 3, 48, 66, 6, S_BI, "111年度3人、113年度3人"),
    ]),
    ("進修、研究、實習", [
        ("赴美國進修國際貿易法及爭端解決實務", "11", "美國",
         "喬治城大學法律中心",
         "赴美國喬治城大學法律中心進修國際貿易法碩士課程，研習世界貿易組織協定、自由貿易協定規範及國際投資爭端解決實務，培養我國參與經貿談判與處理貿易爭端之專業人才，返國後撰寫研究報告並擔任內部講座。",
         "⟦114.08-¦115.05⟧", 300, 1, 62, 1040, 18, S_TRN, "無"),
        ("赴比利時研究歐盟貿易救濟制度", "56", "比利時",
         "歐洲學院、歐盟執委會貿易總署",
         "赴歐洲學院研究歐盟反傾銷、平衡稅及防衛措施之調查程序與認定標準，並至歐盟執委會貿易總署短期實習，研析其調查實務。",
         "⟦114.09-¦114.12⟧", 100, 1, 48, 402, 8, S_TRN, "無"),
        ("赴新加坡實習東協經貿整合政策", "42", "新加坡",
         "尤索夫伊薩東南亞研究院",
         "赴尤索夫伊薩東南亞研究院實習，研究東協經濟共同體、區域全面經濟夥伴協定（RCEP）之執行及東協數位經濟架構協定談判，蒐集區域經貿整合資訊。",
         "⟦114.03-¦114.05⟧", 60, 1, 22, 236, 6, S_TRN, "無"),
    ]),
]

LEFT = ["計畫名稱及領域代碼", "擬前往國家/地區", "擬拜會或視察機構", "計畫內容", "預計前往期間", "預計天數", "擬派人數"]
RIGHT_TOP = ["預算數", "歸屬預算科目", "最近三次赴同一機構之年度及人數"]
BUDGET = ["交通費", "生活費", "辦公費", "合計"]


def _k(v):
    return f"{v:,}"


def build(corpus, truthdir):
    doc = Doc("budget-travel", "budgetBook", YEAR, corpus, body_size=12,
              margins=(50, 54, 46, 54), footer=common.footer_text(lambda d: f"{FIRST_PAGE - 1 + d.page}"))
    doc.classes = [{"class": 5, "name": "budgetTripSpread"}, {"class": 2, "name": "multiRowHeader"}]
    doc.document = {"kind": "budgetBook", "title": f"{BOOK}派員出國計畫", "issuer": AGENCY,
                    "date": None, "dateRaw": None}

    # ---- page 1 (a right-hand page): the summary
    doc.new_page(landscape=False)
    doc.margins = (72, 72, 72, 72)
    doc.y = doc.top
    doc.heading(BOOK, size=16, before=0, after=2, keep=0)
    doc.heading("派員出國計畫", size=16, before=0, after=2, keep=0)
    doc.heading(SUMMARY_TITLE, size=18, before=6, after=4, keep=0)
    y = doc.y
    fonts.draw(doc.c, doc.left, y - 12, f"中華民國{YEAR}年度", fonts.BODY, 12)
    fonts.draw(doc.c, doc.right - fonts.width(UNIT, fonts.BODY, 12), y - 12, UNIT, fonts.BODY, 12)
    doc.space(20)
    header = [["類別", "項數", "人天", "預算數"]]
    body, stats = [], []
    tot = [0, 0, 0]
    for cat, entries in CATEGORIES:
        vals = [len(entries), sum(e[6] * e[7] for e in entries), sum(e[8] + e[9] + e[10] for e in entries)]
        tot = [a + b for a, b in zip(tot, vals)]
        body.append([C(cat)] + [C(_k(v), align="right") for v in vals])
        stats.append((cat, vals))
    body.append([C("合計", align="center")] + [C(_k(v), align="right") for v in tot])
    stats.append(("合計", tot))
    t = Table(SUMMARY_TITLE, [170, 70, 90, 100], header, body, style="stroke", size=12, unit=UNIT, pady=6)
    res = render(doc, t)
    for i, (label, vals) in enumerate(stats):
        for col, unit, v in zip(header[0][1:], [None, "人天", "千元"], vals):
            doc.records.append(common.statistic(SUMMARY_TITLE, label, col, v, unit, res, i))
    doc.space(10)
    doc.para("說明：人天係各計畫預計天數乘以擬派人數之合計；各計畫內容詳次頁起之派員出國計畫預算類別表。", size=12)

    # ---- the three 類別表, each a spread (left pages even, right pages odd)
    doc.margins = (50, 54, 46, 54)
    widths = [150, 62, 118, 266, 52, 38, 38] + [62, 62, 62, 62, 190, 286]
    header = [[C(x, rs=2) for x in LEFT] + [C(RIGHT_TOP[0], cs=4), C(RIGHT_TOP[1], rs=2), C(RIGHT_TOP[2], rs=2)],
              [C(x) for x in BUDGET]]
    for cat, entries in CATEGORIES:
        title = f"{TITLE}（{cat}）"

        def page_top(d, cont, cat=cat):
            d.y = d.top
            d.heading(TITLE, size=16, before=0, after=0, keep=0)
            d.heading(f"（{cat}）" + ("（續）" if cont else ""), size=13, before=0, after=2, keep=0)
            yy = d.y
            fonts.draw(d.c, d.left, yy - 11, f"{AGENCY}　中華民國{YEAR}年度", fonts.BODY, 11)
            fonts.draw(d.c, d.right - fonts.width(UNIT, fonts.BODY, 11), yy - 11, UNIT, fonts.BODY, 11)

        body = []
        for n, e in enumerate(entries, 1):
            name, code, dest, inst, content, period, days, persons, tr, lv, of, subj, last = e
            body.append([C(name, label=f"{n:02d}", label_gap=5, hang=True, tail=code, tail_gap=8, sep=" "),
                         C(dest, align="center"), C(inst), C(content), C(period, align="center"),
                         C(str(days), align="center"), C(str(persons), align="center"),
                         C(_k(tr), align="right"), C(_k(lv), align="right"), C(_k(of), align="right"),
                         C(_k(tr + lv + of), align="right"), C(subj), C(last)])
        t = Table(title, widths, header, body, style="cols", size=11, leading=1.3, valign="top", unit=UNIT,
                  pady=4, body_pady=0.5, spread_at=7, page_top=page_top, page_top_h=58, landscape=True,
                  header_valign="middle", split_rows=False)
        res = render(doc, t)
        print(f"  {cat}: pages {res['pages']}")
        for r, e in enumerate(entries):
            name, code, dest, inst, content, period, days, persons, tr, lv, of, subj, last = e
            mk = markup.parse(period, doc.ctx_year).marks[0]
            total = tr + lv + of
            doc.records.append({"type": "trip", "table": res["id"], "row": r, "page": res["row_pages"][r],
                                "planName": name, "itemNumber": f"{r + 1:02d}", "areaCode": code,
                                "startDate": mk.iso_start, "endDate": mk.iso_end, "destination": dest,
                                "travellers": None, "travellerCount": persons, "budgetTWD": total * 1000,
                                "budgetRaw": _k(total), "outcomes": None})
    return doc.finish(truthdir)
