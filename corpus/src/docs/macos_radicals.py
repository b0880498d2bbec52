"""macos-radicals: a district office's nomination form for an outstanding
volunteer, as exported from Pages on a Mac (issue 14, class 1). The PDF's
producer is Quartz PDFContext, and its ToUnicode CMaps give a glyph every
code point the font reaches it from, as Quartz does: a Kangxi radical and
the unified ideograph (⽣生, ⼤大, ⽇日, ⽉月), and in the body font also the
compatibility ideographs (年 → 年年, 行 → ⾏行行). reportlab writes one code
point per glyph, so the CMaps are rewritten after the PDF is saved
(gazcorpus.pdfpatch). Each character is printed once; the truth holds it
once, as the unified ideograph."""
import functools

from gazcorpus import common, fonts, pdfpatch
from gazcorpus.layout import Doc
from gazcorpus.tables import C, Table, render

PRODUCER = "macOS Version 13.4 (Build 22F66) Quartz PDFContext"
CREATOR = "Pages"
OFFICE = "臺北市大安區公所"
TITLE = "113 年度績優志願服務人員推薦表"
NOMINATOR = "臺北市大安區龍安社區發展協會"
DATE_RAW = "中華民國113年10月15日"

PERSON = [
    ("姓名", "林志明"),
    ("性別", "男"),
    ("生日", "⟦1975年07月04日⟧"),
    ("身分證統一編號", "A123******"),
    ("地址", "臺北市大安區新生南路三段86號5樓"),
    ("電話", "(02)2363-5178"),
    ("服務單位", "臺北市大安區龍安社區發展協會志工隊"),
    ("加入志工日期", "⟦2012年03月01日⟧"),
    ("志願服務紀錄冊字號", "北市志字第0123456號"),
]

LOG_TITLE = "113 年度志願服務時數及交通誤餐費"
# period (marked), activity, hours, allowance (元)
LOG = [
    ("⟦113年01月–03月⟧", "大安森林公園環境清潔及生態導覽", 96, 1440),
    ("⟦113年04月–06月⟧", "獨居長者關懷訪視及送餐服務", 128, 1920),
    ("⟦113年07月–08月⟧", "暑期兒童課後陪讀及大手牽小手閱讀活動", 144, 2160),
    ("⟦113年09月⟧", "中秋節社區聯歡晚會交通引導", 16, 240),
    ("⟦113年10月⟧", "重陽敬老活動及長者健康檢查支援", 24, 360),
]

DEEDS = [
    "林員自⟦2012年3月⟧加入本會志工隊，十餘年來每週固定參與社區服務，平日利用下班時間至大安森林公園協助環境清潔，"
    "並取得生態導覽志工資格，假日帶領民眾認識公園內之鳥類及原生植物，深獲好評。",
    "⟦113年4月⟧起，林員主動承接獨居長者關懷訪視工作，每月訪視長者 12 位並協助送餐，發現長者身體不適時即時通報區公所社會課及里辦公處，"
    "使長者獲得妥善照顧；暑假期間另規劃兒童課後陪讀班，招募大學生志工共同輔導學童課業。",
    "本年度累計服務 408 小時，熱心公益、行事認真，足為志工表率，爰推薦為本年度績優志願服務人員。",
]

OPINION = "林員服務熱忱、負責盡職，長期投入社區環境維護、長者關懷及兒童陪讀等志願服務，成效卓著，同意推薦。"


def _k(v):
    return f"{v:,}"


def build(corpus, truthdir):
    doc = Doc("macos-radicals", "unknown", 113, corpus, body_size=13,
              footer=common.footer_text(lambda d: f"第 {d.page} 頁，共 2 頁", size=10))
    doc.c.setProducer(PRODUCER)
    doc.c.setCreator(CREATOR)
    doc.c.setTitle(TITLE)
    doc.classes = [{"class": 1, "name": "macosDoubledCharacters"}]
    doc.document = {"kind": "unknown", "title": TITLE, "issuer": NOMINATOR,
                    "date": "2024-10-15", "dateRaw": DATE_RAW}
    # Quartz writes every code point that reaches a glyph: the body font's
    # cmap reaches its glyphs from Kangxi radicals and compatibility
    # ideographs, the heading font's from Kangxi radicals only.
    doc.postprocess = functools.partial(_double, report=doc.name)

    doc.new_page()
    doc.heading(OFFICE, size=18, before=0, after=2, keep=0)
    doc.heading(TITLE, size=20, before=0, after=8, keep=0)
    doc.para(f"推薦單位：{NOMINATOR}", size=12, align="right", after=2)
    doc.para(f"填表日期：⟦{DATE_RAW}⟧", size=12, align="right", after=10)

    doc.item("一", "基本資料", 1, font=fonts.HEAD, size=15, before=4, after=4, keep=40)
    for label, value in PERSON:
        doc.para(f"{label}：{value}", indent=28, after=1)

    doc.item("二", "服務紀錄", 1, font=fonts.HEAD, size=15, before=10, after=4, keep=120)
    doc.para(LOG_TITLE, size=12, align="center", after=4, keep=90)
    header = [["服務期間", "服務項目", "服務時數", "交通及誤餐費（元）"]]
    body = [[C(p, align="center"), C(a), C(str(h), align="right"), C(_k(m), align="right")]
            for p, a, h, m in LOG]
    th, tm = sum(r[2] for r in LOG), sum(r[3] for r in LOG)
    body.append([C("合計", align="center"), C(""), C(str(th), align="right"), C(_k(tm), align="right")])
    t = Table(LOG_TITLE, [110, 190, 60, 90], header, body, style="stroke", size=12, leading=1.3,
              valign="middle", padx=5, pady=4)
    res = render(doc, t)
    labels = [doc.rich(p).truth for p, *_ in LOG] + ["合計"]
    for i, (label, h, m) in enumerate(zip(labels, [r[2] for r in LOG] + [th], [r[3] for r in LOG] + [tm])):
        doc.records.append(common.statistic(LOG_TITLE, label, "服務時數", h, None, res, i))
        doc.records.append(common.statistic(LOG_TITLE, label, "交通及誤餐費（元）", m, "元", res, i))

    doc.item("三", "推薦事蹟", 1, font=fonts.HEAD, size=15, before=10, after=4, keep=40)
    for p in DEEDS:
        doc.para(p, indent=28, first=26, after=3)
    doc.item("四", "推薦單位意見", 1, font=fonts.HEAD, size=15, before=10, after=4, keep=40)
    doc.para(OPINION, indent=28, first=26, after=16)
    doc.para(f"推薦單位：{NOMINATOR}（蓋章）", indent=150, after=2)
    doc.para("理事長：陳美月", indent=150, after=2)
    doc.para(f"⟦{DATE_RAW}⟧", indent=150, after=2)
    return doc.finish(truthdir)


def _double(path, report):
    changed = pdfpatch.double_tounicode(path, {"UMing": pdfpatch.equivalents(True),
                                               "UKai": pdfpatch.equivalents(False)})
    print(f"  {report}: ToUnicode doubled for {len(changed)} characters: {''.join(sorted(changed))}")
