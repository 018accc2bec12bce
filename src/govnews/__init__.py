"""govnews: Chinese government news pages in, typed and repaired articles out.

Example:
    >>> import govnews
    >>> article = govnews.parse("来源:江西日报 作者:魏星 时间:2022-09-10\\n正文第一段。")
    >>> article.source, article.authors, article.published_date.isoformat()
    ('江西日报', ('魏星',), '2022-09-10')
"""

from __future__ import annotations

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


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata on first use: loading
    # importlib.metadata costs more than the rest of `import govnews`.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("govnews")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.0.0"
    raise AttributeError(f"module 'govnews' has no attribute {name!r}")


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
