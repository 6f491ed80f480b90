"""Chinese names of the tables' and analyses' columns: one table for every place that shows
a column to a reader (notebook displays, the Excel workbook's headers).  A column not listed
keeps its English name."""
from __future__ import annotations

COLUMN_NAMES_ZH: dict[str, str] = {
    "issue_id": "期刊编号", "source_file": "源文件", "sha256": "文件校验值", "publication": "刊物", "year": "年份",
    "issue_no": "期号", "total_no": "总期号", "issue_date": "出版日期", "date_source": "日期来源", "format": "格式",
    "encoding": "编码", "n_pages": "页数", "n_articles": "文章数", "status": "解析状态", "message": "说明",
    "duplicate_of": "重复于", "closing": "结束语", "text_source": "文本来源", "article_id": "文章编号", "seq": "顺序",
    "section": "栏目", "title": "标题", "subtitle": "副标题", "authors": "作者", "author_roles": "作者角色",
    "author_org": "作者单位", "source_note": "来源说明", "editor_note": "编者按", "text": "正文",
    "page_start": "起始页", "page_end": "结束页", "n_chars": "字数", "org": "单位", "surface": "原文写法",
    "is_member": "是否会员", "org_type": "单位类型", "in_registry": "是否登记", "start": "起始位置", "end": "结束位置",
    "name": "姓名", "role": "角色", "value": "数值", "unit": "计量单位", "raw": "原文", "qualifier": "限定词",
    "subject": "统计对象", "kind": "类别", "sentence": "所在句子", "value_high": "数值上限", "theme": "主题编号",
    "hits": "命中次数", "terms": "命中词", "term": "词语", "weight": "权重", "rank": "排名", "period": "时期",
    "period_start": "时期开始", "label": "主题", "articles": "文章数", "all_articles": "文章总数", "share": "占比",
    "issues": "期数", "matching_articles": "匹配文章数", "ratio": "比例", "mentions": "提及次数",
    "article_share": "文章占比", "member_mentions": "会员提及总数", "share_of_voice": "声量占比",
    "issues_since_covered": "距上次报道期数", "issues_covered": "报道期数", "last_covered": "最近报道",
    "last_covered_date": "最近报道日期", "issues_since": "距今期数", "neglected": "久未报道", "chars": "字数",
    "char_share": "字数占比", "branches": "含分支机构", "salience": "要闻分", "specific_terms": "专属词",
    "generic_terms": "泛用词", "snippet": "原文片段", "via": "匹配方式", "figures": "数字个数",
    "with_subject": "有所指的", "warning": "警告", "table": "表", "rows": "行数", "check": "检查项", "hit": "命中",
    "converted_from": "原刊单位", "aliases": "别称", "in_title": "命中在标题",
}


def chinese_header(column: str) -> str:
    """The Chinese name of a column; one without a name keeps its English name."""
    return COLUMN_NAMES_ZH.get(column, column)
