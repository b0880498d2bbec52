"""funding-plan: Hualien County sister-city exchange plan (after seed 003).
表 5-1-1 performance indicators and 表 5-1-2 funding needs and sources in
百萬元 with merged header and row cells, as in the seed."""
from gazcorpus import common, fonts
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "花蓮縣推動姊妹市及友好城市交流發展計畫"
ISSUER = "花蓮縣政府"
DATE_RAW = "中華民國 108 年 11 月 15 日"

ORIGIN = [
    "迎向全球化時代來臨，城市的功能日漸增加，世界各城有鑒於城市相互交流不僅能縮短彼此社經差距與文化隔閡，城市外交也是地球村互動中，活潑具有實質影響力的交流形式，同時可藉由實質的議題和技術支援共同合作，促進彼此於縣市政方面的進步，並提升自身治理能力以及在國際間的競爭力，故積極推動城市交流，發展國際合作，已成為各縣市政府重點工作。",
    "花蓮縣面積全台最廣，具有地理優勢且人文薈萃，深具在地特色，本縣期盼透過姊妹市管道，積極地運用在地優勢進行城市外交，逐步建立文化、教育、經濟、社會等多元面向的交流管道，並把握與國外城市接觸的機會行銷花蓮，搭起日後進一步友好往來的橋樑，尤其透過大型活動，例如每年均舉辦的觀光大型活動，邀請姊妹市及友好城市到訪花蓮縣，除增進姊妹市的良好關係，也大大擴展花蓮的國際能見度，促使姊妹市交流成為花蓮城市外交重要的一環，希望透過本計畫拓展花蓮城市外交的嶄新視野。",
]

WORK_INDICATORS = [
    ("(1)", "培養國際事務人才(109-112年)。"),
    ("(2)", "辦理姊妹市與友好城市交流活動(109-112年)。"),
    ("(3)", "促進民間單位參加姊妹市交流(110年)。"),
    ("(4)", "促進學校間國際交流(111年)。"),
    ("(5)", "建置雙語環境(112年)。"),
]

STRATEGY = [
    ("1", "中央目的事業主管機關：內政部。", None),
    ("2", "主(協)辦機關：花蓮縣政府觀光處、教育處及農業處等。", None),
    ("3", "執行方式：政府與民間合作辦理。", None),
    ("4", "主要工作項目：", [
        ("(1)", "培養國際事務人才：", "城市治理最需要的是人才，人才培育更是政府競爭力的關鍵，為打造花蓮成為人民幸福有感的國際城市，首先將著重於國際事務人才培育工作，依據國際禮節及對等原則，辦理訪花禮賓接待工作，介紹本縣重點觀光發展情形及縣政建設現況予外賓(媒體)，加強國際人士對花蓮之瞭解，規劃年度交流計畫，建立互訪制度，並運用雙方資源，加強城市間雙向溝通交流，維持長久友好關係。"),
        ("(2)", "辦理姊妹市與友好城市交流活動：", "近年來本縣推動城市外交不遺餘力，積極與國際城市建立雙邊實質交流關係，為發展與國外城市多邊關係、拓展外交活動場域，目前除各局處依其專業與國外城市建立交流合作管道，本處主要負責推動城市交流安排出國訪問，拜會國外政府行程，兩城市共同分享治理經驗；考察市政作為建設本縣之參考；同時本處將主動結合政府與民間資源，邀請姊妹市到訪本縣進行交流，深化雙邊關係，並積極建立與國外城市友好關係，拓展締結姊妹市之國際版圖。"),
        ("(3)", "促進民間組織及私人企業參加姊妹市交流：", "為提高民間組織及私人企業參與姊妹市交流的意願，本計畫將提供姊妹市交流平台，研擬訂定民間辦理姊妹市交流活動(如論壇、出訪)之補助計畫，並建立交流平台，主動邀集與相關的民間組織及私人企業隨同出訪，或邀請姊妹市的民間組織及私人企業拜訪本縣性質相近的組織及企業，從雙方政府間的互動，帶動雙方民間的交流，對於姊妹市維持熱絡的關係亦是相當重要，將安排每年定期拜訪以建立深固的友誼。"),
        ("(4)", "促進學校間之國際交流：", "本縣目前已積極開辦大學生、研究生赴德遊學與國中、高中生公費留美等教育方案，未來可以再透過姊妹市間相互合作，促進學校之間的國際交流，進一步拉近本縣學校與姊妹市學校的距離，學生於國外姊妹市若是遇有學業或生活上問題，也能透過官方平台協調解決。"),
        ("(5)", "定期召開跨局處整合會議：", "本府目前尚無專責之國際事務單位，目前締結姊妹市業務由民政處負責，主政統籌本縣的姊妹市事務及資源整合計畫，然姊妹市的工作要成功推動，係由各局處業務面思考始能與之做深化交流，本府將定期召開跨局處會議，建立溝通平台，共同研商與推動姊妹市及友好城市交流發展工作。"),
        ("(6)", "強化友好城市關係鏈結：", "本縣目前積極展開與各國建立友好城市交流合作，刻正與美國棕櫚灘郡與日本岩手縣建立友好關係，努力達到締結姊妹市之目標，同時透過友好城市關係建立，擴及至其周邊城市，逐步開展合作新關係。"),
        ("(7)", "逐步建置雙語環境及英文網站：", "為提升國際競爭力及建立成為世界級的花蓮，將開始推動建置中英文雙語環境，更新員工名片及銜職牌雙語化，推動完成機關英文網站之建置，運用網站加強宣傳和資訊交流，推動各局處建置雙語出版品等，期盼建構全面性的雙語環境。"),
    ]),
]

INDICATOR_TITLE = "表 5-1-1 綱要計畫 1.2 績效指標(不含中央自辦計畫)"
INDICATORS = [("新增工作機會", "增加之就業人數", "-1000", "+2")]

FUND_TITLE = "表 5-1-2 綱要計畫 1.2 經費需求及財源表 (百萬元)"
YEARS = ["108 年以前", "109 年", "110 年", "111 年", "112 年", "113 年以後"]
# category, source, six year values, 109-112 合計, 總計, 土地款, 備註
FUNDS = [
    ("非自償", [
        ("中央預算", ["0", "0", "0", "0", "0", "0"], "0", "0", "0", ""),
        ("地方預算", ["0", "0", "0.891", "1", "1", "0"], "2.891", "2.891", "0", ""),
        ("花東基金", ["0", "3.282", "2.109", "3.282", "0", "0"], "8.673", "8.673", "0", ""),
        ("其他", ["0", "0", "0", "0", "0", "0"], "0", "0", "0", ""),
    ]),
    ("自償", [
        ("民間投資", ["0", "0", "0", "0", "0", "0"], "0", "0", "0", ""),
        ("其他", ["0", "0", "0", "0", "0", "0"], "0", "0", "0", ""),
    ]),
]
TOTAL = (["0", "3.282", "3", "4.282", "1", "0"], "11.564", "11.564", "0", "")

QUANT = [
    ("(1)", "培育至少 2 名國際事務人才，積極發展城市外交。"),
    ("(2)", "辦理姊妹市與友好城市交流活動至少 4 場次。"),
    ("(3)", "結合民間資源推動姊妹市交流合作，行銷在地產業至少 10 種。"),
]
NONQUANT = [
    ("(1)", "汲取其它國家市政經驗，提昇治理能力與競爭力。"),
    ("(2)", "提昇花蓮國際能見度，將獨特在地文化行銷全世界。"),
    ("(3)", "促進學校間國際交流。"),
    ("(4)", "建置雙語環境。"),
]


def _million(v):
    # exact decimal -> integer TWD
    whole, _, frac = v.partition(".")
    frac = (frac + "000000")[:6]
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 1_000_000 + int(frac))


def build(corpus, truthdir):
    doc = Doc("funding-plan", "fundingPlan", 108, corpus, body_size=14,
              footer=common.footer_dash(offset=40))
    doc.document = {"kind": "fundingPlan", "title": TITLE, "issuer": ISSUER,
                    "date": "2019-11-15", "dateRaw": DATE_RAW}
    doc.new_page()
    doc.heading("綱要計畫 1.2", size=16, before=0, after=2)
    doc.heading(f"「{TITLE}」", size=18, after=2)
    doc.para(f"{ISSUER}　⟦{DATE_RAW}⟧修正", size=12, align="right", after=10)
    doc.item("一", f"計畫名稱：「{TITLE}」", 1, after=4)
    ind2, ind3, ind4 = 14, 28, 42
    doc.item("(一)", "計畫緣起", 2, indent=ind2, after=2, keep=40)
    for p in ORIGIN:
        doc.para(p, indent=ind2 + 28, first=28, after=4)
    doc.item("(二)", "計畫目標", 2, indent=ind2, after=2, keep=40)
    doc.item("1", "績效指標", 3, indent=ind3, sep=". ", after=4, keep=80)
    doc.para(INDICATOR_TITLE, size=12, align="center", after=4, keep=60)
    t = Table(INDICATOR_TITLE, [110, 130, 80, 80], [["績效指標", "衡量標準", "現況值", "目標值"]],
              [list(r) for r in INDICATORS], style="stroke", size=12,
              aligns=["center", "center", "center", "center"])
    res = render(doc, t)
    for i, row in enumerate(INDICATORS):
        for col, val in ((2, row[2]), (3, row[3])):
            doc.records.append(common.statistic(INDICATOR_TITLE, row[0], t.header[0][col].text,
                                                int(val), None, res, i))
    doc.space(8)
    doc.item("2", "工作指標", 3, indent=ind3, sep=". ", after=2)
    for lab, txt in WORK_INDICATORS:
        doc.item(lab, txt, 4, indent=ind4, after=1)
    doc.item("(三)", "執行策略及方法", 2, indent=ind2, before=4, after=2, keep=40)
    for lab, txt, kids in STRATEGY:
        doc.item(lab, txt, 3, indent=ind3, sep=". ", after=2)
        for klab, ktitle, body in kids or []:
            doc.item(klab, ktitle, 4, indent=ind4, after=1, keep=40)
            doc.para(body, indent=ind4 + 28, first=28, after=4)
    doc.item("(四)", "期程與經費需求", 2, indent=ind2, before=4, after=2, keep=40)
    doc.item("1", "計畫期程：109 年至 112 年。", 3, indent=ind3, sep=". ", after=2)
    doc.item("2", "經費需求及財源：", 3, indent=ind3, sep=". ", after=4, keep=260)
    doc.para(FUND_TITLE, size=12, align="center", after=4)
    header = [
        [C("經費來源", cs=2, rs=2), C("各年度經費需求 (百萬元)", cs=6), C("109-112 合計", rs=2),
         C("總計", rs=2), C("土地款", rs=2), C("備註", rs=2)],
        [C(y) for y in YEARS],
    ]
    body = []
    for cat, lines in FUNDS:
        for j, (src, vals, sub, tot, land, note) in enumerate(lines):
            row = [C(cat, rs=len(lines), align="center")] if j == 0 else []
            row += [C(src)] + [C(v) for v in vals] + [C(sub), C(tot), C(land), C(note)]
            body.append(row)
    vals, sub, tot, land, note = TOTAL
    body.append([C("合計", cs=2, align="center")] + [C(v) for v in vals] + [C(sub), C(tot), C(land), C(note)])
    widths = [22, 58] + [38] * 6 + [48, 40, 30, 25]
    t = Table(FUND_TITLE, widths, header, body, style="fill", size=11, padx=3,
              aligns=["center", "left"] + ["right"] * 9 + ["left"], unit="百萬元")
    res = render(doc, t)
    r = 0
    for cat, lines in FUNDS:
        for src, vals, *_ in lines:
            for y, v in zip(YEARS, vals):
                doc.records.append({"type": "fundingLine", "table": res["id"], "row": r,
                                    "page": res["row_pages"][r], "category": cat, "source": src,
                                    "period": y, "amountTWD": _million(v)})
            r += 1
    doc.space(8)
    doc.item("(五)", "預期效益", 2, indent=ind2, after=2, keep=40)
    doc.item("1", "可量化效益", 3, indent=ind3, sep=". ", after=2)
    for lab, txt in QUANT:
        doc.item(lab, txt, 4, indent=ind4, after=1)
    doc.item("2", "不可量化效益", 3, indent=ind3, sep=". ", after=2)
    for lab, txt in NONQUANT:
        doc.item(lab, txt, 4, indent=ind4, after=1)
    return doc.finish(truthdir)
