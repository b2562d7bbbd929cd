"""What a build writes: a file that already holds the bytes is left alone (its date kept, so
sphinx-autobuild and rsync see nothing changed), and an output is made again only when what it is
made from changed (:class:`MadeFrom`, digests kept beside Sphinx's pickles). What reading the
sources gave is kept alike in readcache.py."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write ``data`` (text as UTF-8) to ``path`` unless the file already holds it; True if written.
    A file left as it was keeps its date, so sphinx-autobuild and rsync see nothing changed."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return True


@dataclass
class MadeFrom:
    """What each output of an earlier build was made from (a digest by output name), kept in a
    file beside Sphinx's pickles: an output is made again only when its digest changed or the
    output is gone. A missing or unreadable file means everything is made again."""

    path: Path
    previous: dict[str, str] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> MadeFrom:
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        previous = {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        return cls(path, previous)

    def stale(self, name: str, digest: str, output: Path) -> bool:
        """Note ``digest`` for ``name``; True when ``output`` must be made again."""
        self.current[name] = digest
        return self.previous.get(name) != digest or not output.is_file()

    def save(self) -> None:
        """Keep this build's digests (call after the outputs are written: a crash remakes them)."""
        if self.current != self.previous:
            write_if_changed(self.path, json.dumps(self.current, sort_keys=True, indent=0) + "\n")
