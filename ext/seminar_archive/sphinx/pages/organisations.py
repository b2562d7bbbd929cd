"""An organisation's page (with the people of its entities, at any depth) and the organisations'
A–Z index."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from docutils import nodes

from ...collation import organisation_key, organisation_name_for_sorting
from ...model import (
    Dated,
    Organisation,
)
from ...pageplan import descendants
from ...textfr import date_fr, supplied, typo_fr
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
)
from .parts import PageParts


class OrganisationPages(PageParts):
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
            appearance = next(a for a in item.appearances if a.person == person_id
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
                appearance = next(a for a in item.appearances if a.person == person_id
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

    def organisations_index(self, key: str | None) -> list[nodes.Node]:
        def line(org: Organisation) -> list[Part]:
            return [self.org_link(org.id)]
        return self._az("organisations", [(organisation_name_for_sorting(o), partial(line, o))
                                          for o in sorted(self.archive.organisations.values(), key=organisation_key)],
                        key)
