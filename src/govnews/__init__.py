"""govnews: Chinese government news pages in, typed and repaired articles out.

Example:
    >>> import govnews
    >>> article = govnews.parse("来源:江西日报 作者:魏星 时间:2022-09-10\\n正文第一段。")
    >>> article.source, article.authors, article.published_date.isoformat()
    ('江西日报', ('魏星',), '2022-09-10')
"""

from __future__ import annotations

import sys as _sys
from types import ModuleType as _ModuleType

__all__ = [
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
]

# ``import govnews`` loads nothing else: each public name is imported from the
# module below on first use (PEP 562), so a program that only asks for the
# version, or a command that only prints its help, does not pay for attrs,
# the templates, the repairs and their tables.
_HOMES = {
    "parse_many": "govnews.batch",
    "Decoded": "govnews.decode",
    "decode": "govnews.decode",
    "DecodeError": "govnews.errors",
    "GovnewsError": "govnews.errors",
    "InputTooLargeError": "govnews.errors",
    "InputTypeError": "govnews.errors",
    "NotAnArticleError": "govnews.errors",
    "parse": "govnews.parse",
    "BEIJING": "govnews.records",
    "Article": "govnews.records",
    "Edit": "govnews.records",
    "Failure": "govnews.records",
    "Line": "govnews.records",
    "Options": "govnews.records",
    "Repaired": "govnews.records",
    "Role": "govnews.records",
    "REPAIRS": "govnews.repair",
    "repair": "govnews.repair",
    "replay": "govnews.repair",
    "TEMPLATES": "govnews.templates",
}

# Type checkers and IDEs read any ``if TYPE_CHECKING:`` block as taken: they
# see the names imported here, and not the module ``__getattr__``, so a
# misspelt name stays an error to them. (Importing ``typing`` for its flag
# would cost more than this whole module.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from govnews.batch import parse_many
    from govnews.decode import Decoded, decode
    from govnews.errors import (
        DecodeError,
        GovnewsError,
        InputTooLargeError,
        InputTypeError,
        NotAnArticleError,
    )
    from govnews.parse import parse
    from govnews.records import BEIJING, Article, Edit, Failure, Line, Options, Repaired, Role
    from govnews.repair import REPAIRS, repair, replay
    from govnews.templates import TEMPLATES

    __version__: str
else:

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is not None:
            from importlib import import_module

            value = getattr(import_module(home), name)
            globals()[name] = value  # found once; later lookups do not come here
            return value
        if name == "__version__":
            # Read from the installed metadata, and only when asked for:
            # importlib.metadata costs more than the rest of the package's import.
            from importlib.metadata import PackageNotFoundError, version

            try:
                return version("govnews")
            except PackageNotFoundError:  # pragma: no cover - running from a source tree
                return "0.0.0"
        raise AttributeError(f"module 'govnews' has no attribute {name!r}")


del TYPE_CHECKING


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(_ModuleType):
    """The package module, kept from naming three submodules over their functions.

    ``parse``, ``decode`` and ``repair`` are both functions and the modules
    that define them. Loading a submodule sets it as an attribute of its
    package. When ``import govnews`` imported the functions, that came after
    and they won; loaded on first use they would lose to any import of a
    submodule that came first (``from govnews.repair.lexicon import ...``),
    and ``govnews.parse`` would be a module. The package names the functions;
    the modules stay in ``sys.modules``.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("parse", "decode", "repair") and isinstance(value, _ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
