"""Regenerate tests/data/report.pdf: a fictional three-page report with a CJK text layer.

Run once with Debian's chromium and fonts-noto-cjk installed:
    .venv/bin/python tests/data/make_report_pdf.py
Each page carries a repeated header line and a "- N -" page number, and one
sentence runs over a page break, so the reader's layout undoing is exercised.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
HEADER = "青禾镇人民政府办公室文件"

PAGES = [
    [
        ("title", "青禾镇2023年工作总结及2024年工作计划"),
        ("p", "2023年，青禾镇在云杉县委、县政府的坚强领导下，坚持稳中求进工作总基调，统筹推进经济发展和民生改善，全年各项目标任务顺利完成，现将有关情况报告如下。"),
        ("h", "一、2023年工作完成情况"),
        ("h", "（一）经济运行稳中有进"),
        ("p", "全年完成地区生产总值12.5亿元，同比增长6.3%；固定资产投资完成4.2亿元，同比增长8.1%。引进青禾竹木制品有限公司投资1.2亿元建设竹材精深加工项目，"),
    ],
    [
        ("cont", "项目一期已于9月建成投产，新增就业岗位180个。"),
        ("h", "（二）乡村振兴扎实推进"),
        ("p", "一是建成高标准农田3200亩，粮食总产量稳定在1.6万吨以上；二是柳湾村被评为省级美丽乡村示范村，村集体经济收入突破80万元。"),
        ("h", "二、存在的问题"),
        ("p", "产业链条不长，龙头企业带动能力不强，基础设施短板仍然明显。"),
    ],
    [
        ("h", "三、2024年工作计划"),
        ("p", "2024年，全镇将聚焦产业发展和民生改善，计划实施重点项目12个，年度计划投资5.6亿元，确保地区生产总值增长6.5%左右。"),
        ("h", "（一）全力抓好项目建设"),
        ("p", "加快推进竹材精深加工项目二期建设，力争年内完成主体工程。"),
    ],
]

STYLE = """
@page { size: A5; margin: 12mm; }
body { font-family: 'Noto Serif CJK SC'; font-size: 14pt; line-height: 1.5; margin: 0; }
.page { height: 180mm; position: relative; page-break-after: always; }
.page:last-child { page-break-after: auto; }
.header { text-align: center; font-size: 10pt; border-bottom: 1px solid #000; }
.footer { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 10pt; }
.title { text-align: center; font-size: 16pt; font-weight: bold; }
p { text-indent: 2em; margin: 0; }
.h, .cont { text-indent: 0; }
"""


def page_html(number: int, blocks: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<p class="title">{text}</p>' if kind == "title" else f'<p class="{kind}">{text}</p>' for kind, text in blocks
    )
    return (
        f'<div class="page"><div class="header">{HEADER}</div>{body}'
        f'<div class="footer">- {number} -</div></div>'
    )


def main() -> None:
    html = (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
        + "".join(page_html(i + 1, blocks) for i, blocks in enumerate(PAGES))
        + "</body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--print-to-pdf={HERE / 'report.pdf'}", source.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    main()
