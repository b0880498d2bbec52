"""exchange-plan: Taipei Datong District Office 104 urban-rural exchange plan
(after seed 000). Outline 一、…十一、 with （一） and 1、 items, an unruled
two-column itinerary per day, and two memorandum pages."""
from gazcorpus import common, fonts
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "臺北市大同區公所辦理 104年度城鄉交流計畫"
ISSUER = "臺北市大同區公所"

# (label, level, text, children) — level 1 一、, level 2 （一）, level 3 1、
OUTLINE = [
    ("一", "目的：本次交流將透過業務觀摩、農特產品展銷、地方藝文活動等多面相互動，以利共同發展、互利互榮，增加彼此城鄉建設經驗，作為施政的借鏡。", []),
    ("二", "交流對象：臺南市左鎮區公所、臺南市楠西區公所。", []),
    ("三", "交流期程：⟦104 年 7月 17 日至 18 日⟧，行程及交流儀式(如附件 1)。", []),
    ("四", "交流項目：", [
        ("(一)", "業務經驗分享：觀摩交流之區公所推行成功且著有成效之業務措施，精進區政業務，提高為民服務品質及效率，或將本市創新或有效之業務措施推廣至交流之區公所，俾利雙方相互學習成長。", []),
        ("(二)", "農特產品展銷：參訪左鎮區有關香蕉、芒果、龍眼之地方特產推廣活動及楠西區公所楊桃、梅子等稱是「百果之區」，瞭解當地推廣農產品及文化發展之經驗，以為本區推廣地方特色產業之借鏡。", []),
        ("(三)", "觀光旅遊推廣：藉由參觀地方景點發展，將地方發展的成功經驗帶回本市，並將本區發展的經驗提供交流對象，鼓勵交流對象的民眾，參訪本區各具特色的觀光景點及特色小吃，感受友善城市內涵。", []),
        ("(四)", "藝文活動交流：參觀左鎮區著名菜寮化石出土區，為日據時期役所在地人文萃集，並有菜寮溪化石及自然科學博物館；楠西區玄空法寺以各式奇木、雅石、鐘乳石、樹化玉、文物、千年古佛著稱，為全台極富盛名之古蹟，為展現多元地方風俗民情文化。", []),
        ("(五)", "其他：藉由參訪交流吸取交流對象施政之長處與經驗作為本區施政之參考。", []),
    ]),
    ("五", "交流人員：本所行政人員、本區各里長及地方賢達人士及媒體記者達約 30 人。", []),
    ("六", "執行方式：", [
        ("（一）", "出訪人員：", [
            ("1", "本所行政人員：由區長率領相關主管同仁出訪。"),
            ("2", "其他人員：得邀請本區里長及地方賢達人士、媒體記者等。"),
        ]),
        ("（二）", "本區新聞聯絡人發布新聞稿，並協請當地新聞媒體（有線電視、報社等）報導交流活動。", []),
        ("（三）", "邀請交流對象於日後組團回訪本市。", []),
        ("（四）", "與交流對象簽署友好交流備忘錄（如附件 2）。", []),
    ]),
    ("七", "經費來源：出訪交流鄉（鎮、市）所需經費由本區區政管理業務費－城鄉交流項下支應。", []),
    ("八", "業務分工：", [
        ("（一）", "民政課：規劃與執行本次城鄉交流活動。", []),
        ("（二）", "秘書室：負責聯絡並發布新聞稿及相關採購事宜。", []),
    ]),
    ("九", "預期效益：城鄉交流活動不僅只是在公部門的交流，更有當地居民愛鄉愛土的自覺與創新，近年來地方產業方興未艾，不論是有形的農特產品、環保節能，或是無形的文化人文精神，都是結合的公部門資源、及社區的人力物力，豐富的在地多元文化，都足以讓參訪雙方認識彼此，並透過推動城鄉交流的方式，建立城市城鄉的友好情誼，在雙贏契機中，共創美好的未來。", []),
    ("十", "本所於 ⟦104 年 9月 30 日⟧前將活動成果報告書 1份（含光碟電子檔）送交市府民政局。", []),
    ("十一", "本計畫奉  核可後實施，如有未盡事宜，得隨時修訂或補充之。", []),
]

ITINERARY = [
    ("⟦104 年 7月 17 日⟧參訪臺南市左鎮區、楠西區", [
        ("07:00", "集合出發"),
        ("07:00~11:00", "國道風光"),
        ("11:00~12:00", "參訪左鎮區公所"),
        ("12:00~14:00", "午餐(臺南市)"),
        ("14:00~15:00", "車程"),
        ("15:00~16:00", "參訪楠西區公所"),
        ("16:00~18:00", "楠西區農特產品展售中心參訪及採購"),
        ("18:00~19:00", "晚餐、夜宿臺南"),
    ]),
    ("⟦104 年 7月 18 日⟧返回臺北", [
        ("08:30", "出發"),
        ("08:30~12:00", "府城文化參訪(臺南孔廟、赤崁樓、臺南內江)"),
        ("12:00~13:00", "午餐"),
        ("13:00~17:00", "國道風光"),
        ("17:00", "臺北"),
    ]),
]

MOU_PARTNERS = [("附件 2-1", "臺南市左鎮區公所"), ("附件 2-2", "臺南市楠西區公所")]


def build(corpus, truthdir):
    doc = Doc("exchange-plan", "exchangePlan", 104, corpus, body_size=14,
              footer=common.footer_dash())
    doc.document = {"kind": "exchangePlan", "title": TITLE, "issuer": ISSUER,
                    "date": None, "dateRaw": None}
    doc.new_page()
    doc.heading(TITLE, size=18, before=0, after=10)
    doc.para("依據：臺北市政府民政局 ⟦104 年 1月 28 日⟧北市民區字第 10430302700 號函。", after=4)
    for label, text, kids in OUTLINE:
        doc.item(label, text, 1, after=2)
        for klabel, ktext, grand in kids:
            doc.item(klabel, ktext, 2, indent=28, after=2)
            for glabel, gtext in grand:
                doc.item(glabel, gtext, 3, indent=56, after=2)

    # 附件 1: itinerary, one unruled table per day
    doc.new_page()
    doc.para("(附件 1)", size=14)
    doc.heading("臺北市大同區公所辦理 104年度城鄉交流活動行程表", size=16, after=14)
    for day_heading, slots in ITINERARY:
        rt = doc.para(day_heading, size=14, font=fonts.HEAD, before=10, after=6)
        date_iso = rt.marks[0].iso_start
        t = Table(rt.truth, [110, 330], [], [[C(a), C(b)] for a, b in slots],
                  style="none", size=14, leading=1.5, padx=2, pady=1, x=doc.left + 14)
        res = render(doc, t)
        for i, (tm, act) in enumerate(slots):
            start, end = common.time_range(tm)
            doc.records.append({"type": "scheduleItem", "table": res["id"], "row": i,
                                "page": res["row_pages"][i], "date": date_iso,
                                "start": start, "end": end, "activity": act})
        doc.space(16)

    # 附件 2-1, 2-2: memoranda of friendship
    for annex, partner in MOU_PARTNERS:
        doc.new_page()
        doc.para(f"({annex})", size=14)
        doc.heading(f"臺北市大同區公所 與 {partner}", size=18, before=30, after=4)
        doc.heading("友好交流備忘錄", size=20, before=4, after=30)
        doc.para(f"臺北市大同區公所 與 {partner}", size=16, after=6)
        doc.para("為鞏固友好情誼，共創美好城市願景，透過農特產品、藝文活動、觀光旅遊等項目進行交流合作。",
                 size=16, first=32, after=6)
        doc.para("雙方本著共同體認及互敬互信精神真誠交流", size=16, first=32, after=6)
        doc.para(f"謹於⟦中華民國 104 年 7月 17 日⟧於{partner}簽署", size=16, first=32, after=80)
        y = doc.y
        fonts.draw(doc.c, doc.left, y, "臺北市大同區公所區長", fonts.BODY, 15)
        fonts.draw(doc.c, doc.left + 250, y, f"{partner}區長", fonts.BODY, 15)
        fonts.draw(doc.c, doc.left, y - 60, "＿" * 10, fonts.BODY, 15)
        fonts.draw(doc.c, doc.left + 250, y - 60, "＿" * 10, fonts.BODY, 15)
    return doc.finish(truthdir)
