"""Hypothesis strategies for govnews tests: clean Chinese text and page parts."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import strategies as st

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _clean_sentences() -> list[str]:
    # Sentences of the Simplified example pages (000 and 002), split at 。 and
    # kept when they hold only ordinary characters: real text to damage.
    out: list[str] = []
    for name in ("000_abf0139516787c57.txt", "002_b9b7aa8a4ee048e3.txt"):
        text = (EXAMPLES / name).read_text("utf-8")
        for sentence in re.split(r"(?<=。)", text):
            sentence = sentence.strip()
            if re.search("本网|本站|版权|网站", sentence):
                continue  # the pages' disclaimers, not article text
            if 6 <= len(sentence) <= 120 and re.fullmatch(
                r"[\u4e00-\u9fff0-9,、。“”:;()\-]+", sentence
            ):
                out.append(sentence)
    return out


SENTENCES = _clean_sentences()

sentence = st.sampled_from(SENTENCES)
"""One clean Simplified sentence from the example pages."""

paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)
"""A clean paragraph of one to four sentences."""

name = st.text(
    alphabet=st.sampled_from(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺水云昌凤酆常皮康元平萧湛禹无贝茅麻危骆支咎经裘缑干闻丰钮晁易詹荣雍须庹靖锁苏"
    ),
    min_size=2,
    max_size=3,
)
"""A plausible two- or three-character person name."""
