"""The exceptions govnews raises, under one root.

Anything that escapes :func:`govnews.parse` or :func:`govnews.repair` and is
not a :class:`GovnewsError` is a bug. Each subclass also inherits the builtin
that fits it, so a caller's ``except ValueError`` keeps working::

    GovnewsError (Exception)
    ├── DecodeError (ValueError)        bytes no codec can read as text
    ├── InputTooLargeError (ValueError) input over Options.max_bytes
    ├── NotAnArticleError (ValueError)  a page with no article text at all
    └── InputTypeError (TypeError)      neither bytes nor str
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "GovnewsError",
    "InputTooLargeError",
    "InputTypeError",
    "NotAnArticleError",
]


class GovnewsError(Exception):
    """Root of every error govnews raises on purpose.

    Example:
        >>> import govnews
        >>> try:
        ...     govnews.parse(b"")
        ... except govnews.GovnewsError as error:
        ...     print(type(error).__name__)
        NotAnArticleError
    """


class DecodeError(GovnewsError, ValueError):
    """The bytes could not be decoded as text by any candidate encoding.

    Attributes:
        tried: the encodings tried, in order.

    Example:
        >>> error = DecodeError("no codec fits", ("utf-8", "gb18030"))
        >>> isinstance(error, ValueError), error.tried
        (True, ('utf-8', 'gb18030'))
    """

    def __init__(self, message: str, tried: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.tried = tried


class InputTooLargeError(GovnewsError, ValueError):
    """The input is larger than the configured limit (``Options.max_bytes``).

    Attributes:
        size: the size of the input, in bytes (or characters for text).
        limit: the limit in force.

    Example:
        >>> import govnews
        >>> try:
        ...     govnews.parse("新闻" * 10, options=govnews.Options(max_bytes=8))
        ... except InputTooLargeError as error:
        ...     print(error.size, error.limit)
        20 8
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input of {size:,} bytes is over the limit of {limit:,}; "
            "raise Options(max_bytes=...) to parse it anyway"
        )
        self.size = size
        self.limit = limit


class NotAnArticleError(GovnewsError, ValueError):
    """The page holds no line of text that could be an article.

    Example:
        >>> import govnews
        >>> try:
        ...     govnews.parse(b"   ")
        ... except NotAnArticleError as error:
        ...     print(error)
        the page has no text
    """


class InputTypeError(GovnewsError, TypeError):
    """The input is neither ``bytes`` nor ``str``.

    Example:
        >>> import govnews
        >>> try:
        ...     govnews.parse(12345)  # type: ignore[arg-type]
        ... except InputTypeError as error:
        ...     print(isinstance(error, TypeError))
        True
    """
