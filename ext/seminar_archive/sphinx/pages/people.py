"""A person's page and the people's A–Z index."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from docutils import nodes

from ...collation import person_key
from ...model import (
    Person,
    PersonAppearance,
    Role,
)
from ...textfr import date_fr, plural
from ..nodes_util import (
    Part,
    bullets,
    emphasis,
    external,
    field_list,
    joined,
    para,
    section,
    table,
    xref,
)
from .parts import PageParts


class PeoplePages(PageParts):
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

    def people_index(self, key: str | None) -> list[nodes.Node]:
        def line(person: Person) -> list[Part]:
            count = len(self.archive.appearances_by_person.get(person.id, []))
            count_text = f" — {plural(count, 'apparition', 'apparitions')}" if count else ""
            return [xref("person", person.id, person.sort_name), count_text]
        return self._az("people", [(p.family, partial(line, p))
                                   for p in sorted(self.archive.people.values(), key=person_key)], key)
