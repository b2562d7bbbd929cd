"""What reading each source file gave in an earlier build, kept by file and content.

Reading the pages' front matter and the registry (YAML with line numbers, then the JSON Schema)
was most of what a rebuild with nothing changed cost (docs/performance.md).
What reading a file gives, its records and its problems, depends only on the file's content and
on this package's code, so it is kept between builds under a digest of both: a file is read
again when either changes. What a build writes is kept alike in outputs.py.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from .diagnostics import Diagnostic, Diagnostics

T = TypeVar("T")

# Bump when what is stored changes shape in a way the code digest would not show.
_FORMAT = 1


@cache
def code_digest() -> str:
    """A digest of this package's modules, schemas, styles and templates: what a build made with
    other code (another version of the extension) is not reused."""
    package = Path(__file__).parent
    digest = hashlib.sha256(str(_FORMAT).encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in _CODE_SUFFIXES):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_CODE_SUFFIXES = (".py", ".json", ".csl", ".html", ".js", ".css")


@dataclass
class ReadCache:
    """file -> (digest of its content, what reading it gave, the problems it had)."""

    entries: dict[str, tuple[str, Any, tuple[Diagnostic, ...]]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _seen: set[str] = field(default_factory=set)

    def read(self, name: str, content: str | bytes, diagnostics: Diagnostics,
             read: Callable[[Diagnostics], T]) -> T:
        """What ``read`` gives for the file ``name``, from an earlier build when its ``content`` is
        the same; its problems are added to ``diagnostics`` either way."""
        self._seen.add(name)
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
        known = self.entries.get(name)
        if known is not None and known[0] == digest:
            self.hits += 1
            diagnostics.extend(known[2])
            return cast(T, known[1])
        self.misses += 1
        found = Diagnostics()
        result = read(found)
        self.entries[name] = (digest, result, tuple(found))
        diagnostics.extend(found)
        return result

    @classmethod
    def load(cls, path: Path) -> ReadCache:
        """The cache saved at ``path``; an empty one when there is none, it is unreadable, or it
        was made by other code."""
        try:
            with path.open("rb") as file:
                saved = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return cls()
        if not (isinstance(saved, tuple) and len(saved) == 2 and saved[0] == code_digest()
                and isinstance(saved[1], dict)):
            return cls()
        return cls(entries=saved[1])

    def save(self, path: Path) -> None:
        """Keep the files read in this build (and only them), when anything was read afresh."""
        gone = set(self.entries) - self._seen
        for name in gone:
            del self.entries[name]
        if not self.misses and not gone and path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".new")
        with partial.open("wb") as file:
            pickle.dump((code_digest(), self.entries), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
