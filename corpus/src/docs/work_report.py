"""work-report: Taipei City Secretariat work report to the council, second
half of 112 (after seed 002). Outline 壹、一、（一）1、（1） five levels deep,
trips in running text, statistics tables (two label/value pairs side by
side, a nested month header), an unruled 時間 / 活動名稱 table, a running
header and footer page numbers like (0801)-167. Some outline labels and prose
carry Kangxi radicals / compatibility ideographs in the text layer."""
import re

from gazcorpus import common, fonts, markup
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

TITLE = "臺北市政府秘書處工作報告"
ISSUER = "臺北市政府秘書處"
PAGE_BASE = 166   # physical page 1 prints (0801)-167

# text-layer substitutions: glyph looks the same, Unicode is the Kangxi
# radical or compatibility ideograph; the truth holds the unified ideograph.
TL = {"一": "\u2F00", "人": "\u2F08", "工": "\u2F2F", "六": "\uF9D1", "行": "\uFA08"}

OPENING = [
    "欣逢貴會第 14 屆第 3 次定期大會，有幸承邀列席報告秘書處工作概況與相關業務執行成果，本人深感榮幸。",
    "本處綜理市府幕僚業務，將市長所擘劃之施政藍圖，透過橫向聯繫襄助各機關，協調與統合市府政策推動及籌劃，同時佐理府級長官各項市政工作，能以積極主動聯繫、溝通，促進市政資源有效運用，發揮市府團隊力量，增進整體行政效能。",
    "謹就本處 ⟦112 年 7 月 1 日至 12 月 31 日⟧（以下簡稱 112 年下半年）重要業務執行成果及未來工作展望扼要報告，敦請各位議員不吝賜教。",
]

# (date, traveller, destination, text after the traveller)
TRIPS = [
    ("7 月 5 日至 7 月 8 日", "蔣市長", "新加坡", "蔣市長率團赴新加坡進行市政考察，交流面向包含交通、環境永續、都市發展、智慧城市等。"),
    ("8 月 1 日至 8 月 17 日", "本人", "捷克、匈牙利", "本人隨臺北市議會議長訪團赴中南歐捷克、匈牙利等國家城市訪問。"),
    ("9月 24日至 26日", "蔣市長", "韓國首爾", "蔣市長率團赴韓國首爾出席「世界城市高峰會」，並會晤姐妹市首爾市長吳世勳。"),
    ("10月 9日至 14日", "觀光傳播局王秋冬局長", "澳洲布里斯本", "觀光傳播局王秋冬局長率團赴澳洲布里斯本出席「2023 亞太城市高峰會」，並會晤姐妹市黃金海岸市長 Tom Tate。"),
    ("10 月 25 日至 29日", "楊慶輝參事", "土耳其", "楊慶輝參事赴土耳其出席「2023 城市與地方政府聯盟世界理事會 (2023 UCLG World Council)」。"),
]

MOUS = [
    "8 月 23 日與日本濱松市簽署「臺北市與濱松市友好交流協定書」。",
    "8月 30日於「2023 臺北上海城市論壇」與上海市簽署推動減碳、羽毛球運動及會展產業等 3 項交流合作備忘錄。",
    "9 月 25 日與韓國首爾市簽署「臺北首爾青年事務交流合作備忘錄」。",
    "11 月 24日與日本笠間市簽署「臺北市與笠間市交流協定」。",
    "12 月 18日與日本靜岡市簽署「臺北市與靜岡市友好城市交流合作備忘錄」。",
]

EVENTS_TITLE = "協助本府主辦之大型國際活動"
EVENTS = [("10 月 7日", "白晝之夜"), ("10 月 21日", "臺北客家義民嘉年華"), ("11 月 19日", "水燈節"),
          ("11 月 29日", "CityNet（城市網）氣候變遷小組座談")]

EDOC_TITLE = "112 年度本府公文 e化成效"
EDOC = [("1", "紙本來文採線上簽核", "129萬 4,421件", "99.8%"),
        ("2", "公文線上簽核", "458萬 0,441件", "99.9%"),
        ("3", "紙張採購箱數", "2萬 2,173箱", "撙節 11.8%")]
EDOC2_TITLE = "112 年度本處公文 e化成效"
EDOC2 = [("1", "紙本來文採線上簽核", "1,784件", "100%"),
         ("2", "公文線上簽核", "1萬 2,532 件", "99.9%"),
         ("3", "紙張採購箱數", "98箱", "撙節 5.7%")]

PETITION_TITLE = "112 年下半年受理對市長陳情案件機關別統計"
PETITIONS = [("都發局", 256), ("交通局", 97), ("警察局", 95), ("社會局", 80), ("工務局", 79), ("教育局", 72),
             ("環保局", 45), ("產業局", 42), ("勞動局", 36), ("衛生局", 30), ("民政局（含區公所）", 29),
             ("體育局", 26), ("觀傳局", 13), ("捷運局", 12), ("法務局", 12), ("人事處", 12), ("捷運公司", 11),
             ("政風處", 10), ("文化局", 8), ("消防局", 8), ("地政局", 5), ("都委會", 5), ("財政局", 4),
             ("研考會", 4), ("兵役局", 3), ("秘書處", 3), ("資訊局", 1), ("原民會", 1), ("客委會", 1)]

MONTHS = ["7月", "8月", "9月", "10月", "11月", "12月"]
NEWS_TITLE = "112 年下半年新聞稿發布則數"
NEWS = [("本處發布新聞稿", [55, 48, 56, 50, 43, 37]), ("全府發布新聞稿", [627, 654, 726, 708, 671, 647])]
CONSULT_TITLE = "112 年下半年綜合諮詢櫃檯市政業務諮詢服務件數"
CONSULT = [("民政", [97, 71, 89, 99, 74, 65]), ("財政建設", [21, 19, 15, 21, 15, 13]),
           ("教育", [28, 41, 18, 30, 26, 27]), ("交通", [40, 35, 36, 38, 41, 39]),
           ("工務", [39, 25, 28, 41, 33, 34]), ("警政衛生", [41, 28, 27, 25, 32, 38])]


def _num(s):
    """'129萬 4,421件' -> (1294421, '件'); '撙節 11.8%' -> (11.8, '%')."""
    t = s.replace(" ", "").replace(",", "")
    m = re.fullmatch(r"(?:撙節)?(?:(\d+)萬)?([\d.]+)(件|箱|%)", t)
    if not m:
        raise ValueError(s)
    unit = m[3]
    if unit == "%":
        return float(m[2]), "%"
    return int(m[1] or 0) * 10000 + int(m[2]), unit


def build(corpus, truthdir):
    doc = Doc("work-report", "workReport", 112, corpus, body_size=14, has_top=True,
              margins=(80, 72, 72, 72),
              header=common.header_text(lambda d: TITLE),
              footer=common.footer_text(lambda d: f"(0801)-{PAGE_BASE + d.page}"))
    doc.tl_map = str.maketrans(TL)
    doc.allow_unmarked = set(MONTHS)  # month column labels under 112年 are labels, not dates
    doc.document = {"kind": "workReport", "title": TITLE, "issuer": ISSUER, "date": None, "dateRaw": None}
    doc.new_page()
    doc.heading(TITLE, size=20, before=0, after=12)
    doc.para("召集人、副召集人、各位議員女士、先生：", after=4)
    for p in OPENING:
        doc.para(p, first=28, after=4, tl=True)

    I1, I2, I3, I4 = 0, 14, 28, 42
    doc.item("壹", "112 年下半年重要業務執行成果", 1, font=fonts.HEAD, size=16, before=8, after=4, keep=60)
    doc.item("一", "國際交流及城市外交", 2, indent=I1, after=2, keep=60, tl=True)
    doc.item("（一）", "積極參與國際交流活動", 3, indent=I2, after=2, keep=40)
    doc.item("1", "辦理市長及府級長官出國考察：", 4, indent=I3, after=2, keep=40)
    for k, (date, who, dest, rest) in enumerate(TRIPS, 1):
        rt = doc.item(f"（{k}）", f"⟦{date}⟧{rest}", 5, indent=I4, after=2)
        mk = rt.marks[0]
        doc.records.append({"type": "trip", "table": None, "row": None, "page": doc.outline[-1]["page"],
                            "planName": markup.plain(rest), "startDate": mk.iso_start, "endDate": mk.iso_end,
                            "destination": dest, "travellers": who, "travellerCount": None,
                            "budgetTWD": None, "budgetRaw": None, "outcomes": None})
    doc.item("2", "簽署合作交流備忘錄共計 5 項：", 4, indent=I3, after=2, keep=40)
    for k, txt in enumerate(MOUS, 1):
        doc.item(f"（{k}）", txt, 5, indent=I4, after=2)
    doc.item("3", "增進與駐臺單位及國際訪團友好關係", 4, indent=I3, after=2, keep=40)
    doc.item("（1）", "112 年下半年辦理市長及府級長官接待姐妹市、友好城市及各國駐臺代表及外賓訪團等計 41 團、338 人，雙方就環境永續、經貿產業、智慧城市、雙語教育、及文化觀光等議題交流並洽談合作。", 5, indent=I4, after=2)
    doc.item("（2）", "協助本府主辦之大型國際活動共計 4 場，臚列於下：", 5, indent=I4, after=4, keep=120)
    body = [[C(d), C(a)] for d, a in EVENTS]
    t = Table(EVENTS_TITLE, [110, 300], [["時間", "活動名稱"]], body, style="none", size=14, leading=1.4,
              padx=2, pady=1, x=doc.left + I4 + 42)
    res = render(doc, t)
    for i, (d, a) in enumerate(EVENTS):
        mk = doc.rich(d).marks[0]
        doc.records.append({"type": "scheduleItem", "table": res["id"], "row": i, "page": res["row_pages"][i],
                            "date": mk.iso_start, "start": None, "end": None, "activity": a})
    doc.space(6)
    doc.item("（二）", "召開本府國際事務委員會", 3, indent=I2, after=2, keep=40)
    doc.para("112 年下半年共召開 3 次會議，會中報告每季國際事務工作情形，並安排體育局報告「2025 雙北世界壯年運動會籌辦情形」。",
             indent=I2 + 42, first=28, after=4, tl=True)
    doc.item("（三）", "辦理大陸事務", 3, indent=I2, after=2, keep=40)
    doc.item("1", "「2023 臺北上海城市論壇」於 8 月 29 日至 31 日在上海舉行。本年論壇主題為「新趨勢、新發展」，並簽署 3 項合作備忘錄。", 4, indent=I3, after=2, title="「2023 臺北上海城市論壇」於 8 月 29 日至 31 日在上海舉行")
    doc.item("2", "大陸小組會議：11月 3日召開 112年第 2次大陸小組會議，會中報告大陸事務工作及重要交流活動。", 4, indent=I3, after=4)

    doc.item("二", "文書 e化及檔案管理", 2, indent=I1, before=4, after=2, keep=60)
    doc.item("（一）", "運用 e化、提升作業效益", 3, indent=I2, after=2, keep=40)
    doc.para("檢討 e化邀約市長行程流程，賡續推動 e化簽辦公文，減少實體文件傳遞人力需求；經統計，112 年度全府公文線上簽核比率達 99.9%，紙張採購箱數 2 萬 2,173 箱，相較基準值撙節 11.8%，有效落實淨零碳排、節能減紙政策。112 年度本府及本處公文 e化成效如下：",
             indent=I2 + 42, first=28, after=4, keep=100)
    for title, rows, col in ((EDOC_TITLE, EDOC, "全府績效"), (EDOC2_TITLE, EDOC2, "秘書處績效")):
        cols = ["項次", "業務內容", col, "比率"]
        body = [[C(a, align="center"), C(b), C(c, align="right"), C(d, align="right")] for a, b, c, d in rows]
        doc.para(title, size=12, align="center", after=4, keep=90)
        t = Table(title, [40, 170, 120, 100], [cols], body, style="fill", size=13)
        res = render(doc, t)
        for i, r in enumerate(rows):
            for k in (2, 3):
                v, u = _num(r[k])
                doc.records.append(common.statistic(title, r[1], cols[k], v, u, res, i))
        doc.space(4)
    doc.para("註：府紙張採購箱數基準值：2萬 5,154箱；處紙張採購箱數基準值：104箱。", size=12, indent=I2, after=6)
    doc.item("（二）", "檢討文書規範、以符實務運作", 3, indent=I2, after=2, keep=40)
    doc.para("因應實務需求檢討文書規範，分別於 112 年 9 月 27 日函頒修正「臺北市政府文書處理實施要點」及 12月 18日函頒修正「臺北市政府電子公報編輯發行作業要點」，以使規範符合實務需求，同仁作業有所遵循。",
             indent=I2 + 42, first=28, after=4, tl=True)

    doc.item("三", "議事業務及行政工作", 2, indent=I1, before=4, after=2, keep=60)
    doc.item("（一）", "受理對市長陳情案件", 3, indent=I2, after=2, keep=40)
    doc.para("配合本府全面推動各機關使用陳情系統，對於民眾以信函致市長室之陳情與建議案件，逐案審閱後交由各權責機關查明及改善。112年下半年受理案件計 1,000件，詳如下表：",
             indent=I2 + 42, first=28, after=4, keep=120)
    half = (len(PETITIONS) + 1) // 2
    body = []
    for i in range(half):
        a = PETITIONS[i * 2]
        b = PETITIONS[i * 2 + 1] if i * 2 + 1 < len(PETITIONS) else None
        body.append([C(a[0]), C(str(a[1]), align="right"), C(b[0] if b else ""), C(str(b[1]) if b else "", align="right")])
    doc.para(PETITION_TITLE, size=12, align="center", after=4, keep=90)
    t = Table(PETITION_TITLE, [130, 70, 130, 70], [["機 關 名 稱", "件數", "機 關 名 稱", "件數"]], body,
              style="stroke", size=12, unit="件")
    res = render(doc, t)
    for i, (name, n) in enumerate(PETITIONS):
        doc.records.append(common.statistic(PETITION_TITLE, name, "件數", n, "件", res, i // 2))
    doc.space(6)
    doc.item("（二）", "辦理會議工作", 3, indent=I2, after=2, keep=40)
    doc.item("1", "為利市政業務推展順利，每週舉行市政會議，將市政會議紀錄函請各權責機關確實辦理，並由研考會列管追蹤市長裁指示事項之辦理情形。", 4, indent=I3, after=2)
    doc.item("2", "為加強各機關橫向聯繫，每月辦理主任秘書會報，針對跨局處業務增進相互聯繫、協調配合，強化各局處分工合作模式。", 4, indent=I3, after=4)

    def month_table(title, rows, total_label):
        header = [[C("期間\n類別", rs=2), C("112年", cs=6), C("總計\n（件）", rs=2)], [C(m) for m in MONTHS]]
        body = [[C(name)] + [C(f"{v:,}", align="right") for v in vals] + [C(f"{sum(vals):,}", align="right")]
                for name, vals in rows]
        doc.para(title, size=12, align="center", after=4, keep=120)
        t = Table(title, [110] + [44] * 6 + [60], header, body, style="fill", size=12, unit="件")
        res = render(doc, t)
        for i, (name, vals) in enumerate(rows):
            for m, v in zip(MONTHS, vals):
                doc.records.append(common.statistic(title, name, f"112年/{m}", v, "件", res, i))
            doc.records.append(common.statistic(title, name, total_label, sum(vals), "件", res, i))

    doc.item("四", "府會事務及議會互動", 2, indent=I1, before=4, after=2, keep=60)
    doc.item("（一）", "本處詳實紀錄市長至議會進行施政報告、市長專案報告及市政總質詢各議員質詢議題，其中第 14 屆第 2 次定期大會計有 577題，並續彙編書面答復資料提送臺北市議會。", 3, indent=I2, after=2)
    doc.item("（二）", "為強化府會聯絡員職能，本處於 112 年 9 月 20 日舉行府會聯絡員研習班，期提增各局處府會聯絡員溝通技巧，促進府會良性互動。", 3, indent=I2, after=4)
    doc.item("五", "媒體聯繫與新聞發布", 2, indent=I1, before=4, after=2, keep=60)
    doc.item("（一）", "傳遞即時市政訊息、深化媒體聯繫與互動", 3, indent=I2, after=2, keep=40)
    doc.para("將市長施政理念及本府各機關施政重點，透過撰發新聞稿、製作圖文、影音等方式，正確、快速傳遞給媒體與市民，112 年下半年本處與全府各發布新聞稿 289則及 4,033則。",
             indent=I2 + 42, first=28, after=4, keep=110)
    month_table(NEWS_TITLE, NEWS, "總計（件）")
    doc.space(6)
    doc.item("六", "市民諮詢及志工服務", 2, indent=I1, before=4, after=2, keep=60, tl=True)
    doc.item("（一）", "綜合諮詢服務", 3, indent=I2, after=2, keep=40)
    doc.para("賡續推動為民服務：112 年下半年綜合諮詢櫃檯提供市政業務諮詢服務計 1,389 件，詳如下表：",
             indent=I2 + 42, first=28, after=4, keep=180)
    month_table(CONSULT_TITLE, CONSULT, "總計（件）")
    doc.space(6)
    doc.item("（二）", "志工服務", 3, indent=I2, after=2, keep=40)
    doc.para("於市政大樓各大門及聯合服務中心設置志工服務臺，提供民眾引導及諮詢服務，112年下半年計服務 14萬 4,982 人次，並協助發送本府各類文宣資料計 5萬 2,248份。為強化志工服務理念，於 112 年 9 月 15 日及 11月 11日辦理 2次志工便民服務教育訓練研習。",
             indent=I2 + 42, first=28, after=4, tl=True)
    doc.item("貳", "本處未來工作展望", 1, font=fonts.HEAD, size=16, before=10, after=4, keep=60)
    doc.item("一", "佐理市政推動", 2, indent=I1, after=2, keep=40, tl=True)
    doc.para("本處綜理市府幕僚業務，將持續協助依市長所擘劃的施政藍圖，協助府級長官完成市府各項政策之推動及籌劃。",
             indent=I2, first=28, after=4)
    doc.item("二", "擴大國際交流", 2, indent=I1, after=2, keep=40)
    doc.para("為維持及提升與本市原有 51個姐妹市及友好城市之雙向交流，未來亦將安排雙方首長互訪，維繫彼此情誼。",
             indent=I2, first=28, after=4)
    doc.item("參", "結語", 1, font=fonts.HEAD, size=16, before=10, after=4, keep=60)
    doc.para("以上報告為近半年來主管業務執行成果及本處未來工作展望，承蒙貴會鼎力支持與協助，各項業務得以順利推展。敬祝召集人、副召集人、各位議員女士、先生身體健康，萬事如意！",
             first=28, after=4, tl=True)
    return doc.finish(truthdir)
