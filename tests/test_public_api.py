"""The public API: the names govnews exports, their docstrings, and frozen records.

Changing ``govnews.__all__`` is a change to the public API: it needs a
changelog line, and this test's ``PUBLIC`` updated in the same change.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import itertools
import subprocess
import sys
import types
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import govnews

PUBLIC = {
    "BEIJING",
    "REPAIRS",
    "TEMPLATES",
    "Article",
    "DecodeError",
    "Decoded",
    "Edit",
    "Failure",
    "GovnewsError",
    "InputTooLargeError",
    "InputTypeError",
    "Line",
    "NotAnArticleError",
    "Options",
    "Repaired",
    "Role",
    "__version__",
    "decode",
    "parse",
    "parse_many",
    "repair",
    "replay",
}

# Data names have no __doc__ of their own: their docstring is the string
# literal right after the assignment in the module that defines them.
DATA_HOMES = {
    "BEIJING": "govnews.records",
    "REPAIRS": "govnews.repair",
    "TEMPLATES": "govnews.templates",
}

# A version string documents itself.
NO_DOCSTRING = {"__version__"}

# Public names whose docstring has no example yet. Each is a strict xfail: when
# an example is added, the test passes, fails as XPASS, and the name leaves
# this set.

RECORDS: dict[str, Callable[[], Any]] = {
    "Article": lambda: govnews.Article(site="generic", title="标题"),
    "Edit": lambda: govnews.Edit("gloss", 1, 6, "(nèi)", "", 0),
    "Line": lambda: govnews.Line(0, "来源:江西日报", "來源:江西日報", govnews.Role.META),
    "Options": lambda: govnews.Options(),
    "Repaired": lambda: govnews.Repaired("国内", ()),
    "Failure": lambda: govnews.Failure("a.html", "DecodeError", "no codec fits"),
    "Decoded": lambda: govnews.Decoded("新闻", "gb18030", "gb18030"),
}


def docstring(name: str) -> str:
    """The docstring a reader sees for a public name: its own, or its attribute docstring."""
    if name in DATA_HOMES:
        module = importlib.import_module(DATA_HOMES[name])
        tree = ast.parse(inspect.getsource(module))
        body = tree.body
        for node, after in itertools.pairwise(body):
            targets = (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            if any(isinstance(t, ast.Name) and t.id == name for t in targets) and (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                return after.value.value
        return ""
    return inspect.getdoc(getattr(govnews, name)) or ""


def test_all_is_pinned() -> None:
    """govnews.__all__ is exactly the public API this test knows."""
    assert sorted(PUBLIC) == sorted(govnews.__all__)


def test_all_has_no_duplicates() -> None:
    """Each public name is listed once."""
    assert len(govnews.__all__) == len(set(govnews.__all__))


def test_every_public_name_resolves() -> None:
    """Every name in __all__ is an attribute of the package."""
    assert [] == [name for name in govnews.__all__ if not hasattr(govnews, name)]


def test_no_unlisted_public_names() -> None:
    """Every public, non-module attribute of the package is in __all__."""
    exported = {
        name
        for name, value in vars(govnews).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name not in {"annotations", "PackageNotFoundError", "version"}
    }
    assert set() == exported - set(govnews.__all__)


@pytest.mark.parametrize("name", ["parse", "repair", "replay", "decode"])
def test_functions_are_not_shadowed_by_modules(name: str) -> None:
    """govnews.parse and friends are the functions, not the modules of the same name."""
    assert inspect.isfunction(getattr(govnews, name))


def test_version_is_a_version() -> None:
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert version("govnews") == govnews.__version__


@pytest.mark.parametrize(
    "name",
    sorted(PUBLIC - NO_DOCSTRING),
)
def test_public_name_has_docstring_with_example(name: str) -> None:
    """Every public name has a docstring with a runnable example (a >>> line)."""
    text = docstring(name)
    assert text.strip(), f"{name} has no docstring"
    assert ">>>" in text, f"{name}'s docstring has no example"


def _public_members(cls: type) -> list[str]:
    own = [name for name in vars(cls) if not name.startswith("_")]
    return [
        name
        for name in own
        if inspect.isfunction(vars(cls)[name])
        or isinstance(vars(cls)[name], (property, classmethod, staticmethod))
    ]


@pytest.mark.parametrize("name", sorted(n for n in PUBLIC if inspect.isclass(getattr(govnews, n))))
def test_public_methods_have_docstrings(name: str) -> None:
    """Each public method and property of a public class says what it does."""
    cls = getattr(govnews, name)
    missing = [m for m in _public_members(cls) if not inspect.getdoc(getattr(cls, m))]
    assert [] == missing


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_records_are_frozen(name: str) -> None:
    """Records cannot be changed once built."""
    record = RECORDS[name]()
    field = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_records_are_hashable_values(name: str) -> None:
    """Equal records are equal and hash alike, so they can be set members and keys."""
    assert RECORDS[name]() == RECORDS[name]()
    assert hash(RECORDS[name]()) == hash(RECORDS[name]())


def test_records_are_attrs_classes() -> None:
    """Every record type is an attrs class, so attrs.evolve and attrs.asdict work."""
    assert all(attrs.has(getattr(govnews, name)) for name in RECORDS)


def test_article_fields_are_tuples_not_lists() -> None:
    """Name and text sequences of a parsed Article are tuples, never lists."""
    article = govnews.parse("来源:江西日报 作者:魏星 时间:2022-09-10\n正文第一段。")
    sequences: dict[str, Any] = {
        field.name: getattr(article, field.name)
        for field in attrs.fields(govnews.Article)
        if isinstance(getattr(article, field.name), (list, tuple))
    }
    assert sequences
    assert {} == {k: type(v).__name__ for k, v in sequences.items() if not isinstance(v, tuple)}


def test_published_at_is_beijing_time() -> None:
    """A parsed publish time is aware and in govnews.BEIJING."""
    article = govnews.parse("2021年01月23日13:29 来源:吉林日报\n正文。")
    assert article.published_at is not None
    assert dt.timedelta(hours=8) == article.published_at.utcoffset()
    assert govnews.BEIJING is article.published_at.tzinfo


def test_errors_share_one_root() -> None:
    """Every exception govnews exports derives from GovnewsError."""
    errors = [
        getattr(govnews, name)
        for name in PUBLIC
        if inspect.isclass(getattr(govnews, name)) and issubclass(getattr(govnews, name), Exception)
    ]
    assert len(errors) >= 5
    assert all(issubclass(error, govnews.GovnewsError) for error in errors)


def test_templates_and_repairs_have_unique_names() -> None:
    """Template ids and repair names are unique, and generic is the last template."""
    names = [t.name for t in govnews.TEMPLATES]
    kinds = [r.name for r in govnews.REPAIRS]
    assert len(names) == len(set(names))
    assert len(kinds) == len(set(kinds))
    assert "generic" == names[-1]


def _fresh(code: str) -> str:
    """What a fresh interpreter prints running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120
    )
    return done.stdout.strip()


def test_import_loads_nothing_else() -> None:
    """``import govnews`` loads no submodule, no attrs and no importlib.metadata."""
    code = (
        "import sys, govnews\n"
        "heavy = {'attr', 'attrs', 'importlib.metadata'}\n"
        "print(sorted(m for m in sys.modules if m.startswith('govnews.') or m in heavy))"
    )
    assert "[]" == _fresh(code)


def test_names_load_on_first_use() -> None:
    """A public name loads its module when first asked for, and is then a plain attribute."""
    code = (
        "import sys, govnews\n"
        "options = govnews.Options()\n"
        "print('govnews.records' in sys.modules, 'govnews.templates' in sys.modules,"
        " 'Options' in vars(govnews))"
    )
    assert "True False True" == _fresh(code)


def test_functions_win_over_submodules_imported_first() -> None:
    """govnews.parse, .decode and .repair are the functions even when their modules loaded first."""
    code = (
        "import govnews.repair.lexicon, govnews.parse, govnews.decode, inspect\n"
        "import govnews\n"
        "print([inspect.isfunction(getattr(govnews, n)) for n in ('parse', 'decode', 'repair')])"
    )
    assert "[True, True, True]" == _fresh(code)


def test_dir_lists_the_public_api() -> None:
    """dir(govnews) shows every public name, loaded or not."""
    assert set() == set(govnews.__all__) - set(dir(govnews))


def test_unknown_names_raise_attribute_error() -> None:
    """A name the package does not have is an AttributeError, as on any module."""
    with pytest.raises(AttributeError, match="no attribute 'pares'"):
        govnews.pares  # type: ignore[attr-defined]  # noqa: B018
