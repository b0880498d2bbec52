"""meeting-book: 112 Northern Taiwan Regional Development Committee deputy
heads' meeting book (after seed 001). Agenda table with time slots, working
meeting logs with vertically merged 組別 cells, proposal lists continued over
pages (header repeated, a row broken by the page break), two 合作提案單
key-value forms with ☐/■ checkboxes, and cross-city statistics tables."""
from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "112 年度「北臺區域發展推動委員會」副首長會議"
ISSUER = "新北市政府"
MEETING_DATE = "112 年 8 月 8 日"

AGENDA = [
    ("14:00-14:30", "30 mins", "開放登入"),
    ("14:30-14:40", "10 mins", "司儀開場與介紹長官"),
    ("14:40-14:45", "5 mins", "主席致詞"),
    ("14:45-15:10", "25 mins", "與會縣市副首長或代表致詞\n（每位 3 分鐘）"),
    ("15:10-15:45", "35 mins", "（一）平臺運作事務報告\n（二）年度合作方案決議"),
    ("15:45-15:55", "10 mins", "主席結論及決議"),
    ("15:55", "-", "會議結束"),
]


def _log(*entries):
    return "\n".join(entries)


# 組別, [(主辦單位, 進度說明)]
LOG_DEV = [("發展推動組", [("城鄉\n發展局", _log(
    "112 年 01 月 17 日 第 1 次工作會議", "112 年 02 月 09 日 第 2 次工作會議",
    "112 年 03 月 08 日 合作提案第 1 次研商會議", "112 年 03 月 16 日 第 3 次工作會議",
    "112 年 06 月 09 日 合作提案第 2 次研商會議"))])]
LOG_GROUPS = [
    ("文化教育組", [("文化局", "文化組：112 年 03 月 08 日 第 1 次工作會議"),
                ("教育局", _log("教育組：112 年 03 月 06 日 第 1 次工作會議", "教育組：112 年 03 月 17 日 第 2 次工作會議",
                               "教育組：112 年 04 月 17 日 北臺區域幸福保衛戰第 1 次工作會議",
                               "教育組：112 年 05 月 10 日 北臺區域幸福保衛戰第 2 次工作會議",
                               "教育組：112 年 06 月 12 日 第 3 次工作會議"))]),
    ("交通運輸組", [("交通局", _log("112 年 03 月 02 日 第 1 次工作會議", "112 年 03 月 21 日 第 2 次工作會議"))]),
    ("休閒遊憩組", [("觀光\n旅遊局", _log("112 年 03 月 07 日 第 1 次工作會議", "112 年 03 月 20 日 第 2 次工作會議"))]),
    ("防災治安組", [("消防局", _log("防災組：112 年 03 月 01 日 第 1 次工作會議", "防災組：112 年 06 月 12 日 第 2 次工作會議")),
                ("警察局", _log("治安組：112 年 03 月 03 日 第 1 次工作會議", "治安組：112 年 03 月 08 日 第 2 次工作會議"))]),
    ("原客新移組", [("民政局", "112 年 03 月 10 日 第 1 次工作會議")]),
    ("健康社福組", [("衛生局", _log("健康組：112 年 03 月 08 日 第 1 次工作會議", "健康組：112 年 07 月 07 日 第 2 次工作會議")),
                ("社會局", _log("社福組：112 年 03 月 09 日 第 1 次工作會議", "社福組：112 年 06 月 12 日 第 2 次工作會議"))]),
    ("產業發展組", [("經濟\n發展局", _log("112 年 02 月 24 日 第 1 次工作會議", "112 年 03 月 09 日 第 2 次工作會議",
                                   "112 年 06 月 02 日 第 3 次工作會議"))]),
    ("環境資源組", [("環境\n保護局", _log("112 年 03 月 08 日 第 1 次工作會議", "112 年 05 月 12 日 第 2 次工作會議"))]),
]
LOG_STAFF = [("幕僚組", [("城鄉\n發展局", _log(
    "112 年 02 月 09 日 第 1 次新北市幕僚會議", "112 年 02 月 18 日 第 2 次新北市幕僚會議",
    "112 年 03 月 15 日 第 3 次新北市幕僚會議", "112 年 04 月 12 日 第 1 次擴大幕僚會議",
    "112 年 05 月 25 日 第 4 次新北市幕僚會議"))])]


def _done(meeting):
    return f"1. 依{meeting}決議送請解除列管。\n2. 本案已執行完竣，爰建請解除列管。"


LIST_RELEASE = "（一）擬解除列管 111 年度合作方案，共 12 案"
RELEASE = [
    ("文化教育組\n教育組", "新竹縣政府\n教育局", "國中小有機營養午餐食材供應交流會議",
     "1. 將依 112 年 6 月 12 日第 3 次工作會議決議送請解除列管。\n2. 本案已依 111 年 6 月 24 日小組會議確認基隆市無需求，爰建請解除列管。"),
    ("文化教育組\n教育組", "桃園市政府\n教育局", "北臺灣在職雙語教學師資培訓平台",
     "1. 依 112 年 6 月 12 日第 3 次工作會議決議送請解除列管。\n2. 本案已由新北市彙整各縣市雙語教學資源平台，並請各縣市置於官網，提供教師參考運用，爰建請解除列管。"),
    ("交通運輸組", "新竹縣政府\n交通旅遊處", "建請中央就「公路公共運輸服務升級計畫」市區汽車客運業車輛汰舊換新項目，持續補助柴（汽）油車輛",
     "1. 依 112 年 3 月 2 日交通運輸組第 1 次工作會議決議送請解除列管。\n2. 本案交通部公路總局回復建請支持國家重大政策，經與會各單位同意解除列管。"),
    ("休閒遊憩組", "新竹縣政府\n交通旅遊處", "海味美食祭", "活動已於 111 年 9 月 11 日辦理完畢，爰建請解除列管。"),
    ("防災治安組\n防災組", "新竹縣政府\n消防局", "韌性(防災)社區觀摩(經驗)交流", "後續韌性(防災)社區觀摩因疫情關係故取消，爰建請解除列管。"),
    ("防災治安組\n治安組", "新竹縣政府\n警察局", "跨境重要道路防制危險駕車區域聯防合作方案",
     _done("112 年 3 月 8 日防災治安–治安組第 2 次工作會議")),
    ("原客新移組", "新竹縣政府\n文化局", "北臺義民祭跨區聯合活動", _done("112 年 3 月 10 日原客新移組第 1 次工作會議")),
    ("健康社福組\n健康組", "新竹縣政府\n衛生局", "強化社會安全網專業人員教育訓練",
     _done("111 年 12 月 7 日健康社福組–健康組第 4 次工作會議")),
    ("產業發展組", "新竹縣政府\n產業發展處", "8 縣市共同辦理「地方特色產業成果聯合展」", _done("112 年 2 月 24 日產業發展組第 1 次工作會議")),
    ("產業發展組", "桃園市政府\n農務局", "緊急救護（捕蜂捉蛇）交流合作計畫", _done("112 年 2 月 24 日產業發展組第 1 次工作會議")),
    ("產業發展組", "桃園市政府\n農業局", "辦理「北臺灣精品咖啡評鑑」", _done("112 年 2 月 24 日產業發展組第 1 次工作會議")),
    ("環境資源組", "桃園市政府\n環境保護局", "北臺區域廚餘換垃圾合作計畫",
     "1. 依 112 年 3 月 8 日環境資源組第 1 次工作會議決議送請解除列管。\n2. 本案已執行完竣，後續將常態性合作，爰建請解除列管。"),
]

LIST_KEEP = "（二）擬持續列管 111 年度合作方案，共 1 案"
KEEP = [
    ("休閒遊憩組", "臺北市政府\n觀光傳播局\n新北市政府\n觀光旅遊局", "8 縣市旅遊資訊交流", "交通部\n觀光局",
     "1. 依 112 年 3 月 7 日休閒遊憩組第 1 次工作會議決議通過，賡續辦理相關事宜。\n2. 本案除持續辦理實體旅遊文宣通路交換宣傳外，並由各縣市自行接洽於其他縣市旅遊網 FB 或 IG 互推旅遊行程或主題景點、宣傳影片等，以加強各縣市行銷宣傳，並吸引潛在客群。"),
]

LIST_CENTRAL = "（一）112 年度新增合作提案，請求中央協助（共 8 案）"
CENTRAL = [
    ("交通運輸組", "新北市政府\n交通局", "交通部「公共運輸月票補助方案」", "交通部",
     "基北北桃及中彰投苗公共運輸定期票申請計畫書經公路總局 5 月 19 日審查通過，民眾 6 月 15 日開始可預購設定，7 月 1 日上線實施。"),
    ("交通運輸組", "新北市政府\n交通局", "建請中央就共享運具營運管理統一訂定中央法規納管", "交通部",
     "考量共享運具使用旅次具有跨縣市服務之旅運特性，目前全國並無訂定通用之一致性原則規範，新北市政府刻正彙整建議事項綜整函請中央訂定相關規範。"),
    ("交通運輸組", "新竹縣政府\n交通旅遊處", "建請中央就「公路公共運輸服務升級計畫」市區汽車客運業營虧損補貼項目，比照大眾運輸事業補貼辦法分擔比例", "交通部",
     "業以新竹縣政府 112 年 5 月 19 日府交規字第 1125355821 號函報請交通部核議，交通部公路總局已於 112 年 7 月 6 日路運計字第 1120063774 號函回復後續將視公運計畫預算額度，研議儘量給予地方政府更多協助。"),
    ("交通運輸組", "臺北市政府\n交通局", "建請中央制訂個人行動器具商品型式規格安全審驗、檢測規範並納入交通法規", "交通部",
     "業以臺北市政府 112 年 4 月 14 日府交管字第 1123028137 號函報請交通部核議在案，該部尚未回復。"),
    ("產業發展組", "苗栗縣政府\n農業處", "建請中央繼續補助地方政府辦理捕蜂抓蛇計畫", "農委會",
     "依據行政院農業委員會林務局 112 年 4 月 26 日林保字第 1121700755 號函示，自 113 年起捕蜂捉蛇經費預算編入林務局公務預算，補助額度以 112 年經費額度編列。"),
    ("發展推動組", "新北市政府\n城鄉發展局", "社會住宅結合淨零碳趨勢及營運中用後評估作法交流", "內政部\n國家住都中心",
     "將依會議討論意見再彙整新建社宅淨零碳、用後評估及營運管理模式大方向共通性原則，預計今(112)年 ⟦10 月|2023-10⟧下旬綜整函請中央納入參考。"),
    ("發展推動組", "新北市政府\n城鄉發展局", "國土計畫實施之地方權益保障經驗交流及促請中央將共通性議題納入草案研議", "內政部",
     "因各縣市遭遇困難不同，持續請各縣市於 112 年 6 月 30 日前提供相關補充意見，預計今(112)年 ⟦10 月|2023-10⟧下旬綜整函請中央納入參考。"),
    ("發展推動組", "新北市政府\n都市更新處", "推動多元都市更新整建維護及高齡友善電梯專案", "內政部",
     "將依會議討論意見提出建議中央事項，包括誘因提供或補助之可能性、簡審而非減收回饋金之簡化流程機制，預計今(112)年 ⟦10 月|2023-10⟧下旬綜整函請中央納入參考。"),
]

TYPES = ["跨縣市實質合作議題", "促請中央修正法案", "申請中央補助經費", "縣市治理經驗與成果分享", "其他"]
CITIES = ["宜蘭縣", "基隆市", "臺北市", "新北市", "新竹縣", "新竹市", "苗栗縣", "桃園市"]

FORMS = [
    {"group": "文化教育組-文化組", "title": "北管音樂及客家八音校園推廣", "organization": "新北市政府文化局 文化資產科",
     "types": ["跨縣市實質合作議題"], "all": True, "cities": [],
     "description": "北管及客家八音盛行於北臺閩南與客家庄，常見於日常生活、生命禮俗與地方節慶。福祿、西皮為北臺重要北管流派，宜蘭、基隆曾發生西皮福祿械鬥事件，是臺灣史上獨特的音樂戰爭，如今在民俗祭典、匯演等場合改以音樂拼場，派別大和解。此次，新北市將串聯北臺其他縣市，廣邀北管音樂及客家八音保存者參與校園推廣，讓學童認識「北臺重金屬」的傳統音樂之美，傳承在地特色鄉土故事。",
     "actions": "一、設計通用教案供北臺八縣市學校參考運用：媒合新北市北管音樂保存者與在地學校合作設計教案，後續亦將透過種子師資培訓，讓傳藝融入學校課程。\n二、跨縣市文化資產交流：透過北臺八縣市平台，邀請有意願之國小(以有北管或八音社團者為優先)跨縣市參訪北管音樂或客家八音保存者，並造訪在地特色有形文化資產景點。",
     "benefits": "一、以北臺盛行傳統表演藝術「北管音樂」、「客家八音」為主題，帶領北臺八縣市約 14 所國小學童親近認識跨縣市文化資產。\n二、媒合新北市北管音樂保存者與在地國小合作設計通用教案，讓傳統藝術得以真正融入學校教學，落實文化資產保存法第 12 條。",
     "contact": "謝佳卉 (02)2960-3456 分機 4500"},
    {"group": "環境資源組", "title": "北臺跨流域污染治理合作計畫", "organization": "新北市政府環境保護局",
     "types": ["跨縣市實質合作議題", "縣市治理經驗與成果分享"], "all": False,
     "cities": ["基隆市", "臺北市", "新北市", "新竹縣", "新竹市", "苗栗縣", "桃園市"],
     "description": "河川流域橫跨多縣市，複合式水污染事件層出不窮，為強化流域聯防體系河川水體污染通報及應變能力，防堵污染擴散、縮短水污染緊急應變處理時間。同時為強化全方位打擊水污染及治理能力，透過經驗及科技執法技術交流，並建立污染稽查應變合作平台，以強化流域治理及污染稽查作業，杜絕違法行為，提升民眾生活品質。",
     "actions": "1. 建立流域污染稽查應變合作平台：河川污染稍縱即逝，取證不易，且上下游具連鎖效應，建立跨區域平台即時追查並進行跨域聯合稽查。\n2. 技術、經驗交流：各縣市將可相互支援及共享之水環境污染應變資材、科學儀器彙整於雲端工作表，並滾動式更新清單，提供各縣市運用。",
     "benefits": "1. 透過區域聯防，共同杜絕跨境污染行為。\n2. 縮短水污染緊急應變處理時間，提升流域治理成效。",
     "contact": "曾科長士豪 (02)2953-2111 分機 3031"},
]

SUPPORT_TITLE = "各縣市跨區轉報案件統計表（統計區間：112 年 1 月 1 日至 112 年 6 月 30 日）"
# requesting city -> {supporting city: count}; cells not listed print "-"
SUPPORT = {
    "宜蘭縣": {"新北市": 81, "桃園市": 9, "新竹縣": 5},
    "基隆市": {"新北市": 74},
    "新北市": {"臺北市": 660, "基隆市": 74, "宜蘭縣": 30, "桃園市": 348},
    "臺北市": {"新北市": 1208},
    "桃園市": {"新北市": 165, "新竹縣": 73, "宜蘭縣": 5},
    "新竹縣": {"桃園市": 3, "新竹市": 4, "苗栗縣": 0, "宜蘭縣": 1},
    "新竹市": {"新竹縣": 0, "苗栗縣": 0},
    "苗栗縣": {"新竹縣": 0, "新竹市": 0},
}
GREEN_TITLE = "北臺綠色旅遊合作計畫各縣市參與情形（統計至 112 年 7 月 16 日）"
GREEN = [("宜蘭縣", 0, 62, 9), ("基隆市", 2, 32, 16), ("臺北市", 3, 127, 47), ("新北市", 36, 65, 42),
         ("桃園市", 7, 47, 29), ("新竹縣", 2, 13, 4), ("新竹市", 0, 5, 3), ("苗栗縣", 0, 0, 0)]


def _fmt(n):
    return f"{n:,}"


def build(corpus, truthdir):
    doc = Doc("meeting-book", "meetingAgenda", 112, corpus, body_size=14, has_top=True,
              footer=common.footer_text(lambda d: str(d.page - 1)))
    doc.document = {"kind": "meetingAgenda", "title": TITLE, "issuer": ISSUER,
                    "date": "2023-08-08", "dateRaw": MEETING_DATE}
    # cover
    doc.new_page(footer=False)
    doc.space(150)
    doc.heading("112 年度北臺區域發展推動委員會", size=24, after=16)
    doc.heading("副首長會議", size=24, after=16)
    doc.heading("會 議 資 料", size=20, after=200)
    doc.heading(f"主辦單位：{ISSUER}", size=16, after=6)
    doc.heading(f"中華民國 {MEETING_DATE}", size=16)

    ind1, ind2 = 0, 14
    doc.new_page()
    doc.item("壹", "會議議程", 1, font=fonts.HEAD, size=16, after=6)
    doc.item("一", f"會議名稱：{TITLE}", 2, indent=ind2, after=2)
    doc.item("二", "會議主持人：新北市政府 劉副市長和然", 2, indent=ind2, after=2)
    doc.item("三", f"會議時間：{MEETING_DATE}（星期二）下午 2 時 30 分", 2, indent=ind2, after=2)
    doc.item("四", "會議地點：線上會議（網址：https://meet.google.com/fwv-omvk-nra）", 2, indent=ind2, after=2)
    doc.item("五", "會議議程：", 2, indent=ind2, after=6)
    body = [[C(a, align="center"), C(b, align="center"), C(c)] for a, b, c in AGENDA]
    t = Table("會議議程", [110, 70, 240], [[C("時間", cs=2), C("主題（內容）")]], body, style="fill",
              size=13, leading=1.4, pady=4)
    res = render(doc, t)
    for i, (tm, _, act) in enumerate(AGENDA):
        start, end = common.time_range(tm)
        doc.records.append({"type": "scheduleItem", "table": res["id"], "row": i, "page": res["row_pages"][i],
                            "date": "2023-08-08", "start": start, "end": end, "activity": markup.plain(act)})

    # 貳 logs
    doc.new_page()
    doc.item("貳", "112 年度北臺執行進度說明", 1, font=fonts.HEAD, size=16, after=6)

    def log_table(title, groups):
        body = []
        for grp, rows in groups:
            for j, (org, log) in enumerate(rows):
                row = [C(grp, rs=len(rows), align="center")] if j == 0 else []
                row += [C(org, align="center"), C(log)]
                body.append(row)
        t = Table(title, [90, 80, 281], [["組別", "主辦單位\n(新北市)", "進度說明"]], body,
                  style="stroke", size=12, header_bold=True)
        return render(doc, t)

    doc.item("一", "發展推動組工作辦理情形", 2, indent=ind2, after=4, keep=120)
    log_table("發展推動組工作辦理情形", LOG_DEV)
    doc.item("二", "各議題組會議辦理情形", 2, indent=ind2, before=8, after=4, keep=120)
    log_table("各議題組會議辦理情形", LOG_GROUPS)
    doc.item("三", "幕僚會議辦理情形", 2, indent=ind2, before=8, after=4, keep=120)
    log_table("幕僚會議辦理情形", LOG_STAFF)

    # 參 proposals
    doc.new_page()
    doc.item("參", "討論事項", 1, font=fonts.HEAD, size=16, after=6)
    doc.item("一", "111 年度合作方案擬解除列管", 2, indent=ind2, after=2)
    doc.para("111 年度列管合作方案共計 13 案；今年度依各議題組會議決議，解除列管 12 案，持續列管 1 案，各案解除列管原因詳如下表，提請討論。",
             indent=ind2 + 28, first=28, after=4)

    def proposal_table(heading, cols, widths, rows, has_agency, note_col):
        doc.item(heading[:3], heading[3:], 3, indent=ind2, before=6, after=4, keep=100, title=heading[3:])
        body = []
        for k, r in enumerate(rows, 1):
            body.append([C(str(k), align="center")] + [C(x) for x in r])
        t = Table(heading, widths, [cols], body, style="fill", size=12, valign="top",
                  header_bold=True)
        res = render(doc, t)
        for k, r in enumerate(rows):
            grp, org, title = r[0], r[1], r[2]
            agency = r[3] if has_agency else None
            note = r[-1]
            doc.records.append({"type": "proposal", "table": res["id"], "row": k, "page": res["row_pages"][k],
                                "list": heading, "item": k + 1, "group": markup.plain(grp),
                                "organization": markup.plain(org), "title": markup.plain(title),
                                "centralAgency": markup.plain(agency) if agency else None,
                                "note": markup.plain(note)})
        return res

    res = proposal_table(LIST_RELEASE, ["項次", "議題組別", "主辦單位", "提案名稱", "解除列管原因"],
                         [34, 72, 82, 100, 163], RELEASE, False, 4)
    assert res["split_rows"] and len(res["pages"]) >= 2, res
    print("  release list rows split over pages:", res["split_rows"], "pages", res["pages"])
    proposal_table(LIST_KEEP, ["項次", "議題組別", "主辦單位", "提案名稱", "對應中央部會", "說明/進度"],
                   [34, 66, 74, 80, 60, 137], KEEP, True, 5)
    doc.item("二", "112 年度新增合作提案", 2, indent=ind2, before=10, after=2, keep=60)
    doc.para("112 年度新增合作提案共計 42 案。其中，依各議題組內部會議決議，請求中央協助共 8 案，8 縣市共同合作共 34 案。",
             indent=ind2 + 28, first=28, after=4)
    proposal_table(LIST_CENTRAL, ["項次", "議題組別", "提案單位", "提案名稱", "對應中央部會", "說明/進度"],
                   [34, 66, 74, 90, 60, 127], CENTRAL, True, 5)

    # statistics
    doc.item("三", "跨縣市合作成果統計", 2, indent=ind2, before=10, after=4, keep=200)
    doc.para(SUPPORT_TITLE, size=12, align="center", after=4)
    cities = CITIES
    header = [[C("協請縣市", rs=2), C("支援縣市（件）", cs=len(cities))], [C(c) for c in cities]]
    body = []
    for req in cities:
        body.append([C(req, align="center")] + [C(_fmt(SUPPORT[req][c]) if c in SUPPORT[req] else "-", align="right")
                                                for c in cities])
    t = Table(SUPPORT_TITLE, [59] + [49] * 8, header, body, style="fill", size=12, unit="件")
    res = render(doc, t)
    for i, req in enumerate(cities):
        for c in cities:
            if c in SUPPORT[req]:
                doc.records.append(common.statistic(SUPPORT_TITLE, req, f"支援縣市（件）/{c}", SUPPORT[req][c], "件", res, i))
    doc.space(10)
    doc.para(GREEN_TITLE, size=12, align="center", after=4, keep=220)
    cols = ["縣市", "參與民眾所屬縣市", "參與人次數", "環教場所到訪次數"]
    body = [[C(r[0], align="center")] + [C(_fmt(v), align="right") for v in r[1:]] for r in GREEN]
    tot = [sum(r[k] for r in GREEN) for k in (1, 2, 3)]
    body.append([C("合計", align="center")] + [C(_fmt(v), align="right") for v in tot])
    t = Table(GREEN_TITLE, [90, 110, 90, 110], [cols], body, style="stroke", size=12)
    res = render(doc, t)
    units = [None, "人次", "次"]
    for i, r in enumerate(GREEN + [("合計", *tot)]):
        for k in (1, 2, 3):
            doc.records.append(common.statistic(GREEN_TITLE, r[0], cols[k], r[k], units[k - 1], res, i))

    # forms
    for f in FORMS:
        doc.new_page()
        doc.heading("112 年「北臺區域發展推動委員會」", size=16, before=0, after=2)
        doc.heading(f"「{f['group']}」合作提案單", size=16, after=10)
        types = "\n".join(("■ " if t in f["types"] else "☐ ") + t for t in TYPES)
        box = lambda on: "■" if on else "☐"
        cities_txt = (f"{box(f['all'])} 北臺八縣市\n{box(not f['all'])} 部分縣市\n"
                      + " ".join(box(c in f["cities"]) + c for c in CITIES[:4]) + "\n"
                      + " ".join(box(c in f["cities"]) + c for c in CITIES[4:]))
        rows = [("提案名稱", f["title"]), ("提案單位", f["organization"]), ("提案類型", types),
                ("合作縣市", cities_txt), ("提案說明", f["description"]), ("辦理方式", f["actions"]),
                ("預期效益", f["benefits"]), ("聯絡人", f["contact"])]
        body = [[C(k, align="center", bold=True), C(v)] for k, v in rows]
        t = Table(f"「{f['group']}」合作提案單", [90, 361], [], body, style="stroke", size=13, leading=1.4,
                  pady=4)
        res = render(doc, t)
        partner = (["北臺八縣市"] if f["all"] else ["部分縣市"] + f["cities"])
        doc.records.append({"type": "proposalForm", "table": res["id"], "row": 0, "page": res["row_pages"][0],
                            "title": f["title"], "organization": f["organization"], "types": f["types"],
                            "partnerCities": partner, "description": markup.plain(f["description"]),
                            "actions": markup.plain(f["actions"]), "benefits": markup.plain(f["benefits"]),
                            "contact": f["contact"]})
    return doc.finish(truthdir)
