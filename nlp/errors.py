"""The library's exceptions: one base class, one sentence each."""

from __future__ import annotations


class ZongjieError(Exception):
    """Base of every error the library raises on purpose."""


class ReadError(ZongjieError):
    """An input file could not be read or decoded."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<input>'}: {reason}")

    def __reduce__(self):  # picklable, so batches can run in worker processes
        return (type(self), (self.path, self.reason))


class ResourceError(ZongjieError):
    """A data file under nlp/resources/ (or a user extension) is malformed."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return (type(self), (self.file, self.line, self.message))


class ParseError(ZongjieError):
    """A document was read but could not be parsed."""
