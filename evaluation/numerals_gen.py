"""Writes the generated part of the numerals benchmark (evaluation/numerals/generated.json).

Sentences are invented from templates (community names, subjects and figures made up here),
with a fixed seed so the output is reproducible: ``python -m evaluation.numerals_gen``.
Hand-written cases (the known failures of other parsers) live in evaluation/numerals/known.json.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from nlp.figures.numeral_writer import write_number

OUT = Path(__file__).parent / "numerals" / "generated.json"

SUBJECTS = [("现有党员", "名"), ("开展志愿服务", "次"), ("走访困难群众", "户"), ("举办文艺演出", "场"),
            ("调解矛盾纠纷", "件"), ("组织培训", "期"), ("发放宣传资料", "份"), ("排查安全隐患", "处"),
            ("新增就业岗位", "个"), ("惠及居民", "人次"), ("入户走访", "户次"), ("清理垃圾", "吨"),
            ("硬化道路", "米"), ("绿化面积", "平方米"), ("种植蔬菜", "亩"), ("辖区面积", "平方公里"),
            ("巡逻时长", "小时"), ("集中整治", "天"), ("发生火灾", "起"), ("安装路灯", "盏"),
            ("建成服务站", "所"), ("修缮房屋", "间"), ("配备电脑", "台"), ("新建水窖", "眼"),
            ("发放慰问金", "元"), ("筹集善款", "元"), ("配备电话", "部"), ("投放鱼苗", "尾"), ("建成楼房", "栋")]
UNIT_CANON = {"㎡": "平方米", "平米": "平方米"}
LEADS = ["", "今年以来，", "全年", "本季度", "上半年", "社区共", "累计"]
TAILS = ["。", "，", "；", "，群众反响良好。", "、"]


def _case(group: str, text: str, expected: list[dict]) -> dict:
    return {"group": group, "input": text, "expected": expected}


def _s(x: object) -> str | None:
    return None if x is None else str(x)


def _fig(number_text: str, value, unit: str, qualifier: str = "exact", low=None, high=None) -> dict:
    return {"number_text": number_text, "value": _s(value), "low": _s(low), "high": _s(high),
            "unit": unit, "qualifier": qualifier}


def quantity_cases(rng: random.Random) -> list[dict]:
    cases = []
    for _ in range(260):  # plain Arabic counts
        subj, unit = rng.choice(SUBJECTS)
        n = rng.choice([rng.randint(1, 99), rng.randint(100, 9999)])
        text = f"{rng.choice(LEADS)}{subj}{n}{unit}{rng.choice(TAILS)}"
        cases.append(_case("arabic", text, [_fig(str(n), n, unit)]))
    for _ in range(120):  # thousands separators and decimals
        subj, unit = rng.choice(SUBJECTS)
        n = rng.randint(1000, 999999)
        written = f"{n:,}"
        cases.append(_case("separators", f"{subj}{written}{unit}。", [_fig(written, n, unit)]))
        d = Decimal(rng.randint(1, 9999)) / 100
        cases.append(_case("decimals", f"满意率达{d}%，", [_fig(str(d), d, "%")]))
    for _ in range(200):  # Chinese numerals
        subj, unit = rng.choice(SUBJECTS)
        n = rng.choice([rng.randint(2, 10), rng.randint(11, 99), rng.randint(100, 99999)])
        w = write_number(n)
        cases.append(_case("chinese", f"{subj}{w}{unit}。", [_fig(w, n, unit)]))
    for _ in range(150):  # magnitudes
        d = Decimal(rng.randint(1, 999)) / rng.choice([1, 10, 100])
        mag, scale = rng.choice([("万", 10000), ("亿", 100000000)])
        word = rng.choice(["投资", "筹集资金", "发放补贴", "争取项目资金"])
        cases.append(_case("money", f"{word}{d}{mag}元，", [_fig(str(d), d * scale, "元")]))
        cases.append(_case("magnitude", f"服务群众{d}万人次。", [_fig(str(d), d * 10000, "人次")]))
    approx_words = [("约", "", "approx"), ("近", "", "approx"), ("", "左右", "approx"), ("", "以上", "at_least"),
                    ("超过", "", "at_least"), ("逾", "", "at_least"), ("不到", "", "at_most"),
                    ("不足", "", "at_most"), ("", "以下", "at_most"), ("不少于", "", "at_least")]
    for _ in range(220):  # qualifiers
        subj, unit = rng.choice(SUBJECTS)
        n = rng.randint(2, 5000)
        if rng.random() < 0.4:
            infix = rng.choice(["余", "多"])
            text = f"{subj}{n}{infix}{unit}，"
            cases.append(_case("approx_infix", text, [_fig(str(n), n, unit, "approx", low=n)]))
            continue
        pre, post, q = rng.choice(approx_words)
        text = f"{subj}{pre}{n}{unit}{post}。"
        low = n if q in ("approx", "at_least") else None
        high = n if q == "at_most" else None
        cases.append(_case("qualifiers", text, [_fig(str(n), n, unit, q, low=low, high=high)]))
    for _ in range(150):  # ranges
        subj, unit = rng.choice(SUBJECTS)
        a = rng.randint(1, 50)
        b = a + rng.randint(1, 30)
        j = rng.choice(["-", "—", "~", "至", "到"])
        if rng.random() < 0.3:
            wa, wb = write_number(a), write_number(b)
            j = rng.choice(["至", "到"])
        else:
            wa, wb = str(a), str(b)
        cases.append(_case("ranges", f"每月{subj}{wa}{j}{wb}{unit}。",
                           [_fig(f"{wa}{j}{wb}", None, unit, "range", low=a, high=b)]))
    for _ in range(100):  # masks
        subj, unit = rng.choice(SUBJECTS)
        m = rng.choice(["x", "xx", "XX", "××", "**", "***", "__", "＿＿", "xxx"])
        cases.append(_case("masked", f"{subj}{m}{unit}，", [_fig(m, None, unit, "masked")]))
    for _ in range(100):  # rates
        n = rng.randint(1, 100)
        kind = rng.choice(["pct", "words", "tenths"])
        if kind == "pct":
            cases.append(_case("rates", f"群众满意率{n}%。", [_fig(str(n), n, "%")]))
        elif kind == "words":
            w = write_number(n)
            cases.append(_case("rates", f"覆盖率达到百分之{w}，", [_fig(f"百分之{w}", n, "%")]))
        else:
            k = rng.randint(1, 9)
            w = write_number(k)
            cases.append(_case("rates", f"有{w}成居民参与。", [_fig(w, k, "成")]))
    for _ in range(120):  # two figures in one clause
        subj, unit = rng.choice(SUBJECTS[:12])
        a, b = rng.randint(2, 900), rng.randint(2, 3000)
        text = f"现有低保户{a}户{b}人，{subj}{a}{unit}。"
        cases.append(_case("pairs", text, [_fig(str(a), a, "户"), _fig(str(b), b, "人"), _fig(str(a), a, unit)]))
    return cases


def parse_cases(rng: random.Random) -> list[dict]:
    cases = []
    for _ in range(200):
        n = rng.choice([rng.randint(0, 99), rng.randint(100, 10**6), rng.randint(10**6, 10**13)])
        cases.append({"group": "parse_roundtrip", "parse": write_number(n), "expected": {"value": str(n)}})
    return cases


def lookalike_cases(rng: random.Random) -> list[dict]:
    texts = []
    for _ in range(60):
        y, m, d = rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)
        texts += [f"{y}年{m}月{d}日召开会议。", f"{y}年以来，", f"截至{m}月底，", f"于{y}.{m}.{d}完成",
                  f"{m}月{d}日上午"]
    for _ in range(30):
        h = rng.randint(6, 11)
        texts += [f"每天{h}:30至{h + 8}:30开放。", f"下午{rng.randint(1, 5)}点集合。",
                  f"第{rng.randint(1, 30)}批入选。", f"第{write_number(rng.randint(2, 20))}届",
                  f"联系电话1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}。",
                  f"咨询热线0{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}",
                  f"家住{rng.randint(1, 40)}幢{rng.randint(1, 6)}单元", f"幸福巷{rng.randint(1, 99)}号",
                  f"{rng.randint(1, 30)}号楼", f"第{rng.randint(1, 9)}页共{rng.randint(10, 20)}页",
                  f"—{rng.randint(1, 30)}—", f"全文共{rng.randint(500, 9000)}字",
                  f"{rng.choice([60, 65, 70, 80])}岁以上老人", f"“{rng.randint(100, 999)}”志愿服务品牌",
                  f"{rng.randint(1, 12)}、加强党建", f"（{rng.randint(1, 9)}）完善制度"]
    fixed = ["二〇二一年工作计划", "20xx年上半年", "上半年以来", "十九届六中全会精神", "“三个代表”重要思想",
             "庆祝七一", "学习两会精神", "十四五规划", "“四百”活动", "一站式服务", "统一零售价", "万一发生",
             "坚守一线", "“两委”换届", "1+N模式", "3+1制度", "三驾马车", "切两半", "一起参加活动", "一批骨干",
             "一直坚持", "一些问题", "一次性补助", "进一步加强", "高度一致", "一体化推进", "入户率为%", "发放慰问金元",
             "千家万户", "千方百计", "一对一帮扶", "一户一档", "三会一课", "两学一做",
             "唯一一家", "逐一排查", "四人小组", "一条龙服务", "一张蓝图绘到底", "建党100周年", "三年级学生",
             "一把手负总责", "一期工程", "五一劳动节", "十一国庆", "二〇二二年", "第一时间", "第三名", "①宣传"]
    texts += fixed
    return [{"group": "lookalike", "input": t, "expected": []} for t in texts]


def main() -> None:
    rng = random.Random(20261123)
    data = {"quantities": quantity_cases(rng), "parse": parse_cases(rng), "lookalikes": lookalike_cases(rng)}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in data.items()})


if __name__ == "__main__":
    main()
