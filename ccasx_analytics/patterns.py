"""Every regular expression of the parsing stages, named and compiled once.

The patterns describe the genre (会刊 newsletters): 【】 section bars, （姓名） bylines,
第N期 issue numbers, 报/发/送 closing blocks.  None of them names one issue's wording.  Structural words are matched in Simplified and
Traditional characters alike (目录/目錄, 总第/總第, 编者按/編者按, 电话/電話).
"""
from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# --- numerals (read by ccasx_analytics.numerals) ------------------------------------------
# a whole Arabic number: grouped by commas (ASCII or full-width) or not, with a decimal point
ARABIC_NUMERAL = re.compile(r"^(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?$")
# the Arabic digits at a position inside a mixed number (3万4000, 5万4千)
ARABIC_NUMERAL_PART = re.compile(r"\d+(?:[.．]\d+)?")

# --- masthead and dates -------------------------------------------------------------------
# a year in digits or spelled digit by digit (二〇二四年; ○ and 零 stand in for 〇 in some fonts)
YEAR = r"(?:(?:19|20)\d\d|[一二][〇零○O一二三四五六七八九]{3})"
YEAR_ISSUE = re.compile(r"(?P<year>" + YEAR + r")\s*年\s*第\s*(?P<no>\d{1,3}|[一二三四五六七八九十]{1,3})\s*期")
CN_NUMBER = r"[一二三四五六七八九十百零〇两]{1,4}"
ISSUE_NO = re.compile(r"(?<![总總])第\s*(?P<no>\d{1,3}|" + CN_NUMBER + r")\s*期")
TOTAL_NO = re.compile(r"[总總]\s*第\s*(?P<no>\d{1,4}|" + CN_NUMBER + r")\s*期")
YEAR_MONTH = re.compile(r"(?P<year>" + YEAR + r")\s*年\s*(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月")
# an issue named otherwise than 第N期 (a season's issue, a double or special issue)
OTHER_ISSUE_DESIGNATION = re.compile(
    r"(?:(?:19|20)\d\d\s*年\s*)?(?:[春夏秋冬]季号|[春夏秋冬]季刊|合刊|增刊|特刊|专刊|[上下]半月刊)"
)
# a bulletin's issue number printed alone on a masthead line, above the date
BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
YEAR_ONLY = re.compile(r"(?P<year>" + YEAR + r")\s*年")
# a month-day date without a year: news of the issue's month ("8月22日")
MONTH_DAY = re.compile(r"(?<![\d年])(?P<month>1[0-2]|0?[1-9])\s*月\s*(?:\d{1,2}\s*日|底|初|中旬|上旬|下旬)")
# file names: 2025-08, 2025_8, 2025.08, 202508, 2025年8月, 2025年第4期
FILENAME_YEAR_MONTH = re.compile(r"(?<!\d)(?P<year>20\d\d)[-_.年 ]?(?P<month>1[0-2]|0[1-9]|[1-9](?!\d))(?:月)?(?!\d)")
FILENAME_YEAR_ISSUE = YEAR_ISSUE
FILENAME_YEAR = re.compile(r"(?<!\d)(?P<year>20\d\d)(?!\d)")
# cues that a small-type masthead line is furniture, not content
MASTHEAD_CUE = re.compile(r"[内內]部[资資]料|免[费費]交流|[准準]印[证證]|[内內]部刊物|[连連][续續]性|目\s*[录錄]|要\s*目|主[办辦]|主[编編]")

# --- table of contents --------------------------------------------------------------------
TOC_HEADING = re.compile(r"^(?:本期)?(?:目\s*[录錄]|要\s*目|[导導]\s*[读讀])$")
# dot leaders and a trailing page number: "标题……3", "标题 .... 12"
TOC_LEADER_PAGE = re.compile(r"[\s.·…．]*(?:…|\.{2,}|·{2,}|．{2,})[\s.·…．]*\d{0,4}\s*$|\s+\d{1,3}\s*$")

# --- sections, titles, notes, bylines -----------------------------------------------------
# 【编者按】 is a note label, not a section
SECTION_BAR = re.compile(r"^【(?!\s*[编編]者按)(?P<name>[^【】]{1,60})】$")
# a contents line that names its section before the title: 【工作动态】我省5G基站建设再提速……3
SECTION_LEAD = re.compile(r"^【(?!\s*[编編]者按)(?P<name>[^【】]{1,60})】\s*(?P<rest>\S.*)$")
# lines that stand where a title could and never are one: a date alone (a diary entry's
# head: 1月7日, 2025年3月5日, 3月16日—17日, 5日 星期一) and a photo caption (▲…, 图为…, 图1：…)
DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日"
    r"(?:\s*[—–\-－~～至]+\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?(?:\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?)?[：:，,]?$"
)
CAPTION = re.compile(r"^\s*(?:[▲△▼▽►]|图\s*\d{0,2}\s*[为：:／/]|[上下左右中]图[为：:]?|图片[：:]|摄影[：:])")
# how a news report opens: when it happened (7月19日，近日，日前，) or whose report it is
# (本刊讯) — an essay's opening paragraph does not start so
NEWS_LEDE = re.compile(
    r"^\s*(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|\d{1,2}\s*月(?:上旬|中旬|下旬|初|底|份)|近日|日前|近期|本月|本周|昨天|昨日|今天|今日|本刊[讯訊]|本刊消息|本[报報][讯訊])"
)
# an item of a bulleted list (● 一项工作, ■ 另一项)
LIST_ITEM = re.compile(r"^\s*[●•◆◇■□▪◎√]")
EDITOR_NOTE = re.compile(r"^\s*(?:【\s*[编編]者按\s*】|[编編]者按\s*[：:]|[编編]者按(?=\s|$))\s*[：:]?\s*")
SUBTITLE_DASH = re.compile(r"^\s*(?:——|──|—|--|－－)")
# source notes at the start of a body
# source notes at the start of a body, with the reporter the genre may name right after
# them: 本刊讯（记者 李明） / 本刊消息（通讯员 王芳）
SOURCE_NOTE_LEAD = re.compile(
    r"^[【\[]?(?P<note>本刊消息|本刊[讯訊]|本[报報][讯訊]|本刊[综綜]合|本刊[记記]者[" + HAN + r"]{2,4}(?:报道)?)[】\]]?\s*"
    r"(?:（(?P<inner>[^（）]{1,24})）)?[\s：:]*"
)
# a parenthesised note at the end of an article: （何宝国） （张俊清 贾清） （本刊综合汇总整理）
TRAILING_PAREN = re.compile(r"\s*[（(](?P<inner>[^（）()]{1,30})[）)]\s*$")
# what makes a parenthesised trailer a source note rather than names (bylines: structure/bylines.py)
SOURCE_NOTE_WORDS = re.compile(r"本刊|综合|整理|来源|供稿|通讯员|报道|摘编|编辑|转载|据.+|讯$|网$|报$|社$")

# --- closing block ------------------------------------------------------------------------
CLOSING_LABEL = re.compile(
    r"(?P<label>抄\s*[报報]|抄\s*送|主\s*送|[报報]\s*送|[发發]\s*送|印\s*[发發]|[报報]|[发發]|送|[责責]任[编編][辑輯]|主\s*[编編]|[编編]\s*[辑輯]|[编編]印"
    r"|校\s*[对對]|[审審]\s*核|[签簽]\s*[发發]|主\s*[办辦]|承\s*[办辦]|[协協]\s*[办辦]|承\s*印|印\s*[数數]"
    r"|地\s*址|[电電]\s*[话話]|[传傳]\s*真|[邮郵]\s*箱|[电電]子[邮郵]箱|[邮郵]\s*[编編]|[网網]\s*址)\s*[：:]"
)
CLOSING_LINE_START = re.compile(r"^\s*" + CLOSING_LABEL.pattern)

# --- page furniture -----------------------------------------------------------------------
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]"  # — 3 —
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"  # 第3页 / 第3页 共10页
    r"|共\s*\d{1,4}\s*页"  # 共 10 页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/10
    r"|[Pp](?:age|\.)?\s*\d{1,4}"  # Page 3
    r"|\d{1,4})\s*$"
)
PAGE_NUMBER_PART = re.compile(
    r"[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}"
)
# a page number printed on a line of its own in a way no other line is (— 3 —, 第3页, 3/10):
# a text export's page mark (a bare number may be an issue number or a figure)
PRINTED_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
DIGITS = re.compile(r"\d+")
ASCII_ELLIPSIS = re.compile(r"\.\.\.")
WHITESPACE = re.compile(r"\s+")
# what a title key drops: whitespace, punctuation, symbols (letters, digits and Han remain)
TITLE_KEY_JUNK = re.compile(r"[\s\W_]+", re.UNICODE)
# a space between two Han characters (letter-spaced mastheads, TOC double spaces)
SPACE_BETWEEN_HAN = re.compile(r"(?<=[" + HAN + r"])\s+(?=[" + HAN + r"])")
