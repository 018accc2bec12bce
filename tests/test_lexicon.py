"""The lexicon: lazy tables, word and phrase counts, readings."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govnews.repair import lexicon


def test_tables_load_lazily() -> None:
    """Importing govnews loads no table and no jieba, pypinyin or OpenCC module."""
    code = (
        "import sys, govnews\n"
        "from govnews.repair import lexicon\n"
        "assert lexicon._words.cache_info().currsize == lexicon._chars.cache_info().currsize == 0\n"
        "assert lexicon._readings.cache_info().currsize == 0\n"
        "print(sorted(m for m in ('jieba', 'pypinyin', 'opencc') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_word_counts_come_without_importing_jieba() -> None:
    """jieba's dictionary is read as a file: the package itself is never imported."""
    code = (
        "import sys\n"
        "from govnews.repair import lexicon\n"
        "assert lexicon.word_count('中国') > 0\n"
        "assert lexicon.readings('中')\n"
        "print('jieba' in sys.modules, 'pypinyin.phrases_dict' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_word_and_char_counts() -> None:
    """Common words and characters count more than rare or made-up ones."""
    assert lexicon.word_count("要求") > lexicon.word_count("螅瑺") == 0
    assert lexicon.char_count("国") > lexicon.char_count("囯")
    assert lexicon.word_count("") == 0


def test_phrase_count() -> None:
    """Words of three and four characters come from the same dictionary."""
    assert lexicon.phrase_count("一步") == lexicon.word_count("一步")
    assert lexicon.phrase_count("进一步") > 0
    assert lexicon.phrase_count("一目了然") > 0
    assert lexicon.phrase_count("然了目一") == 0
    assert lexicon.phrase_count("中华人民共和国") == 0  # longer words are not kept


def test_readings() -> None:
    """Readings are tone-marked; the first is the usual one."""
    assert "qiáng" in lexicon.readings("強")
    assert lexicon.first_reading("強") == "qiáng"
    assert lexicon.first_reading("內") == "nèi"
    assert lexicon.readings("ab") == frozenset()
    assert lexicon.first_reading("") == ""


def test_costs() -> None:
    """Punctuation of Chinese text is cheap, private use and U+FFFD dear."""
    assert lexicon.char_cost("，") == lexicon.char_cost("“") == 2.0
    assert lexicon.char_cost("\ue026") == lexicon.char_cost("\ufffd") == 20.0
    assert lexicon.text_cost("康峰要求") < lexicon.text_cost("捣逡\ue026螅")


def test_word_tables_are_cached_between_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table built once is read back from the cache folder; a damaged file is rebuilt."""
    monkeypatch.setenv("GOVNEWS_CACHE_DIR", str(tmp_path))
    built = lexicon._cached_table("chars", lexicon._char_counts, dict)
    files = list(tmp_path.glob("chars-*.marshal"))
    assert len(files) == 1
    assert lexicon._cached_table("chars", lambda text: {}, dict) == built  # read, not built
    files[0].write_bytes(b"\x00 not a table")
    assert lexicon._cached_table("chars", lexicon._char_counts, dict) == built
    monkeypatch.setenv("GOVNEWS_CACHE_DIR", "")
    assert lexicon._cached_table("chars", lambda text: {"x": 1}, dict) == {"x": 1}  # off: built


def test_cache_keeps_the_tables_used_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables other installs wrote are removed, all but the most recently used few."""
    source = tmp_path / "source.txt"
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVNEWS_CACHE_DIR", str(folder))
    for version in range(6):
        source.write_text("x")
        os.utime(source, ns=(version * 10**9, version * 10**9))
        assert lexicon._cached("t", source, functools.partial(dict, v=version), dict) == {
            "v": version
        }
        for stamp, path in enumerate(sorted(folder.glob("t-*.marshal"))):
            os.utime(path, (stamp, stamp))  # written in the order of their versions
    (folder / "t-old.123.tmp").write_bytes(b"")
    os.utime(folder / "t-old.123.tmp", (0, 0))
    source.write_text("x")
    os.utime(source, ns=(0, 0))
    # Version 0 was pruned long ago: it is built again, and the oldest go.
    assert lexicon._cached("t", source, lambda: {"v": 0}, dict) == {"v": 0}
    left = sorted(path.name for path in folder.iterdir())
    assert len(left) == lexicon._KEPT_VERSIONS
    assert f"-{source.stat().st_size}-0.marshal" in " ".join(left)
    assert not any(name.endswith(".tmp") for name in left)


def test_readings_are_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pypinyin's table is kept in the cache folder and read back whole."""
    monkeypatch.setenv("GOVNEWS_CACHE_DIR", str(tmp_path))
    built = lexicon._pinyin_table()
    lexicon._readings.cache_clear()
    try:
        assert lexicon._readings() == built
        assert len(list(tmp_path.glob("readings-*.marshal"))) == 1
        lexicon._readings.cache_clear()
        assert lexicon._readings() == built  # read back
    finally:
        lexicon._readings.cache_clear()


def test_one_character_is_simplified_as_opencc_would() -> None:
    """The per-character table gives what OpenCC gives each character alone."""
    convert = lexicon._converter()
    chars = [chr(code) for low, high in lexicon._HAN_BLOCKS[:3] for code in range(low, high + 1)]
    assert lexicon._simple_chars()  # the bulk conversion was read character by character
    assert [lexicon.to_simplified(char) for char in chars] == [convert(char) for char in chars]
    assert lexicon.to_simplified("國") == "国"
    assert lexicon.to_simplified("。") == "。"


def test_word_tables_load_by_first_character() -> None:
    """A table made a dictionary a first character at a time counts as the whole one does."""
    whole = lexicon._counted(lexicon._SHORT_WORD, lexicon._dictionary_text())
    table = lexicon._Words("words", lexicon._SHORT_WORD, lexicon._pack(whole))
    sample = [*list(whole)[::97], "", "x", "日抱", "螅瑺", "\ufffd"]
    assert [table.count(word) for word in sample] == [whole.get(word, 0) for word in sample]
    assert 0 < len(table.groups) < len(table.firsts())  # only the first characters asked for
    assert table.group("日") == {word[1:]: n for word, n in whole.items() if word[0] == "日"}
    groups = table.each(table.firsts())
    assert {
        first + rest: n
        for first, group in zip(table.firsts(), groups, strict=True)
        for rest, n in group.items()
    } == whole


def test_a_word_table_of_another_shape_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache file that loads but does not hold the table's shape is rebuilt, not trusted."""
    monkeypatch.setenv("GOVNEWS_CACHE_DIR", str(tmp_path))
    whole = lexicon._counted(lexicon._SHORT_WORD, lexicon._dictionary_text())
    table = lexicon._Words("words", lexicon._SHORT_WORD, {"日": ("报\n本", b"\x01")})
    assert table.count("日报") == whole["日报"]
    assert table.count("中国") == whole["中国"]
    assert len(list(tmp_path.glob("words-*.marshal"))) == 1  # the rebuilt table, written
