"""What a rate's words say: its name, whether it is a bounded share, its outcome and object, and
where its base is stated when it is not beside it (a total of the numerator's noun stated earlier)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab
from nlp.checks.markers import _is_total

# Names and labels recur (every rate rule reads every rate); the answers below depend on them
# alone and on the vocabulary, read once, so the last ones are kept.
_NAMES = 4096


@cache
def _longest_first(table: str, key: str) -> tuple[str, ...]:
    """A word list of partitions.toml, longest words first."""
    return tuple(sorted(vocab()[table][key], key=len, reverse=True))


@lru_cache(maxsize=_NAMES)
def rate_name(label: str) -> str:
    """The name of a rate: its label without the linking verb (调解成功率达 → 调解成功率).

    >>> rate_name("全年调解成功率达到"), rate_name("居民满意率为")
    ('全年调解成功率', '居民满意率')
    """
    text = label
    changed = True
    while changed:
        changed = False
        for verb in _longest_first("rates", "link_verbs"):
            if text.endswith(verb) and len(text) > len(verb):
                text, changed = text[: -len(verb)], True
    return text


_YEAR = re.compile(r"(?:19|20)\d\d年")


@lru_cache(maxsize=_NAMES)
def is_bounded(name: str) -> bool:
    """A rate that cannot exceed 100 % (a share of something), by its name.

    >>> is_bounded("居民满意率"), is_bounded("同比增长率"), is_bounded("任务完成率"), is_bounded("占年度计划的")
    (True, False, False, False)
    >>> is_bounded("占上年的"), is_bounded("占2021年的"), is_bounded("占总人口的")
    (False, False, True)
    """
    words = vocab()["rates"]
    at = name.rfind("占")
    if at >= 0 and has_any(name[at + 1 :], words["plan_bases"]):
        return False  # 完成投资占年度计划的108%: a share of a plan or target may exceed it
    if at >= 0 and (has_any(name[at + 1 :], words["period_bases"]) or _YEAR.search(name, at + 1)):
        return False  # 救助金86万元，占上年的112%: a ratio to another period's figure
    return has_any(name, words["bounded"]) and not has_any(name, words["unbounded"])


@lru_cache(maxsize=_NAMES)
def of_other_period(name: str) -> bool:
    """The rate is another period's (rule ``other_period_rate``): its own words name that period
    ([rates] other_period_words), so it is not of the counts stated for this one.

    >>> of_other_period("参保率由上年的"), of_other_period("上年参保率"), of_other_period("参保率"), of_other_period("占上年的")
    (True, True, False, False)
    """
    return "占" not in name and has_any(name, vocab()["rates"]["other_period_words"])


def whole_inside_share(ctxs: Sequence[Context], r: int) -> Context | None:
    """Rule ``whole_inside_share`` (thirteenth session): a share whose whole is stated inside its
    own 占 phrase (老人1150人，占总人口5420人的21.2%): the count right before the rate, in its
    sentence, whose words hold 占, when the rate's own words are only 的 or share words
    ([rates] share_noise: 的比例为). None for every other rate.
    """
    if r == 0:
        return None
    rate, whole = ctxs[r], ctxs[r - 1]
    if whole.sentence != rate.sentence or "占" not in whole.label or whole.family == "%":
        return None
    rest = rate_name(rate.label)
    for word in vocab()["rates"]["share_noise"]:
        rest = rest.replace(word, "")
    return whole if not rest.strip(" ，,") else None


def share_name(ctxs: Sequence[Context], r: int) -> str:
    """A rate's name, the 占 phrase before its whole included when the whole is stated inside it
    (占总人口5420人的21.2% → 占总人口的)."""
    name = rate_name(ctxs[r].label)
    whole = whole_inside_share(ctxs, r)
    return name if whole is None else whole.label[whole.label.rfind("占") :] + name


@lru_cache(maxsize=_NAMES)
def outcome_word(name: str) -> str | None:
    """What a rate counts the success of: 调解成功率 → 成功, 办结率 → 办结.

    >>> outcome_word("调解成功率"), outcome_word("办结率"), outcome_word("人数")
    ('成功', '办结', None)
    """
    for word in vocab()["rates"]["bounded"]:
        if word.endswith("率") and word in name:
            return word[:-1]
    return None


@lru_cache(maxsize=_NAMES)
def rate_object(name: str) -> str:
    """The two characters naming what a rate is about, just before its outcome word or 率.

    >>> rate_object("全年调解成功率"), rate_object("办结率"), rate_object("乡镇公交覆盖率")
    ('调解', '', '公交')
    """
    outcome = outcome_word(name)
    head = name[: name.index(outcome)] if outcome else name.split("率")[0]
    head = head.rstrip(vocab()["rates"]["stop_chars"])
    return head[-2:] if len(head) >= 2 else ""


def _outcome_in(c: Context, outcome: str) -> bool:
    """The count's words (its label, or its own clause after it) carry the outcome or a synonym.

    Rule ``survey_of_outcome`` (thirteenth session): the outcome word followed by a measure word
    ([rates] measure_suffixes: 满意度) names what a survey measured, not who had the outcome —
    对辖区312户居民开展满意度测评，满意率97.4% surveyed the 312 households (the base); it did not
    find them satisfied (the numerator).
    """
    synonyms = [outcome, *vocab()["rates"]["outcomes"].get(outcome, [])]
    label, after = c.label, c.after
    if outcome in label or outcome in after:
        for suffix in vocab()["rates"]["measure_suffixes"]:
            label, after = label.replace(outcome + suffix, ""), after.replace(outcome + suffix, "")
    own_clause = re.split("[、，,；;]", after, maxsplit=1)[0][:6]  # not the next item's words
    return has_any(label, synonyms) or has_any(own_clause, synonyms)


# A rate's name before its outcome word that is at most this long is a modifier (按时办结率); a
# longer one names its own population (辖区60岁以上老人全程接种率), not the count before it.
MAX_MODIFIER = 4


@lru_cache(maxsize=_NAMES)
def rate_head(name: str) -> str:
    """A rate's name before its outcome word (or 率), without linking characters.

    >>> rate_head("按时办结率"), rate_head("辖区老人全程接种率")
    ('按时', '辖区老人全程')
    """
    outcome = outcome_word(name)
    head = name[: name.index(outcome)] if outcome else name.split("率")[0]
    return head.strip(vocab()["rates"]["stop_chars"])


def _eligible(c: Context) -> bool:
    """The count says who should have had the outcome (应接种1000人): a base even with the outcome word."""
    return has_any(c.label, vocab()["rates"]["base_eligible"])


def _noun_key(label: str) -> str:
    """The last two characters of a label: the noun a count or a total ends with (…的选民 → 选民)."""
    core = label.strip(" 、，,：:")
    return core[-2:] if len(core) >= 2 else ""


def _stated_by_noun(ctxs: Sequence[Context]) -> dict[tuple[str, str], list[int]]:
    """Indices of stated totals (共登记选民3268人, 现有党员126名) by (unit family, noun key), in order."""
    found: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(ctxs):
        if c.aside or c.fact.planned or c.family == "%" or not _is_total(c):
            continue
        key = _noun_key(c.label)
        if key:
            found.setdefault((c.family, key), []).append(i)
    return found


# (contexts, their stated totals) of the last document asked about, replaced as one tuple so that
# a thread checking another document never reads one document's contexts with another's totals.
_last_stated: tuple | None = None


def _stated_totals_of(ctxs: Sequence[Context]) -> dict[tuple[str, str], list[int]]:
    """``_stated_by_noun(ctxs)``, built once for the document being checked."""
    global _last_stated
    kept = _last_stated
    if kept is None or kept[0] is not ctxs:
        kept = (ctxs, _stated_by_noun(ctxs))
        _last_stated = kept
    return kept[1]


def stated_base(ctxs: Sequence[Context], r: int, numerator: Context) -> Context | None:
    """The base of a numerator with none beside it: the latest total stated before the rate whose
    words end with the noun the numerator's words end with (共登记选民3268人 … 参加投票的选民3105人，
    参选率96.2%); None when the numerator's words end with the outcome itself (收回46份)."""
    key = _noun_key(numerator.label)
    outcome = outcome_word(rate_name(ctxs[r].label)) or ""
    if not key or any(key in w for w in [outcome, *vocab()["rates"]["outcomes"].get(outcome, [])]):
        return None
    indices = _stated_totals_of(ctxs).get((numerator.family, key), [])
    k = bisect_left(indices, numerator.fact.norm_start, key=lambda i: ctxs[i].fact.norm_start)
    return ctxs[indices[k - 1]] if k else None
