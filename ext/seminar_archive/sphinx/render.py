"""The body of every page the extension renders, as docutils nodes built from the model.

Archivists' pages (sessions, press releases, events, the series) keep their own body (the
presentation text) under a header rendered from their front matter; generated pages are
rendered whole. Nothing here reads files or emits warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from docutils import nodes

from .. import pageplan
from ..collation import organisation_key, organisation_name_for_sorting, person_key, sort_key
from ..model import (
    Appearance,
    Archive,
    Dated,
    Event,
    Item,
    Organisation,
    Person,
    PersonAppearance,
    PressRelease,
    Role,
    Series,
    Session,
)
from ..pageplan import PlannedPage, descendants, index_group, theme_docname, theme_slug
from ..sourcedocs import SourceDocument, size_fr
from ..textfr import NBSP, date_fr, plural, supplied, typo_fr
from .nodes_util import (
    Part,
    bullets,
    doc_link,
    emphasis,
    external,
    field_list,
    file_link,
    inline,
    joined,
    para,
    section,
    table,
    xref,
)

# The default folder of the source documents (archive_sources_dir): the build passes its own.
SOURCES_DIR = "sources"
SUPPLIED_FIELDS_FR = {"title": "titre", "issuer": "émetteur", "place": "lieu", "venue": "lieu",
                      "edition": "édition", "organisers": "organisateurs"}


class Renderer:
    """Renders one page of the plan; ``docname`` is the page being read."""

    def __init__(self, archive: Archive, docname: str, sources_dir: str = SOURCES_DIR,
                 source_for: Callable[[str], SourceDocument] | None = None) -> None:
        self.archive = archive
        self.docname = docname
        self.sources_dir = sources_dir
        self.source_for = source_for

    # -- small pieces ------------------------------------------------------------------------

    # Unknown ids are already reported, with their line, by the checks: shown as plain text,
    # they do not warn again from every page that lists them.
    def person_link(self, person_id: str) -> nodes.Node:
        person = self.archive.people.get(person_id)
        return xref("person", person_id, person.display_name) if person else nodes.Text(person_id)

    def org_link(self, org_id: str) -> nodes.Node:
        org = self.archive.organisations.get(org_id)
        return xref("org", org_id, org.display_name) if org else nodes.Text(org_id)

    def item_title(self, item: Item) -> list[Part]:
        title = supplied(item.title) if item.is_supplied("title") else item.title
        return [title]

    def item_link(self, item: Item, with_number: bool = True) -> nodes.Node:
        if isinstance(item, Session) and with_number:
            title = supplied(item.title) if item.is_supplied("title") else item.title
            text = typo_fr(f"Séance {item.number} : ") + title
        else:
            text = supplied(item.title) if item.is_supplied("title") else item.title
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

    # -- archivists' pages -------------------------------------------------------------------

    def item_header(self, item: Item) -> tuple[list[nodes.Node], list[nodes.Node]]:
        """(what goes above the page's own text, what goes below it, as sections)."""
        rows: list[tuple[str, Sequence[Part | None]]] = []
        if isinstance(item, Session):
            series = self.archive.series.get(item.series)
            series_part: Part = self.item_link(series) if series else item.series
            rows += [("Séance", [f"n° {item.number} de la série ", series_part]),
                     ("Date", [date_fr(item.date)])]
        if isinstance(item, PressRelease):
            rows.append(("Date", [date_fr(item.date)]))
            if item.place:
                rows.append(("Lieu", [supplied(item.place) if item.is_supplied("place") else item.place]))
            if item.issuer:
                issuers = joined([self.org_link(o) for o in item.issuer])
                if item.is_supplied("issuer"):
                    issuers = ["[", *issuers, "]"]
                rows.append(("Émetteur", issuers))
            if item.event and item.event in self.archive.events:
                rows.append(("Événement", [self.item_link(self.archive.events[item.event])]))
        if isinstance(item, Event):
            rows.append(("Date", [date_fr(item.date)]))
            if item.edition:
                rows.append(("Édition", [f"{item.edition}e" if item.edition > 1 else "1re"]))
            if item.venue:
                rows.append(("Lieu", [item.venue]))
            if item.organisers:
                rows.append(("Organisateurs", joined([self.org_link(o) for o in item.organisers])))
            if item.supporters:
                rows.append(("Avec le soutien de", joined([self.org_link(o) for o in item.supporters])))
        if isinstance(item, Series):
            sessions = self.archive.sessions_of_series(item.id)
            if sessions:
                rows.append(("Période", [f"du {date_fr(sessions[0].date)} au {date_fr(sessions[-1].date)}"]))
                rows.append(("Séances", [str(len(sessions))]))
            if item.organisers:
                rows.append(("Organisation", joined([self.org_link(o) for o in item.organisers])))
        if item.themes:
            rows.append(("Thèmes", self.theme_links(item.themes)))
        rows.append(("Source", self.source_link(item)))
        rows.append(("Identifiant", [nodes.literal(item.id, item.id)]))
        head: list[nodes.Node] = [field_list(rows, classes=["archive-meta"])]
        if note := self.supplied_note(item):
            head.append(note)
        out: list[nodes.Node] = []
        if isinstance(item, (Session, Event)):
            out += self.appearance_list("Animation", item.moderators, "animation")
            out += self.appearance_list("Intervenants", item.speakers, "intervenants")
            if isinstance(item, Session) and not item.appearances:
                head.append(para("Le programme ne nomme ni animateur ni intervenant pour cette séance.",
                                 classes=["archive-empty"]))
        if isinstance(item, PressRelease):
            out += self.press_people(item)
        if isinstance(item, (PressRelease, Session)) and item.organisations:
            out.append(section("organisations-nommees", "Organisations nommées",
                               para(*joined([self.org_link(o) for o in item.organisations]))))
        if isinstance(item, Event):
            releases = [p for p in self.archive.press_in_order() if p.event == item.id]
            if releases:
                out.append(section("presse", "Dans la presse",
                                   bullets([[date_fr(p.date), " — ", self.item_link(p)] for p in releases])))
        if isinstance(item, Series):
            sessions = self.archive.sessions_of_series(item.id)
            out.append(section("seances", "Séances",
                               bullets([self.session_row(s) for s in sessions], classes=["archive-chronology"])))
        return head, out

    # -- generated pages ---------------------------------------------------------------------

    def person_page(self, person: Person) -> list[nodes.Node]:
        appearances = self.archive.appearances_by_person.get(person.id, [])
        rows: list[tuple[str, Sequence[Part | None]]] = [("Nom", [person.sort_name])]
        if person.variants:
            rows.append(("Variantes du nom", [", ".join(person.variants)]))
        identifiers: list[Part] = []
        if person.orcid:
            identifiers.append(external(f"https://orcid.org/{person.orcid}", f"ORCID {person.orcid}"))
        if person.idref:
            identifiers.append(external(f"https://www.idref.fr/{person.idref}", f"IdRef {person.idref}"))
        if person.wikidata:
            identifiers.append(external(f"https://www.wikidata.org/wiki/{person.wikidata}",
                                        f"Wikidata {person.wikidata}"))
        rows.append(("Identifiants", joined(identifiers) if identifiers
                     else [emphasis("aucun identifiant vérifié pour l’instant")]))
        rows.append(("Identifiant dans l’archive", [nodes.literal(person.id, person.id)]))
        out: list[nodes.Node] = [field_list(rows, classes=["archive-meta"])]

        at_events = [pa for pa in appearances if pa.item.kind != "press"]
        in_press = [pa for pa in appearances if pa.item.kind == "press"]
        if at_events:
            out.append(section(f"participations-{person.id}", "Participations", self._appearance_table(at_events)))
        if in_press:
            out.append(section(f"presse-{person.id}", "Dans la presse", self._appearance_table(in_press)))
        co = self.archive.co_speakers(person.id)
        if co:
            ordered = sorted(co, key=lambda p: person_key(self.archive.people[p]) if p in self.archive.people else
                             ((p, p, p), (p, p, p)))
            items = self.archive.items_by_id
            lines = [[self.person_link(p), " — ",
                      *joined([self.item_link(items[i]) for i in co[p] if i in items])] for p in ordered]
            out.append(section(f"avec-{person.id}", "A participé avec", bullets(lines, classes=["archive-co"])))
        if not appearances:
            out.append(para("Aucune participation enregistrée.", classes=["archive-empty"]))
        return out

    def _appearance_table(self, appearances: Sequence[PersonAppearance]) -> nodes.Node:
        rows = []
        for pa in appearances:
            role = pa.appearance.role
            role_text = role.label_fr if role is not Role.SPEAKER else "Intervention"
            rows.append([[date_fr(pa.date)], [self.item_link(pa.item)], [role_text],
                         self.appearance_line(pa.appearance, with_person=False) or ["—"]])
        return table(["Date", "Séance ou document", "Rôle", "Fonction et affiliation ce jour-là"], rows,
                     classes=["archive-appearances"])

    def organisation_page(self, org: Organisation) -> list[nodes.Node]:
        rows: list[tuple[str, Sequence[Part | None]]] = [("Nom", [org.name])]
        if org.acronym and org.acronym != org.name:
            rows.append(("Sigle", [org.acronym]))
        if org.full_name:
            rows.append(("Nom développé", [supplied(org.full_name)]))
        if org.variants:
            rows.append(("Variantes", [", ".join(org.variants)]))
        if org.parent:
            rows.append(("Fait partie de", [self.org_link(org.parent)]))
        children = self.archive.children_of(org.id)
        if children:
            rows.append(("Entités", joined([self.org_link(c.id) for c in children])))
        identifiers: list[Part] = []
        if org.ror:
            identifiers.append(external(f"https://ror.org/{org.ror}", f"ROR {org.ror}"))
        if org.wikidata:
            identifiers.append(external(f"https://www.wikidata.org/wiki/{org.wikidata}", f"Wikidata {org.wikidata}"))
        rows.append(("Identifiants", joined(identifiers) if identifiers
                     else [emphasis("aucun identifiant vérifié pour l’instant")]))
        rows.append(("Identifiant dans l’archive", [nodes.literal(org.id, org.id)]))
        out: list[nodes.Node] = [field_list(rows, classes=["archive-meta"])]
        if org.full_name:
            out.append(para(typo_fr("Entre crochets : nom développé ajouté par l’archive."),
                            classes=["archive-supplied-note"]))
        entries = self.archive.items_by_organisation.get(org.id, [])
        people_rows = []
        for item, person_id in entries:
            if person_id is None:
                continue
            appearance = next(a for a in getattr(item, "appearances", ()) if a.person == person_id
                              and org.id in a.organisations)
            people_rows.append([[date_fr(item.date) if isinstance(item, Dated) else ""], [self.person_link(person_id)],
                                [self.item_link(item)], self.appearance_line(appearance, with_person=False)])
        if people_rows:
            out.append(section(f"personnes-{org.id}", "Personnes",
                               table(["Date", "Personne", "Séance ou document", "Fonction ce jour-là"], people_rows)))
        out += self._entities_people(org, {(item.docname, person_id) for item, person_id in entries if person_id})
        named = [item for item, person_id in entries if person_id is None]
        if named:
            out.append(section(f"documents-{org.id}", "Nommée dans",
                               bullets([[date_fr(i.date), " — ", self.item_link(i)] if isinstance(i, Dated)
                                        else [self.item_link(i)] for i in named])))
        return out

    def _entities_people(self, org: Organisation, listed: set[tuple[str, str]]) -> list[nodes.Node]:
        """The people of an organisation's entities (Chaire santé's on Sciences Po's page), each
        row naming the entity, unless the row is in the organisation's own list already."""
        rows = []
        for entity in descendants(self.archive, org.id):
            for item, person_id in self.archive.items_by_organisation.get(entity.id, []):
                if person_id is None or (item.docname, person_id) in listed:
                    continue
                listed.add((item.docname, person_id))
                appearance = next(a for a in getattr(item, "appearances", ()) if a.person == person_id
                                  and entity.id in a.organisations)
                rows.append([[date_fr(item.date) if isinstance(item, Dated) else ""], [self.person_link(person_id)],
                             [self.org_link(entity.id)], [self.item_link(item)],
                             self.appearance_line(appearance, with_person=False)])
        if not rows:
            return []
        note = para(f"Personnes rattachées, d’après leur affiliation ce jour-là, à une entité de {org.name} "
                    "et non à l’organisation elle-même.", classes=["archive-supplied-note"])
        return [section(f"personnes-entites-{org.id}", "Personnes de ses entités", note,
                        table(["Date", "Personne", "Entité", "Séance ou document", "Fonction ce jour-là"], rows,
                              classes=["archive-entities-people"]))]

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

    def people_index(self, key: str | None) -> list[nodes.Node]:
        def line(person: Person) -> list[Part]:
            count = len(self.archive.appearances_by_person.get(person.id, []))
            count_text = f" — {plural(count, 'apparition', 'apparitions')}" if count else ""
            return [xref("person", person.id, person.sort_name), count_text]
        return self._az("people", [(p.family, partial(line, p))
                                   for p in sorted(self.archive.people.values(), key=person_key)], key)

    def organisations_index(self, key: str | None) -> list[nodes.Node]:
        def line(org: Organisation) -> list[Part]:
            return [self.org_link(org.id)]
        return self._az("organisations", [(organisation_name_for_sorting(o), partial(line, o))
                                          for o in sorted(self.archive.organisations.values(), key=organisation_key)],
                        key)

    def themes_index(self) -> list[nodes.Node]:
        """Every theme with its items, under the anchors the themes had before they had pages
        (themes/index.html#donnees-de-sante), each with a link to its page."""
        note = typo_fr("Les thèmes sont attribués par l’archive ; ils ne figurent pas dans les sources.")
        out: list[nodes.Node] = [para(note, classes=["archive-supplied-note"])]
        themes = self.archive.items_by_theme()
        for theme in sorted(themes, key=lambda t: sort_key(t)):
            link = doc_link(self.docname, theme_docname(theme), f"Page du thème «{NBSP}{theme}{NBSP}»")
            out.append(section(theme_slug(theme), theme, para(link, classes=["archive-theme-link"]),
                               bullets(self._dated_lines(themes[theme]))))
        return out

    def theme_page(self, theme: str) -> list[nodes.Node]:
        items = self.archive.items_by_theme().get(theme, [])
        sessions = [i for i in items if isinstance(i, Session)]
        others = [i for i in items if not isinstance(i, Session)]
        note = typo_fr("Ce thème est attribué par l’archive ; il ne figure pas dans les sources. ")
        out: list[nodes.Node] = [para(note,
                                      doc_link(self.docname, "themes/index", "Tous les thèmes"), ".",
                                      classes=["archive-supplied-note"])]
        if sessions:
            out.append(section(f"seances-{theme_slug(theme)}", "Séances",
                               bullets([self.session_row(i) for i in sessions], classes=["archive-chronology"])))
        if others:
            out.append(section(f"documents-{theme_slug(theme)}", "Presse, événements et séries",
                               bullets(self._dated_lines(others))))
        return out

    def _dated_lines(self, items: Sequence[Item]) -> list[list[Part]]:
        return [[date_fr(i.date), " — ", self.item_link(i)] if isinstance(i, Dated) else [self.item_link(i)]
                for i in items]

    def chronology(self, year: int | None, decade: int | None = None) -> list[nodes.Node]:
        """Sessions by year: all of them, one ``year``'s, or one ``decade``'s."""
        sessions = self.archive.sessions_in_order()
        if decade is not None:
            sessions = [s for s in sessions if s.date.year - s.date.year % 10 == decade]
        years = sorted({s.date.year for s in sessions})
        out: list[nodes.Node] = []
        if year is None:
            out.append(para(*joined([doc_link(self.docname, f"sessions/{y}", str(y)) for y in years], " · "),
                            classes=["archive-letters"]))
        for current in years:
            if year is not None and current != year:
                continue
            rows = [self.session_row(s) for s in sessions if s.date.year == current]
            out.append(section(f"annee-{current}", str(current), bullets(rows, classes=["archive-chronology"])))
        return out

    def press_index(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        releases = self.archive.press_in_order()
        if releases:
            out.append(section("communiques", "Communiqués de presse",
                               bullets([[date_fr(p.date), " — ", self.item_link(p)] for p in releases])))
        events = sorted(self.archive.events.values(), key=lambda e: (e.date, e.id))
        if events:
            out.append(section("evenements", "Événements",
                               bullets([[date_fr(e.date), " — ", self.item_link(e)] for e in events])))
        return out


PAGE_TITLES: dict[str, Callable[[Archive, PlannedPage], str]] = {
    pageplan.PERSON: lambda a, p: a.people[p.key].display_name,
    pageplan.ORGANISATION: lambda a, p: a.organisations[p.key].name,
    pageplan.PEOPLE_INDEX: lambda a, p: "Personnes de A à Z",
    pageplan.PEOPLE_LETTER: lambda a, p: typo_fr("Personnes : ") + p.key,
    pageplan.ORGS_INDEX: lambda a, p: "Organisations de A à Z",
    pageplan.ORGS_LETTER: lambda a, p: typo_fr("Organisations : ") + p.key,
    pageplan.THEMES: lambda a, p: "Thèmes",
    pageplan.THEME: lambda a, p: p.key,
    pageplan.CHRONOLOGY: lambda a, p: "Chronologie des séances",
    pageplan.YEAR: lambda a, p: f"Séances de {p.key}",
    pageplan.DECADE: lambda a, p: f"Séances des années {p.key}",
    pageplan.PRESS_INDEX: lambda a, p: "Presse et événements",
}


Rendered = tuple[list[Part], list[nodes.Node], list[nodes.Node]]


def render_page(archive: Archive, page: PlannedPage, docname: str, sources_dir: str = SOURCES_DIR,
                source_for: Callable[[str], SourceDocument] | None = None) -> Rendered:
    """(title, nodes above the page's own content, nodes below it) of ``page``; the source
    documents are in ``sources_dir`` of the output, described by ``source_for``."""
    renderer = Renderer(archive, docname, sources_dir, source_for)
    if page.kind == pageplan.UNUSABLE:
        notice = nodes.warning("", para(typo_fr(
            "Cette page n’a pas pu être lue comme une page de l’archive : son "
            "en-tête contient des erreurs, signalées lors de la construction du site.")))
        return [archive.unusable_pages[page.key]], [notice], []
    if not page.generated:
        item = archive.item(page.kind, page.key)
        return (renderer.item_title(item), *renderer.item_header(item))
    title = PAGE_TITLES[page.kind](archive, page)
    kind = page.kind
    if kind == pageplan.PERSON:
        body = renderer.person_page(archive.people[page.key])
    elif kind == pageplan.ORGANISATION:
        body = renderer.organisation_page(archive.organisations[page.key])
    elif kind in (pageplan.PEOPLE_INDEX, pageplan.PEOPLE_LETTER):
        body = renderer.people_index(page.key or None)
    elif kind in (pageplan.ORGS_INDEX, pageplan.ORGS_LETTER):
        body = renderer.organisations_index(page.key or None)
    elif kind == pageplan.THEMES:
        body = renderer.themes_index()
    elif kind == pageplan.THEME:
        body = renderer.theme_page(page.key)
    elif kind in (pageplan.CHRONOLOGY, pageplan.YEAR):
        body = renderer.chronology(int(page.key) if page.key else None)
    elif kind == pageplan.DECADE:
        body = renderer.chronology(None, decade=int(page.key))
    else:
        body = renderer.press_index()
    return [title], body, []
