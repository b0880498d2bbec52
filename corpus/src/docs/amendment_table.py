"""amendment-table: a 部分條文修正草案 as sent to the Legislative Yuan
(issue 14, class 7): a 總說明 with numbered points, then the 條文對照表
(修正條文 | 現行條文 | 說明). Columns are ruled (thin filled rectangles, as
Word exports borders), the header is ruled, body rows are not: articles are
told apart by the cell padding only. Every cell is long wrapped prose (an
article, a 說明 of numbered items 一、二、), set in a 標楷體-like face (AR PL
UKai). In 修正條文 the amended words are underlined and in 現行條文 the
replaced words are struck through, both drawn as thin filled rectangles
under / through the words, as Word draws them. The table runs over pages
with its header repeated; articles break across the page breaks."""
from gazcorpus import common, fonts
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

LAW = "志願服務法"
TITLE = f"{LAW}部分條文修正草案總說明"
TABLE_TITLE = f"{LAW}部分條文修正草案條文對照表"

INTRO = [
    "志願服務法（以下簡稱本法）於⟦中華民國90年1月20日⟧制定公布，其後歷經三次修正，最近一次修正公布日期為⟦109年1月15日⟧。"
    "本法施行以來，對於整合社會人力資源、推展志願服務已具成效，惟近年志願服務型態日趨多元，數位志工、企業志工及跨國志願服務日益普遍，"
    "志工之權益保障、教育訓練及服務績效認證亦有強化之必要。",
    "為因應志願服務發展趨勢，健全志工權益保障，爰擬具「志願服務法」部分條文修正草案，其修正要點如下：",
]

POINTS = [
    "明定志願服務運用者包括以志願服務為目的之非營利組織，並增列數位志願服務之定義。（修正條文第三條）",
    "主管機關應每四年辦理志願服務調查研究，並公布志願服務發展報告。（修正條文第五條）",
    "志工教育訓練得以數位學習方式辦理，並由主管機關建置共通課程平臺。（修正條文第九條）",
    "志願服務運用者應為志工辦理意外事故保險，並提高保險金額下限。（修正條文第十六條）",
    "增訂志工因執行志願服務致受有損害之補償機制。（修正條文第二十條之一）",
]

# (article label, 修正條文, 現行條文 label, 現行條文, 說明). ⟪⟫ underlined, ⟮⟯ struck through.
ARTICLES = [
    ("第三條",
     "本法用詞，定義如下：\n一、志願服務：民眾出於自由意志，非基於個人義務或法律責任，秉誠心以知識、體能、勞力、經驗、技術、時間等貢獻社會，"
     "不以獲取報酬為目的，以提高公共事務效能及增進社會公益所為之各項輔助性服務。\n二、志工：對社會提出志願服務者。\n"
     "三、志願服務運用者：運用志工之機關、機構、學校、法人、經政府立案團體⟪或以志願服務為目的之非營利組織⟫。\n"
     "⟪四、數位志願服務：志工透過網際網路或其他數位方式所提供之志願服務。⟫",
     "第三條",
     "本法用詞定義如下：\n一、志願服務：民眾出於自由意志，非基於個人義務或法律責任，秉誠心以知識、體能、勞力、經驗、技術、時間等貢獻社會，"
     "不以獲取報酬為目的，以提高公共事務效能及增進社會公益所為之各項輔助性服務。\n二、志工：對社會提出志願服務者。\n"
     "三、志願服務運用者：運用志工之機關、機構、學校、法人或經政府立案團體。",
     "一、第一款及第二款未修正。\n二、近年以志願服務為宗旨之非營利組織日增，爰於第三款增列其為志願服務運用者。\n"
     "三、因應志工透過網際網路提供服務之型態，增列第四款數位志願服務之定義。"),
    ("第五條",
     "主管機關及各目的事業主管機關應編列預算，辦理志願服務之推動、輔導、獎勵及評鑑事項。\n"
     "主管機關應每⟪四⟫年辦理志願服務調查研究，⟪並公布志願服務發展報告，作為政策規劃之依據⟫。",
     "第五條",
     "主管機關及各目的事業主管機關應編列預算，辦理志願服務之推動、輔導、獎勵及評鑑事項。\n"
     "主管機關應每⟮五⟯年辦理志願服務調查研究⟮，並得隨時辦理之⟯。",
     "一、第一項未修正。\n二、為即時掌握志願服務發展情形，第二項調查研究週期由五年縮短為四年，並明定主管機關應公布發展報告，作為政策規劃之依據。"),
    ("第九條",
     "為提升志願服務品質，志願服務運用者應對志工辦理下列教育訓練：\n一、基礎訓練。\n二、特殊訓練。\n"
     "前項教育訓練⟪得以實體課程或數位學習方式辦理；主管機關應建置共通之數位學習課程平臺，供志願服務運用者及志工使用⟫。\n"
     "第一項第一款之課程，由主管機關定之；第二款之課程，由各目的事業主管機關或志願服務運用者依其個別需要自行訂定。",
     "第九條",
     "為提升志願服務品質，志願服務運用者應對志工辦理下列教育訓練：\n一、基礎訓練。\n二、特殊訓練。\n"
     "前項第一款之課程，由主管機關定之；第二款之課程，由各目的事業主管機關或志願服務運用者依其個別需要自行訂定。",
     "一、第一項未修正。\n二、為便利志工參與教育訓練，增訂第二項，明定教育訓練得以數位學習方式辦理，並由主管機關建置共通之數位學習課程平臺。\n"
     "三、現行第二項移列為第三項，並配合項次調整，酌作文字修正。"),
    ("第十六條",
     "志願服務運用者應為志工辦理意外事故保險，必要時，得為其辦理團體保險。\n"
     "前項意外事故保險之保險金額，⟪每人不得低於新臺幣三百萬元⟫；其保險範圍及金額，由主管機關會商各目的事業主管機關定之。",
     "第十六條",
     "志願服務運用者應為志工辦理意外事故保險，必要時，得為其辦理團體保險。\n"
     "前項意外事故保險之保險範圍及金額，由主管機關會商各目的事業主管機關定之。",
     "一、第一項未修正。\n二、為保障志工權益，於第二項明定意外事故保險金額之下限，避免保險金額過低而不足以保障志工。"),
    ("第二十條之一",
     "⟪志工因執行志願服務致死亡、身心障礙或受傷，其依第十六條所得之保險給付不足以填補其損害者，志願服務運用者得向主管機關申請補償。⟫\n"
     "⟪前項補償之申請程序、補償項目、金額及其他應遵行事項之辦法，由主管機關定之。⟫",
     "", "",
     "一、本條新增。\n二、志工執行志願服務如發生意外，現行僅得依意外事故保險獲得給付，為完善志工權益保障，爰增訂第一項，明定保險給付不足時之補償機制。\n"
     "三、第二項授權主管機關訂定補償辦法。"),
    ("第二十五條",
     "本法自公布日施行。\n⟪本法修正條文之施行日期，由行政院定之。⟫",
     "第二十五條",
     "本法自公布日施行。",
     "為使各級主管機關及志願服務運用者有充分時間建置數位學習平臺及調整保險契約，增訂第二項，明定本次修正條文之施行日期由行政院定之。"),
]


def build(corpus, truthdir):
    body_font = fonts.HEAD   # 標楷體-like
    doc = Doc("amendment-table", "unknown", 114, corpus, body_size=14, leading=1.6,
              footer=common.footer_dash())
    doc.classes = [{"class": 7, "name": "rulesColumnsOnlyProse"}, {"class": 7, "name": "underlinedText"}]
    doc.document = {"kind": "unknown", "title": TITLE, "issuer": None, "date": None, "dateRaw": None}
    doc.new_page()
    doc.heading(TITLE, size=18, before=0, after=10, keep=0)
    for p in INTRO:
        doc.para(p, font=body_font, first=28, after=4)
    for n, p in zip("一二三四五", POINTS):
        doc.item(n, p, 1, font=body_font, after=2)

    doc.new_page()
    doc.heading(TABLE_TITLE, size=18, before=0, after=8, keep=0)
    header = [["修正條文", "現行條文", "說明"]]
    body = []
    for label, new, old_label, old, why in ARTICLES:
        body.append([C(new, label=label, label_gap=12),
                     C(old, label=old_label or None, label_gap=12),
                     C(why)])
    t = Table(TABLE_TITLE, [151, 150, 150], header, body, style="colsfill", size=12, leading=1.5,
              valign="top", padx=5, pady=4, body_pady=6, font=body_font, header_font=body_font)
    res = render(doc, t)
    print(f"  table pages {res['pages']}, articles split over pages: {res['split_rows']}")
    assert len(res["pages"]) >= 2 and res["split_rows"]
    return doc.finish(truthdir)
