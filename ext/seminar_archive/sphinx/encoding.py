"""Reading pages that are not valid UTF-8 without stopping the build.

Sphinx reads each source with ``config.source_encoding`` and stops the whole build ("Encoding
error!") on one undecodable byte. The archive reports the file and line of the first bad byte
(``archive.yaml``, from the loader) and still builds the page, with U+FFFD where the bytes were:
this codec is UTF-8 (a leading BOM dropped) whose decoding replaces what it cannot read.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from typing_extensions import Buffer

NAME = "seminar-archive-utf-8"
_UTF8_SIG = codecs.lookup("utf-8-sig")


def _decode(data: Buffer, errors: str = "strict", /) -> tuple[str, int]:
    return _UTF8_SIG.decode(data, "replace")


class _IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, data: bytes, errors: str, final: bool) -> tuple[str, int]:  # type: ignore[override]
        return codecs.utf_8_decode(data, "replace", final)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != NAME:
        return None
    return codecs.CodecInfo(name=NAME, encode=_UTF8_SIG.encode, decode=_decode,
                            incrementalencoder=_UTF8_SIG.incrementalencoder,
                            incrementaldecoder=_IncrementalDecoder,
                            streamreader=_UTF8_SIG.streamreader, streamwriter=_UTF8_SIG.streamwriter)


def register() -> None:
    """Make the codec known to this process (idempotent: codec lookups are cached by name)."""
    try:
        codecs.lookup(NAME)
    except LookupError:
        codecs.register(_search)


def _tolerant_encoding(app: Sphinx) -> None:
    # A page with bytes that are not UTF-8 is reported by the loader and still built.
    # Sphinx reads sources with env.settings["input_encoding"], set from the config at each build.
    if str(app.env.settings.get("input_encoding", "")).lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8"):
        app.env.settings["input_encoding"] = NAME


def setup_encoding(app: Sphinx) -> None:
    register()
    app.connect("builder-inited", _tolerant_encoding)
