"""A preview card per item page (``og:image``): a PNG drawn with Pillow from the item's own words.

No network fonts: the card is drawn with a font file on the machine (Debian's fonts-dejavu-core,
which ``.ci/run`` installs). Pillow's bundled font has no accented letters. The PNG holds no
date or other metadata, so the same item, font and Pillow give the same bytes: builds stay
reproducible. 1146 × 600 pixels, the size sphinxext-opengraph announces for an ``og:image``
given by a page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .archive import Archive
from .model import Event, Item, PressRelease, Series, Session
from .textfr import date_fr

WIDTH, HEIGHT = 1146, 600
MARGIN = 64
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
BACKGROUND, INK, ACCENT, MUTED = (250, 247, 240), (28, 28, 30), (150, 30, 45), (90, 90, 96)


@dataclass(frozen=True)
class Card:
    """What a card says: a kicker ("Séance 2 · 7 septembre 2021"), the title, a line of names."""

    kicker: str
    title: str
    byline: str
    footer: str


def font_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


@cache  # asked for each page
def available() -> bool:
    """Can cards be drawn on this machine (are the fonts there)?"""
    return font_file(REGULAR) is not None and font_file(BOLD) is not None


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = font_file(name)
    if path is None:
        raise FileNotFoundError(f"font {name} not found in {', '.join(map(str, FONT_DIRS))}")
    return ImageFont.truetype(str(path), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int,
          max_lines: int) -> list[str]:
    """Lines of at most ``width`` pixels; the last one cut with "…" when the text is longer."""
    if max_lines < 1:
        return []
    lines: list[str] = []
    words = " ".join(text.split()).split(" ")
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def render_card(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    y = MARGIN
    kicker = _font(BOLD, 30)
    for line in _wrap(draw, card.kicker, kicker, text_width, 1):
        draw.text((MARGIN, y), line, font=kicker, fill=ACCENT)
        y += 48
    y += 16
    title = _font(BOLD, 50)
    for line in _wrap(draw, card.title, title, text_width, 4):  # room left for the names
        draw.text((MARGIN, y), line, font=title, fill=INK)
        y += 64
    y += 16
    byline = _font(REGULAR, 28)
    for line in _wrap(draw, card.byline, byline, text_width, max(0, (HEIGHT - 110 - y) // 38)):
        draw.text((MARGIN, y), line, font=byline, fill=MUTED)
        y += 38
    footer = _font(REGULAR, 24)
    for line in _wrap(draw, card.footer, footer, text_width, 1):
        draw.text((MARGIN, HEIGHT - MARGIN - 24), line, font=footer, fill=MUTED)
    out = io.BytesIO()
    # No text chunks, no time stamp: the bytes depend on the card alone.
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def card_for(archive: Archive, item: Item, site_name: str) -> Card | None:
    """The card of a session, press release, event or series page (None for other items)."""
    title = item.shown_title
    if isinstance(item, Session):
        names = [archive.people[a.person].display_name for a in item.speakers if a.person in archive.people]
        kicker = f"Séance {item.number} · {date_fr(item.date)}" if item.number else f"Séance · {date_fr(item.date)}"
        return Card(kicker, title, ", ".join(names), site_name)
    if isinstance(item, PressRelease):
        kicker = " · ".join(part for part in ("Communiqué de presse", item.place, date_fr(item.date)) if part)
        issuers = [archive.organisations[o].name for o in item.issuer if o in archive.organisations]
        return Card(kicker, title, ", ".join(issuers), site_name)
    if isinstance(item, Event):
        return Card(f"Événement · {date_fr(item.date)}", title, item.venue, site_name)
    if isinstance(item, Series):
        sessions = archive.sessions_of_series(item.id)
        span = f" · {sessions[0].date.year}–{sessions[-1].date.year}" if sessions else ""
        return Card(f"Séminaire{span}", title, "", site_name)
    return None
