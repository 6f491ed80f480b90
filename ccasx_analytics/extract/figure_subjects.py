"""What a figure counts: its subject, read from the words around it in its sentence.

The noun phrase right after the figure (56个项目, 1060平方米展陈空间), else the one before it
(诉求754件, 智能算力规模达748EFLOPS), skipping the predicate words between a subject and its
figure (降至, 累计, 可达); a figure joined to the one before by 、/和/增至 counts what that one did.
"""
from __future__ import annotations

from .tokens import Token

NOUN_FLAGS = frozenset({"n", "nz", "vn", "nt", "ns", "j", "an", "ng", "nrt", "l", "nl", "ns", "s"})
# Single-character endings that make a noun of what precedes them (解决率, 用电量, 总人数).
_NOMINAL_ENDINGS = frozenset("率 量 数 额 度 值 比".split())
_RIGHT_STOP_FLAGS = frozenset({"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "m",
                               "mq", "r", "f", "t", "ad", "eng", "y", "e", "o", "w", "q"})
_SUBJECT_SKIP = frozenset({"可达", "降至", "降低", "位居", "位列", "排名", "跻身", "居", "的", "达", "达到", "为", "共", "累计", "合计", "总计", "共计", "约", "超", "超过", "逾",
                           "近", "高达", "多达", "已", "已达", "突破", "增至", "提升至", "达至", "约为", "完成", "提高", "提升", "下降", "增长",
                           "减少", "缩短", "增加", "扩大", "降到", "保持", "控制", "实现"})
# Words between a subject and its figure: verbs, adverbs, prepositions, particles, time words
_PREDICATE_FLAGS = frozenset({"vd", "d", "p", "ul", "uj", "uz", "ug", "zg", "t", "a", "ad"})
# verbs between a subject and its figure that say "can / has / falls": 时延|可|降低
_PREDICATE_VERBS = frozenset({"可", "能", "将", "会", "有", "降", "升", "还降", "下降", "上升", "提高到", "降低到", "缩短到", "提前",
                              "到", "至", "在"})
_QUOTES = frozenset("“”\"'‘’")
# words that set a scope in front of a subject: 全省|电信业务收入
_SCOPE_WORDS = frozenset({"全省", "全市", "全国", "全县", "全区", "全网", "全年", "今年", "去年", "同期", "当年", "目前"})


def figure_subject(text: str, toks: tuple[Token, ...], start: int, end: int, unit: str,
                   s_start: int, s_end: int) -> str | None:
    """What is counted: the noun phrase right after the figure (56个项目, 1060平方米展陈空间),
    else the one before it (诉求754件, 智能算力规模达748EFLOPS)."""
    after = [t for t in toks if end <= t.start < s_end]
    across = next((t for t in toks if t.start < end < t.end), None)
    if across is not None and across.flag.startswith("n"):
        # 6个棚 tokenized 6|个棚: the noun is the part after the figure
        after.insert(0, Token(across.word[end - across.start:], "n", end, across.end))
    if after and after[0].word == "的":
        after = after[1:]
    if after and after[0].start <= end + 1:
        right = _right_noun_phrase(after)
        if right:
            return right
    before = [t for t in toks if s_start <= t.start and t.end <= start]
    popped = 0
    while before and before[-1].word in _SUBJECT_SKIP:
        before.pop()
        popped += 1
    run: list[Token] = []
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        nominal = t.flag in NOUN_FLAGS or t.word in _NOMINAL_ENDINGS
        # 解决|率, 诉求 (tagged as verbs): a verb just before a nominal ending, or touching
        # the figure, still names what is counted
        verb_as_noun = t.flag.startswith("v") and (len(t.word) >= 2 or len(run) == 1) and (
            not run and t.end == start or (run and run[0].word in _NOMINAL_ENDINGS))
        if (nominal or verb_as_noun) and len(run) < 4 and sum(len(x.word) for x in run) + len(t.word) <= 8:
            run.insert(0, t)
        else:
            break
    if run and run[-1].end >= start - 4:
        return "".join(t.word for t in run)
    return _subject_before_predicate(before, popped)


def continues_subject(between: str) -> bool:
    """Only joining marks and predicate words between two figures of one unit: the second
    counts what the first did (23批次、超1500人次; 146家增至163家; 新建1.2万个，累计达到8.6万个)."""
    rest = between.strip("、，,和及 ")
    for word in sorted(_SUBJECT_SKIP | _PREDICATE_VERBS | _SCOPE_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(between) <= 12 and rest.strip("、，,和及 由到至了在") == ""


def _nominal(t: Token) -> bool:
    """A noun, or a word made a noun by its ending whatever its tag (完好率, 用电量)."""
    return t.flag in NOUN_FLAGS or t.word in _NOMINAL_ENDINGS or (len(t.word) >= 2 and t.word[-1] in _NOMINAL_ENDINGS)


def _subject_before_predicate(before: list[Token], skipped: int) -> str | None:
    """The noun phrase before the clause's predicate: 渗透率|提升至 53.6%, 会员单位|由年初的
    146家, 时延|可控制在 5毫秒以内 — over at most five predicate words (verbs, adverbs,
    prepositions, particles, time words), never across punctuation."""
    i = len(before) - 1
    while i >= 0 and before[i].word in _QUOTES:
        i -= 1  # “银发课堂”46期: a quoted name counts too
    if i < len(before) - 1:
        skipped += 1
    else:
        while i >= 0 and skipped < 5 and not _nominal(before[i]) and (
                before[i].word in _SUBJECT_SKIP or before[i].word in _PREDICATE_VERBS or before[i].flag in _PREDICATE_FLAGS):
            i, skipped = i - 1, skipped + 1
    if not skipped:
        return None
    run: list[Token] = []
    while i >= 0:
        t = before[i]
        nominal = _nominal(t)
        # 增速|较上年提高, 收入|完成: a verb heading the phrase is a noun here
        # (a one-character verb too before a one-character ending: 占|比)
        verb_as_noun = t.flag.startswith("v") and (len(t.word) >= 2 or len(run) == 1) and (
            not run or run[0].word in _NOMINAL_ENDINGS)
        if not (nominal or verb_as_noun) or len(run) >= 4 or sum(len(x.word) for x in run) + len(t.word) > 8:
            break
        run.insert(0, t)
        i -= 1
    while run and run[0].word in _SCOPE_WORDS:
        run.pop(0)  # 全省|平均约为: a scope, not what is counted
    subject = "".join(t.word for t in run)
    return subject if len(subject) >= 2 else None


def _right_noun_phrase(after: list[Token]) -> str:
    run: list[Token] = []
    for i, t in enumerate(after):
        # jieba tags some nouns' first halves as adverbs (互动|体验区): a two-character
        # adverb may continue the phrase as long as a noun ends it
        adverb_in_noun = t.flag == "d" and len(t.word) > 1
        # a verb modifying the noun right after it (省级|示范|项目), before any noun
        following = after[i + 1] if i + 1 < len(after) else None
        verb_modifier = (t.flag == "v" and len(t.word) == 2 and following is not None and following.flag in ("n", "nz")
                         and not any(x.flag.startswith("n") for x in run))
        stop = t.flag in _RIGHT_STOP_FLAGS and not adverb_in_noun and not verb_modifier
        if stop or t.word in _SUBJECT_SKIP or sum(len(x.word) for x in run) + len(t.word) > 8:
            break
        run.append(t)
    while run and not (run[-1].flag in NOUN_FLAGS or run[-1].flag.startswith("nr") or run[-1].flag == "ng"):
        run.pop()
    return "".join(t.word for t in run)
