"""The one shape the archive's problems take (:class:`Diagnostic`), and the collection of them a
check or a build makes (:class:`Diagnostics`). Each kind of problem, with its documentation, is
defined once in problems.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .messages import MessageKey, render_message
from .problems import Problem

__all__ = ["LANGUAGES", "WARNING_TYPE", "Diagnostic", "Diagnostics", "Language", "Problem"]

WARNING_TYPE = "archive"

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place. ``path`` is relative to the site's source directory.

    ``message`` is the English text; ``key`` and ``args`` name the message in the catalogue
    (:mod:`seminar_archive.messages`), from which :meth:`render` gives it in another language.
    """

    problem: Problem
    message: str
    path: str
    line: int = 0
    key: MessageKey | Literal[""] = ""
    args: tuple[tuple[str, object], ...] = ()

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` ("fr" or "en"); a message outside the catalogue stays as written."""
        if not self.key:
            return self.message
        return render_message(self.key, dict(self.args), lang)

    def __str__(self) -> str:
        return f"{self.location}: {self.message} [{WARNING_TYPE}.{self.problem.subtype}]"


class Diagnostics(list[Diagnostic]):
    """Problems found so far, in the order found."""

    def add(self, problem: Problem, message: str, path: str, line: int = 0) -> None:
        """A problem whose message is not in the catalogue (it is shown as written, in any language)."""
        self.append(Diagnostic(problem, message, path, line))

    def say(self, problem: Problem, key: MessageKey, path: str, line: int = 0, /, **args: object) -> None:
        """A problem with the catalogue's message ``key``, filled with ``args``."""
        self.append(Diagnostic(problem, render_message(key, args, "en"), path, line, key, tuple(args.items())))
