"""Each reader format and text encoding, on invented reports written to tmp_path."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from extract.read import SUFFIXES, read_source
from tests.fixtures import hostile_files as hostile

DATA = Path(__file__).parent / "data"

REPORT = (
    "青禾镇2023年工作总结及2024年工作计划\n"
    "2023年，青禾镇坚持稳中求进，全年完成地区生产总值12.5亿元。\n"
    "一、2023年工作完成情况\n"
    "（一）经济运行稳中有进\n"
    "引进青禾竹木制品有限公司投资1.2亿元建设竹材精深加工项目。\n"
    "二、2024年工作计划\n"
    "计划实施重点项目12个，年度计划投资5.6亿元。"
)


@pytest.mark.parametrize(
    ("codec", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
        ("utf-16", b"", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_txt_encodings_are_detected(tmp_path, codec, prefix, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + REPORT.replace("\n", "\r\n").encode(codec))
    source = read_source(path)
    assert source.text == REPORT
    assert source.encoding == expected
    assert source.format == "txt"
    assert source.path == str(path)


def test_gb18030_only_characters_survive(tmp_path):
    # 䶮 and 𠀀 are outside GBK; a GBK decoder would fail on them.
    text = "青禾镇新建䶮溪桥一座，引入𠀀号水源。\n" * 20
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert "䶮溪桥" in source.text and "𠀀号" in source.text


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("青禾镇2024年上半年工作总结")
    document.add_paragraph("一、主要指标完成情况")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("指标", "单位", "完成"), ("地区生产总值", "亿元", "6.2"), ("", "", "")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = document.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1]).text = "合计"
    merged.rows[0].cells[2].text = "8.0"
    document.add_paragraph("二、下半年工作打算")
    path = tmp_path / "report.docx"
    document.save(path)

    source = read_source(path)
    assert source.format == "docx"
    assert source.text.split("\n") == [
        "青禾镇2024年上半年工作总结",
        "一、主要指标完成情况",
        "指标\t单位\t完成",
        "地区生产总值\t亿元\t6.2",
        "合计\t8.0",
        "二、下半年工作打算",
    ]


GOV_PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>柳河乡2023年工作总结_云杉县人民政府门户网站</title>
<style>.nav {{ color: red; }}</style>
<script>var hits = "浏览次数";</script>
</head><body>
<div class="top">欢迎访问云杉县人民政府门户网站 <a href="/">无障碍</a> <a href="/">长者模式</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/bs">办事服务</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 工作总结</div>
<div class="wrap">
  <div class="left-list"><h3>相关文章</h3><ul><li><a href="/1">柳河乡2022年工作总结</a></li><li><a href="/2">柳河乡开展植树活动</a></li></ul></div>
  <div class="article">
    <h1>柳河乡2023年工作总结</h1>
    <div class="info">发布时间：2024-01-10 来源：柳河乡人民政府 浏览次数：312</div>
    <div class="content">
      <p>　　2023年，柳河乡在云杉县委、县政府的坚强领导下，
      统筹推进经济发展和民生改善。</p>
      <p>一、主要工作成效</p>
      <p>全年新建通组公路18公里，改造危房46户。<!-- 编辑注释 --></p>
      <table><tr><td>指标</td><td>完成</td></tr><tr><td>粮食产量</td><td>1.2万吨</td></tr></table>
      <p>二、存在的问题</p>
      <p>产业基础仍然薄弱，群众增收渠道不多。</p>
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
    <div class="tools">【打印】【关闭】</div>
    <div class="code"><p>扫一扫在手机打开当前页</p></div>
  </div>
</div>
<div class="footer"><p>主办：云杉县人民政府办公室</p><p>滇ICP备00000000号 公网安备 00000000000000号</p></div>
</body></html>"""


@pytest.mark.parametrize("with_meta", [True, False])
def test_html_keeps_the_article_and_drops_page_furniture(tmp_path, with_meta):
    page = GOV_PAGE.replace("{{", "{").replace("}}", "}")
    if not with_meta:
        page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    source = read_source(path)
    assert source.format == "html"
    assert source.encoding == "gb18030"
    assert source.text.split("\n") == [
        "柳河乡2023年工作总结",
        "2023年，柳河乡在云杉县委、县政府的坚强领导下，统筹推进经济发展和民生改善。",
        "一、主要工作成效",
        "全年新建通组公路18公里，改造危房46户。",
        "指标\t完成",
        "粮食产量\t1.2万吨",
        "二、存在的问题",
        "产业基础仍然薄弱，群众增收渠道不多。",
    ]


def test_html_title_is_put_first_when_the_body_lacks_it(tmp_path):
    page = (
        "<html><head><meta charset='utf-8'><title>青禾镇2024年工作计划 - 云杉县政府</title></head>"
        "<body><div id='main'><p>一、抓好项目建设</p><p>计划实施重点项目12个，年度计划投资5.6亿元。</p>"
        "<p>二、改善民生</p><p>新建村级养老服务站4个，新增学位360个。</p></div></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    text = read_source(path).text
    assert text.split("\n")[0] == "青禾镇2024年工作计划"
    assert "一、抓好项目建设" in text


def test_pdf_text_layer_with_layout_undone():
    source = read_source(DATA / "report.pdf")
    lines = source.text.split("\n")
    assert source.format == "pdf"
    assert lines[0] == "青禾镇2023年工作总结及2024年工作计划"
    # Wrapped lines, also across a page break, are one paragraph again.
    assert (
        "全年完成地区生产总值12.5亿元，同比增长6.3%；固定资产投资完成4.2亿元，同比增长8.1%。"
        "引进青禾竹木制品有限公司投资1.2亿元建设竹材精深加工项目，项目一期已于9月建成投产，新增就业岗位180个。"
    ) in lines
    assert "2023年，青禾镇在云杉县委、县政府的坚强领导下，坚持稳中求进工作总基调，统筹推进经济发展和民生改善，全年各项目标任务顺利完成，现将有关情况报告如下。" in lines
    # Headings stay on their own line; page numbers and the repeated page header are gone.
    assert "二、存在的问题" in lines and "（一）全力抓好项目建设" in lines
    assert not any(line.startswith("-") or "办公室文件" in line for line in lines)
    # Radical look-alikes from the embedded font are folded back.
    assert "⻘" not in source.text and "青禾镇" in source.text


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def test_docx_automatic_numbering_is_rendered(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)

    def numbered(text: str, num_id: int, level: int) -> None:
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().set(qn("w:val"), str(level))
        num_pr.get_or_add_numId().set(qn("w:val"), str(num_id))

    document.add_paragraph("柳河乡2023年工作总结")
    numbered("主要工作成效", 3, 0)
    numbered("产业发展", 3, 1)
    numbered("新建茶园1500亩。", 3, 2)
    numbered("新建冷库2座。", 3, 2)
    numbered("民生改善", 3, 1)
    numbered("存在的问题", 3, 0)
    numbered("要点列表", 4, 0)
    path = tmp_path / "numbered.docx"
    document.save(path)

    assert read_source(path).text.split("\n") == [
        "柳河乡2023年工作总结",
        "一、主要工作成效",
        "（一）产业发展",
        "1.新建茶园1500亩。",
        "2.新建冷库2座。",
        "（二）民生改善",
        "二、存在的问题",
        "要点列表",
    ]


def test_html_mislabelled_charset_is_not_believed(tmp_path):
    page = GOV_PAGE.replace("{{", "{").replace("}}", "}")
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page.encode("utf-8"))  # declares gb2312, is UTF-8
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert source.text.startswith("柳河乡2023年工作总结\n")
    latin = page.replace("charset=gb2312", "charset=iso-8859-1")
    path.write_bytes(latin.encode("gb18030"))  # declares Latin-1, is GB18030
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert "全年新建通组公路18公里，改造危房46户。" in source.text


OLD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>柳河乡2022年工作总结</title></head>
<body><table width="100%"><tr><td class="left" width="200"><a href="/">首页</a><br><a href="/a">乡情概况</a><br>
<a href="/b">通知公告</a><br><a href="/c">政策文件</a></td>
<td class="right"><table><tr><td class="bt">柳河乡2022年工作总结</td></tr>
<tr><td class="zw"><font size="3">&nbsp;&nbsp;&nbsp;&nbsp;2022年，柳河乡全年完成
地区生产总值3.2亿元。<br>&#12288;&#12288;一、主要成绩<br>&#12288;&#12288;（一）产业发展。新建茶园800亩。<br><br>
&#12288;&#12288;二、存在的问题<br>产业基础薄弱。</font></td></tr>
<tr><td>【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</td></tr></table></td></tr></table>
<center>Copyright 2023 柳河乡人民政府 版权所有 滇ICP备00000000号</center></body></html>"""


def test_html_table_layout_with_line_breaks(tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes(OLD_PAGE.encode("gbk"))
    assert read_source(path).text.split("\n") == [
        "柳河乡2022年工作总结",
        "2022年，柳河乡全年完成地区生产总值3.2亿元。",
        "一、主要成绩",
        "（一）产业发展。新建茶园800亩。",
        "二、存在的问题",
        "产业基础薄弱。",
    ]


def test_supported_suffixes_are_the_readers():
    assert SUFFIXES == (".txt", ".docx", ".html", ".htm", ".pdf")


def test_docx_numbering_comes_through_a_chain_of_paragraph_styles(tmp_path):
    """A heading style based on a numbered style is numbered; a basedOn cycle ends the walk."""
    styles = (
        hostile.paragraph_style("Normal", default=True)
        + hostile.paragraph_style("Numbered", numbered=True)
        + hostile.paragraph_style("Heading", based_on="Numbered")
        + hostile.paragraph_style("LoopA", based_on="LoopB")
        + hostile.paragraph_style("LoopB", based_on="LoopA")
    )
    body = (
        hostile.paragraph("柳河乡2023年工作总结")
        + hostile.paragraph("主要工作成效", style="Heading")
        + hostile.paragraph("新建茶园1500亩。", style="LoopA")
        + hostile.paragraph("存在的问题", style="Heading")
        + hostile.paragraph("要点", style="NoSuchStyle")
    )
    path = tmp_path / "styled.docx"
    path.write_bytes(hostile.docx(body, styles))
    assert read_source(path).text.split("\n") == [
        "柳河乡2023年工作总结",
        "一、主要工作成效",
        "新建茶园1500亩。",
        "二、存在的问题",
        "要点",
    ]


def test_docx_of_many_paragraphs_and_styles_reads_in_linear_time(tmp_path):
    """4,000 paragraphs of a style 300 steps down a basedOn chain: python-docx's per-paragraph
    style lookup took minutes on such a file; each style is now looked up once."""
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(hostile.paragraph_heavy_docx(paragraphs=4000, styles=300))
    started = time.perf_counter()
    lines = read_source(path).text.split("\n")
    assert time.perf_counter() - started < 5
    assert len(lines) == 4000 and lines[-1] == "青禾镇第3999项工作完成。"


def _cell(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{hostile.paragraph(text) if text else '<w:p/>'}</w:tc>"


def test_docx_merged_cells_read_from_the_xml(tmp_path):
    """A vertical merge continued from the row above repeats that cell's text; one opened
    in the first row (python-docx raised ValueError on it) and a huge gridSpan are harmless."""
    rows = [
        _cell("首行续接", '<w:vMerge/>') + _cell("单位"),
        _cell("粮食产量", '<w:vMerge w:val="restart"/>') + _cell("万吨", '<w:gridSpan w:val="2000000000"/>'),
        _cell("", "<w:vMerge/>") + _cell("1.2"),
    ]
    body = hostile.paragraph("青禾镇2023年主要指标") + "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    path = tmp_path / "merged.docx"
    path.write_bytes(hostile.docx(body))
    started = time.perf_counter()
    assert read_source(path).text.split("\n") == ["青禾镇2023年主要指标", "单位", "粮食产量\t万吨", "粮食产量\t1.2"]
    assert time.perf_counter() - started < 2


def test_html_nested_deeper_than_libxml2s_default_is_read(tmp_path):
    """libxml2 stops at 256 levels unless told otherwise: the article below was lost."""
    path = tmp_path / "deep.html"
    path.write_bytes(hostile.deep_html(1500))
    text = read_source(path).text
    assert "新建通组公路18公里" in text


def test_deep_html_with_a_large_article_is_read_in_linear_time(tmp_path):
    """Text sizes are counted once per page: counting each level's text again was quadratic."""
    path = tmp_path / "deep-large.html"
    path.write_bytes(hostile.deep_html(1500, sentence="青禾镇全年改造危房46户。" * 20000))
    started = time.perf_counter()
    assert "改造危房46户" in read_source(path).text
    assert time.perf_counter() - started < 10
