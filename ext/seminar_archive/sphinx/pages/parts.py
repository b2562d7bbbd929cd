"""The pieces every page is made of: links to people, organisations and items, appearance lines,
source links, the supplied-title note and the A–Z listing. Each page family extends ``PageParts``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from docutils import nodes

from ...archive import Archive
from ...model import Appearance, Dated, Item, PressRelease, Role, Session
from ...pageplan import index_group, theme_slug
from ...sourcedocs import SourceDocument, size_fr
from ...textfr import date_fr, plural, typo_fr
from ..nodes_util import (
    Part,
    bullets,
    doc_link,
    emphasis,
    file_link,
    inline,
    joined,
    para,
    section,
    xref,
)

SUPPLIED_FIELDS_FR = {"title": "titre", "issuer": "émetteur", "place": "lieu", "venue": "lieu",
                      "edition": "édition", "organisers": "organisateurs"}


class PageParts:
    """Renders pieces of one page of the plan; ``docname`` is the page being read."""

    def __init__(self, archive: Archive, docname: str, sources_dir: str,
                 source_for: Callable[[str], SourceDocument] | None = None) -> None:
        self.archive = archive
        self.docname = docname
        self.sources_dir = sources_dir
        self.source_for = source_for

    # Unknown ids are already reported, with their line, by the checks: shown as plain text,
    # they do not warn again from every page that lists them.
    def person_link(self, person_id: str) -> nodes.Node:
        person = self.archive.people.get(person_id)
        return xref("person", person_id, person.display_name) if person else nodes.Text(person_id)

    def org_link(self, org_id: str) -> nodes.Node:
        org = self.archive.organisations.get(org_id)
        return xref("org", org_id, org.display_name) if org else nodes.Text(org_id)

    def item_title(self, item: Item) -> list[Part]:
        return [item.shown_title]

    def item_link(self, item: Item, with_number: bool = True) -> nodes.Node:
        if isinstance(item, Session) and with_number:
            text = typo_fr(f"Séance {item.number} : ") + item.shown_title
        else:
            text = item.shown_title
        return xref(item.kind, item.id, text)

    def theme_links(self, themes: Sequence[str]) -> list[Part]:
        return joined([xref("theme", theme_slug(t), t) for t in themes])

    def source_link(self, item: Item) -> list[Part]:
        """The document's own heading, linked to its file, and what the file is."""
        target = f"{self.sources_dir}/{item.source}"
        if self.source_for is None:
            return [file_link(self.docname, target, item.source)]
        document = self.source_for(item.source)
        link = file_link(self.docname, target, document.title)
        link["classes"].append("archive-source-title")
        if not document.size:
            return [link]
        return [link, inline(f" (fichier texte {item.source}, {size_fr(document.size)})",
                             classes=["archive-source-file"])]

    def supplied_note(self, item: Item) -> nodes.Node | None:
        if not item.supplied:
            return None
        fields = ", ".join(SUPPLIED_FIELDS_FR.get(f, f) for f in sorted(item.supplied))
        return para(typo_fr(f"Entre crochets : ce que l’archive a ajouté, que la source ne dit pas ({fields})."),
                    classes=["archive-supplied-note"])

    def appearance_line(self, appearance: Appearance, with_person: bool = True) -> list[Part]:
        parts: list[Part] = []
        if with_person:
            if appearance.honorific:
                parts.append(appearance.honorific + " ")
            parts.append(self.person_link(appearance.person))
            if appearance.postnominals:
                parts.append(", " + appearance.postnominals)
            if appearance.affiliation:
                parts.append(", ")
        linked: set[str] = set()
        if appearance.affiliation:
            affiliation, linked = self.linked_affiliation(appearance.affiliation, appearance.organisations)
            parts.append(inline(*affiliation, classes=["archive-affiliation"]))
        if appearance.note:
            parts += [typo_fr(" : "), emphasis(appearance.note)]
        # Only the organisations the affiliation does not already name, beside it.
        others = [o for o in appearance.organisations if o not in linked]
        if others:
            links = joined([self.org_link(o) for o in others])
            parts.append(inline(" (", *links, ")", classes=["archive-orgs"]))
        return parts

    def linked_affiliation(self, text: str, org_ids: Sequence[str]) -> tuple[list[Part], set[str]]:
        """The affiliation as the source writes it, each organisation it names linked where it is
        named (its name, acronym or a variant, as whole words); and the organisations linked."""
        found: list[tuple[int, int, str]] = []
        for org_id in org_ids:
            org = self.archive.organisations.get(org_id)
            if org is None:
                continue
            spellings = sorted({s for s in (org.name, org.acronym, org.full_name, *org.variants) if s},
                               key=len, reverse=True)
            for spelling in spellings:
                match = re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text)
                if match and not any(start < match.end() and match.start() < end for start, end, _ in found):
                    found.append((match.start(), match.end(), org_id))
                    break
        parts: list[Part] = []
        position = 0
        for start, end, org_id in sorted(found):
            if start > position:
                parts.append(text[position:start])
            parts.append(xref("org", org_id, text[start:end]))
            position = end
        if position < len(text):
            parts.append(text[position:])
        return parts, {org_id for _, _, org_id in found}

    def appearance_list(self, title: str, appearances: Sequence[Appearance], anchor: str) -> list[nodes.Node]:
        if not appearances:
            return []
        return [section(anchor, title, bullets([self.appearance_line(a) for a in appearances],
                                               classes=["archive-people"]))]

    def press_people(self, release: PressRelease) -> list[nodes.Node]:
        """The people a press release names, those it quotes first (their words are reported in
        it: ``mention: quoted`` in its front matter), under the section's old anchor."""
        if not release.people:
            return []
        quoted = [a for a in release.people if a.role == Role.QUOTED]
        named = [a for a in release.people if a.role != Role.QUOTED]
        children: list[nodes.Node] = []
        if quoted:
            children.append(section("personnes-citees", "Citées", para(
                typo_fr(f"Le communiqué rapporte les propos de {plural(len(quoted), 'personne', 'personnes')} :")),
                bullets([self.appearance_line(a) for a in quoted], classes=["archive-people", "archive-quoted"])))
        if named:
            children.append(section("personnes-mentionnees", "Nommées sans être citées" if quoted else "Nommées",
                                    bullets([self.appearance_line(a) for a in named], classes=["archive-people"])))
        return [section("personnes-nommees", "Personnes nommées", *children)]

    def session_row(self, session: Session) -> list[Part]:
        people = [self.person_link(a.person) for a in session.speakers]
        parts: list[Part] = [date_fr(session.date), " — ", self.item_link(session)]
        if people:
            parts += [" — ", *joined(people)]
        return parts

    def _dated_lines(self, items: Sequence[Item]) -> list[list[Part]]:
        return [[date_fr(i.date), " — ", self.item_link(i)] if isinstance(i, Dated) else [self.item_link(i)]
                for i in items]

    def letters_nav(self, letters: Sequence[str], base: str) -> nodes.Node:
        return para(*joined([doc_link(self.docname, f"{base}/a-z/{letter.lower()}", letter) for letter in letters],
                            " · "), classes=["archive-letters"])

    def _az(self, base: str, entries: Sequence[tuple[str, Callable[[], list[Part]]]],
            key: str | None) -> list[nodes.Node]:
        """An A–Z listing of (name for sorting, line maker) entries, whole or for one letter or
        prefix (lines are made only for the entries listed: a letter page of a large archive
        lists a few dozen of thousands)."""
        by_letter: dict[str, list[list[Part]]] = {}
        for name, line in entries:
            letter, prefix = index_group(name)
            if key is None or key in (letter, prefix):
                by_letter.setdefault(letter, []).append(line())
        all_letters = sorted({index_group(name)[0] for name, _ in entries})
        out: list[nodes.Node] = [self.letters_nav(all_letters, base)]
        for letter in sorted(by_letter):
            out.append(section(f"lettre-{letter.lower()}", letter, bullets(by_letter[letter], classes=["archive-az"])))
        return out
