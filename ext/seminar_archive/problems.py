"""Every warning the archive gives, defined once: its subtype, what it means, an example and
the fix, in English and in French, and samples of its messages as archivists read them.

Each kind of problem is a :class:`Problem` member. Its subtype is the warning's in Sphinx
(``archive.<subtype>``, so ``suppress_warnings = ["archive.unused"]`` works); the site's page of
warnings is generated from these definitions (sphinx/directives.py, ``{archive-warnings}``), and
the messages themselves are in the catalogue (messages.py), by key.

Longer than 350 lines because it is data: one entry per warning, each with both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .messages import MessageKey


@dataclass(frozen=True)
class Documented:
    """One warning's definition. ``en`` and ``fr``: (what it means, an example, the fix);
    ``samples``: (where, message key, values) of messages it gives."""

    subtype: str
    en: tuple[str, str, str]
    fr: tuple[str, str, str]
    samples: tuple[tuple[str, MessageKey, Mapping[str, object]], ...] = field(default=())


class Problem(Enum):
    """Documented warning subtypes."""

    YAML = Documented(
        "yaml",
        en=("Front matter or a registry file is not valid YAML.",
            "title: [IA et santé",
            "Close the bracket or quote the value."),
        fr=("L’en-tête d’une page ou un fichier du registre n’est pas du YAML valable (ou pas du texte UTF-8).",
            "`title: [IA et santé` (crochet non fermé)",
            "Fermez le crochet ou les guillemets, indentez avec des espaces ; enregistrez le fichier en UTF-8."),
        samples=(("sessions/ia-sante-02.md:9", "yaml-syntax", {"detail": "did not find expected ',' or ']'"}),),
    )
    MISSING_FIELD = Documented(
        "missing-field",
        en=("A required field is absent.",
            "A session without `date:`.",
            "Add the field; the message names it."),
        fr=("Un champ obligatoire manque.",
            "Une séance sans `date:`.",
            "Ajoutez le champ : le message le nomme."),
        samples=(("sessions/ia-sante-02.md:2", "required", {"field": "date"}),),
    )
    UNKNOWN_FIELD = Documented(
        "unknown-field",
        en=("A field the schema does not define (often a typo).",
            "`tittle: ...`",
            "Fix the name; the message suggests the closest field."),
        fr=("Un champ que le schéma ne connaît pas (souvent une faute de frappe).",
            "`tittle: ...`",
            "Corrigez le nom : le message propose le champ le plus proche."),
        samples=(("sessions/ia-sante-02.md:9", "unknown-field", {"name": "tittle", "suggestion": "title"}),),
    )
    BAD_VALUE = Documented(
        "bad-value",
        en=("A value of the wrong type or form.",
            "`number: deux` or `id: Séance 2`",
            "Write the value in the form the message gives."),
        fr=("Une valeur du mauvais type ou de la mauvaise forme.",
            "`number: deux` ou `id: Séance 2`",
            "Écrivez la valeur sous la forme que donne le message."),
        samples=(("sessions/ia-sante-02.md:6", "bad-type",
             {"field": "number",
                 "wanted_fr": "un nombre entier",
                 "wanted_en": "a whole number",
                 "value": "deux"}),),
    )
    BAD_DATE = Documented(
        "bad-date",
        en=("A date that does not exist or is not written YYYY-MM-DD.",
            "`date: 2021-02-30`",
            "Write a real calendar date as YYYY-MM-DD."),
        fr=("Une date qui n’existe pas ou qui n’est pas écrite AAAA-MM-JJ.",
            "`date: 2021-02-30`",
            "Écrivez une vraie date, sous la forme AAAA-MM-JJ, entre guillemets."),
        samples=(("sessions/ia-sante-02.md:7", "bad-date", {"field": "date", "value": "2021-02-30"}),),
    )
    DUPLICATE_ID = Documented(
        "duplicate-id",
        en=("Two pages or registry entries share an id.",
            "Two session pages with `id: ia-sante-02`.",
            "Ids are permanent: give the new page a new id, keep the published one."),
        fr=(("Deux pages ou deux fiches du registre ont le même identifiant (par exemple une page copiée sous un "
             "autre nom)."),
            "Deux pages de séance avec `id: ia-sante-02`.",
            ("Les identifiants sont permanents : donnez un nouvel identifiant à la nouvelle page, gardez celui qui "
             "est publié.")),
        samples=(("sessions/ia-sante-02-copie.md:5", "duplicate-id",
             {"id": "ia-sante-02",
                 "where": "sessions/ia-sante-02.md:5"}),),
    )
    DUPLICATE_NUMBER = Documented(
        "duplicate-number",
        en=("Two sessions of one series share a number.",
            "Two pages of series ia-sante with `number: 2`.",
            "Renumber the new session."),
        fr=("Deux séances d’une même série ont le même numéro.",
            "Deux pages de la série ia-sante avec `number: 2`.",
            "Renumérotez la nouvelle séance."),
        samples=(("sessions/ia-sante-09.md:5", "duplicate-number",
             {"series": "ia-sante",
                 "number": 2,
                 "where": "sessions/ia-sante-02.md:5"}),),
    )
    DUPLICATE_KEY = Documented(
        "duplicate-key",
        en=("Two pages share a citation key.",
            "Two pages with `citekey: iasante-2021-s02`.",
            "Keys are permanent: give the new page a new key."),
        fr=("Deux pages ont la même clé de citation.",
            "Deux pages avec `citekey: iasante-2021-s02`.",
            "Les clés sont permanentes : donnez une nouvelle clé à la nouvelle page."),
        samples=(("sessions/ia-sante-09.md:5", "duplicate-key",
             {"key": "iasante-2021-s02",
                 "where": "sessions/ia-sante-02.md:5"}),),
    )
    ID_MISMATCH = Documented(
        "id-mismatch",
        en=("A page's id differs from its file name.",
            "docs/sessions/ia-sante-03.md with `id: ia-sante-02`.",
            "Name the file after the id (the id is what URLs and citations use)."),
        fr=("L’identifiant d’une page diffère du nom de son fichier.",
            "docs/sessions/ia-sante-03.md avec `id: ia-sante-02`.",
            "Nommez le fichier d’après l’identifiant (c’est lui que servent les adresses et les citations)."),
        samples=(("sessions/ia-sante-03.md:5", "id-mismatch", {"id": "ia-sante-02", "stem": "ia-sante-03"}),),
    )
    UNKNOWN_PERSON = Documented(
        "unknown-person",
        en=("A page names a person id that the registry does not have.",
            "`person: daniel-benamousig`",
            "Use the id the message suggests, or add the person to docs/registry/people.yaml."),
        fr=("Une page nomme une personne que le registre n’a pas, ou que plusieurs fiches pourraient désigner.",
            "`person: daniel-benamousig`",
            ("Prenez l’identifiant que propose le message, ou ajoutez la personne au registre (`archive new "
             "person`).")),
        samples=(("sessions/ia-sante-02.md:12", "unknown-person",
             {"person": "daniel-benamousig",
                 "suggestion": "daniel-benamouzig"}),),
    )
    UNKNOWN_ORG = Documented(
        "unknown-org",
        en=("A page or entry names an organisation id the registry does not have.",
            "`organisations: [cnrs-cso]`",
            "Use the id the message suggests, or add it to docs/registry/organisations.yaml."),
        fr=("Une page ou une fiche nomme une organisation que le registre n’a pas.",
            "`organisations: [cnrs-cso]`",
            "Prenez l’identifiant que propose le message, ou ajoutez l’organisation (`archive new org`)."),
        samples=(("sessions/ia-sante-02.md:14", "unknown-org", {"org": "cnrs-cso", "suggestion": "cnrs"}),),
    )
    UNKNOWN_ITEM = Documented(
        "unknown-item",
        en=("A page names a series or event that no page defines.",
            "`series: ia-sant`",
            "Use an existing id; the message suggests the closest."),
        fr=("Une page nomme une série ou un événement qu’aucune page ne définit.",
            "`series: ia-sant`",
            "Prenez un identifiant existant ; le message propose le plus proche."),
        samples=(("sessions/ia-sante-02.md:6", "unknown-series", {"series": "ia-sant", "suggestion": "ia-sante"}),),
    )
    ORG_CYCLE = Documented(
        "org-cycle",
        en=("An organisation is its own parent, directly or through others.",
            "`parent: cnrs` on the entry cnrs.",
            "Remove or correct the `parent:`."),
        fr=("Une organisation est sa propre parente, directement ou par d’autres.",
            "`parent: cnrs` dans la fiche cnrs.",
            "Supprimez ou corrigez le `parent:`."),
        samples=(("registry/organisations.yaml:40", "org-cycle", {"org": "cnrs", "chain": "cnrs → cnrs"}),),
    )
    MISSING_SOURCE = Documented(
        "missing-source",
        en=("The source document a page names is not in docs/sources/.",
            "`source: 000_programme.txt`",
            "Add the file to docs/sources/ or fix the name."),
        fr=("Le document source que nomme une page n’est pas dans docs/sources/.",
            "`source: 000_programme.txt`",
            "Ajoutez le fichier à docs/sources/ ou corrigez son nom."),
        samples=(("sessions/ia-sante-02.md:5", "missing-source", {"source": "000_programme.txt", "suggestion": ""}),),
    )
    UNUSED = Documented(
        "unused",
        en=("A registry entry that no page refers to.",
            "A person in people.yaml who appears nowhere.",
            "Refer to it from a page, or remove it if it was added by mistake."),
        fr=("Une fiche du registre qu’aucune page ne cite.",
            "Une personne de people.yaml qui n’apparaît nulle part.",
            "Citez-la depuis une page, ou retirez-la si elle a été ajoutée par erreur."),
        samples=(("registry/people.yaml:2", "unused-person", {"id": "alain-livartowski"}),),
    )
    REFERENCE = Documented(
        "ref",
        en=("A cross-reference role names an id that does not exist.",
            "{person}`daniel-benamousig`",
            "Use the id the message suggests."),
        fr=("Un rôle de renvoi, dans le texte d’une page, nomme un identifiant qui n’existe pas.",
            "{person}`daniel-benamousig`",
            "Prenez l’identifiant que propose le message."),
    )
    GENERATED = Documented(
        "generated",
        en=("A file is in the way of a page the extension generates.",
            "A hand-written docs/people/daniel-benamouzig.md.",
            "Move the file: that path belongs to generated pages."),
        fr=("Un fichier occupe l’emplacement d’une page que l’extension produit.",
            "Un fichier docs/people/daniel-benamouzig.md écrit à la main.",
            "Déplacez le fichier : cet emplacement appartient aux pages produites."),
        samples=(("people/daniel-benamouzig.md:1", "generated", {"docname": "people/daniel-benamouzig"}),),
    )
    POSSIBLE_DUPLICATE = Documented(
        "possible-duplicate",
        en=(("Two registry entries look like the same person (accents, initials, honorifics, hyphens or particles "
             "aside)."),
            ("`elise-etienne: {given: Elise, family: Etienne}` beside `elise-etienne-2: {given: Élise, family: "
             "Étienne}`."),
            ("Keep one entry, move the other's spelling to its `variants:`, and point the pages at the kept id. If "
             "they really are two people, list the other's id in `distinct:`.")),
        fr=(("Deux fiches du registre semblent désigner la même personne (aux accents, initiales, titres, tirets et "
             "particules près)."),
            "`jp-segade` (J.-P. Segade) à côté de `jean-paul-segade` (Jean-Paul Segade).",
            ("Gardez une seule fiche, mettez l’autre graphie dans ses `variants:` et faites pointer les pages vers "
             "l’identifiant gardé. S’il s’agit vraiment de deux personnes (des homonymes), mettez l’identifiant de "
             "l’autre dans `distinct:`.")),
        samples=(("registry/people.yaml:120", "possible-duplicate",
             {"id": "jp-segade",
                 "name": "J.-P. Segade",
                 "other": "jean-paul-segade",
                 "other_name": "Jean-Paul Segade",
                 "where": "registry/people.yaml:158"}),),
    )
    RAW_HTML = Documented(
        "raw-html",
        en=("HTML written in a page's text; it is shown as text, not used as markup.",
            "`<script>…</script>` or `<img onerror=…>` in a session's presentation.",
            "Write the text in Markdown (MyST); links and emphasis have their own syntax."),
        fr=("Du HTML écrit dans le texte d’une page : il est affiché comme du texte, jamais comme du balisage.",
            "`<script>…</script>` ou `<img onerror=…>` dans la présentation d’une séance.",
            "Écrivez le texte en Markdown (MyST) : liens et mises en valeur ont leur syntaxe."),
        samples=(("sessions/ia-sante-09.md:20", "raw-html", {"html": "<script>alert(1)</script>"}),),
    )
    THEME_SPELLING = Documented(
        "theme-spelling",
        en=("One theme written in several ways (accents, case, spaces or hyphens).",
            "`themes: [Éthique]` on one page, `themes: [éthique]` on the others.",
            "Write the theme as the other pages do: the message gives that spelling."),
        fr=("Un même thème écrit de plusieurs façons (accents, majuscules, espaces ou tirets).",
            "`themes: [Éthique]` sur une page, `themes: [éthique]` sur les autres.",
            "Écrivez le thème comme les autres pages ; le message donne cette graphie."),
        samples=(("sessions/ia-sante-09.md:4", "theme-spelling", {"theme": "Éthique", "usual": "éthique"}),),
    )
    REDIRECT = Documented(
        "redirect",
        en=("A redirect in docs/redirects.yaml that cannot work.",
            "`sessions/ia-sante-2: sessions/ia-sante-20` when no page sessions/ia-sante-20 exists.",
            "Point the old path at an existing page; never redirect from a path that is still a page."),
        fr=("Une redirection de docs/redirects.yaml qui ne peut pas fonctionner.",
            "`sessions/ia-sante-2: sessions/ia-sante-20` alors qu’aucune page sessions/ia-sante-20 n’existe.",
            ("Faites pointer l’ancien chemin vers une page existante ; ne redirigez jamais depuis un chemin qui est "
             "encore une page.")),
        samples=(("redirects.yaml:3", "redirect-nowhere",
             {"old": "sessions/ia-sante-2",
                 "new": "sessions/ia-sante-20",
                 "suggestion": "sessions/ia-sante-02"}),),
    )
    RELEASES = Documented(
        "releases",
        en=("docs/releases.yaml names a release twice or out of order.",
            "Two entries `name: 2026.1`.",
            "Give each release a new name, oldest first."),
        fr=("docs/releases.yaml décrit une version deux fois ou dans le désordre.",
            "Deux entrées `name: 2026.1`.",
            "Donnez à chaque version un nom nouveau, de la plus ancienne à la plus récente."),
        samples=(("releases.yaml:9", "release-twice", {"name": "2026.1"}),),
    )
    OUTSIDE_FILE = Documented(
        "outside-file",
        en=(("A page reads a file outside the docs folder (`../`, an absolute path, a symbolic link that leads out, "
             "an address fetched at build time): it is neither read nor published."),
            "```{literalinclude} /etc/passwd``` or a symlink docs/sources/prog.txt → /home/….",
            "Copy the file into docs/ (sources into docs/sources/) and name it by a relative path."),
        fr=(("Une page lit un fichier hors du dossier docs/ (`../`, un chemin absolu, un lien symbolique qui en "
             "sort, une adresse lue pendant la construction) : il n’est ni lu ni publié."),
            "```{literalinclude} /etc/passwd``` ou un lien symbolique docs/sources/prog.txt → /home/….",
            "Copiez le fichier dans docs/ (les documents sources dans docs/sources/) et donnez son chemin relatif."),
        samples=(("sessions/ia-sante-09.md:18", "outside-file", {"path": "/etc/passwd"}),
                 ("sources/prog.txt", "outside-link", {}),),
    )
    UNSAFE_ADDRESS = Documented(
        "unsafe-address",
        en=(("A link, link target, image, download or meta tag that could run script or send the reader elsewhere "
             "(`javascript:`, `data:`, `http-equiv`, an HTML or SVG file published as it is, …); it is removed from "
             "the page."),
            "`` `x <javascript:alert(1)>`_ `` in `{eval-rst}`, or `.. meta:: :http-equiv=refresh:`.",
            "Link with http:, https:, mailto: or a relative address; pages give no http-equiv."),
        fr=(("Un lien, une cible de lien, une image, un téléchargement ou une balise meta qui pourrait exécuter un "
             "script ou envoyer le lecteur ailleurs (`javascript:`, `data:`, `http-equiv`, un fichier HTML ou SVG "
             "publié tel quel…) ; il est retiré de la page."),
            "`` `x <javascript:alert(1)>`_ `` dans `{eval-rst}`, ou `.. meta:: :http-equiv=refresh:`.",
            "Liez avec une adresse http:, https:, mailto: ou relative ; une page ne donne pas de http-equiv."),
        samples=(("sessions/ia-sante-09.md:21", "unsafe-address", {"address": "javascript:alert(1)"}),
                 ("sessions/ia-sante-09.md:25", "http-equiv", {"value": "refresh"}),
                 ("sources/programme.html", "active-file", {"path": "programme.html"}),),
    )
    REMOTE_IMAGE = Documented(
        "remote-image",
        en=("An image loaded from another site, which would see every reader of the page; it is left out.",
            "```{image} https://tracker.example/pixel.png```",
            "Copy the image into docs/, or allow its site in `archive_image_hosts` (conf.py)."),
        fr=("Une image chargée depuis un autre site, qui verrait chaque lecteur de la page ; elle est retirée.",
            "```{image} https://pisteur.example/pixel.png```",
            "Copiez l’image dans docs/, ou autorisez son site dans `archive_image_hosts` (conf.py)."),
        samples=(("sessions/ia-sante-09.md:30", "remote-image",
             {"address": "https://pisteur.example/pixel.png",
                 "host": "pisteur.example"}),),
    )
    LIMIT = Documented(
        "limit",
        en=("A file or a value goes beyond a documented limit of the archive (docs/limits.md).",
            "YAML aliases that repeat one another (`&a [*b, *b, …]`), 10,000 speakers on one page.",
            "Write the values out; stay within the limit the message gives."),
        fr=("Un fichier ou une valeur dépasse une limite documentée de l’archive (page « Limites »).",
            ("Des alias YAML qui se répètent les uns les autres (`&a [*b, *b, …]`), 10 000 intervenants sur une "
             "page."),
            "Écrivez les valeurs en entier ; restez dans la limite que donne le message."),
        samples=(("sessions/ia-sante-02.md:12", "yaml-alias-budget", {"name": "b", "limit": 10000}),),
    )
    BIBLIOGRAPHY = Documented(
        "bib",
        en=("docs/references.bib has an unclosed entry, a key given twice or @string values that expand too far.",
            "Two entries `@report{ccne-2018, …}`.",
            "Close the entry, give a new key, write the value without chaining @string."),
        fr=("docs/references.bib a une entrée non fermée, une clé donnée deux fois ou des @string trop longues.",
            "Deux entrées `@report{ccne-2018, …}`.",
            "Fermez l’entrée, donnez une clé nouvelle, écrivez la valeur sans enchaîner les @string."),
        samples=(("references.bib:14", "bib-key-twice", {"key": "ccne-2018", "first": 3}),),
    )
    MIXED_SCRIPT = Documented(
        "mixed-script",
        en=(("A registry name mixes scripts (a Cyrillic 'е' in a Latin name) or differs from another only by such "
             "letters."),
            "`given: Еlise` (Cyrillic E) beside `given: Elise`.",
            "Type the name again on a Latin keyboard; keep one entry."),
        fr=(("Un nom du registre mêle des alphabets (un « е » cyrillique dans un nom latin) ou ne diffère d’un autre"
             " que par de telles lettres."),
            "`given: Еlise` (E cyrillique) à côté de `given: Elise`.",
            "Récrivez le nom au clavier latin ; gardez une seule fiche."),
        samples=(("registry/people.yaml:7", "mixed-script",
             {"id": "elise-etienne-2",
                 "name": "Еlise Etienne",
                 "scripts": "CYRILLIC, LATIN",
                 "character": "Е"}),),
    )
    SEARCH_INDEX = Documented(
        "search-index",
        en=(("The site's search index (Pagefind) could not be made: its program is missing or cannot run here, or it"
             " failed."),
            "`pagefind_bin` not installed, or a binary for another system.",
            ("Install the project with its dependencies (`pip install -e .`); the message gives Pagefind's own "
             "error.")),
        fr=(("L’index de recherche du site (Pagefind) n’a pas pu être fait : son programme manque, ne peut pas "
             "s’exécuter ici, ou a échoué."),
            "`pagefind_bin` non installé, ou un programme fait pour un autre système.",
            "Installez le projet avec ses dépendances (`pip install -e .`) ; le message donne l’erreur de Pagefind."),
        samples=(("conf.py", "search-index-no-program", {"error": "No such file or directory"}),),
    )

    def __init__(self, definition: Documented) -> None:
        self.subtype = definition.subtype
        self.meaning, self.example, self.fix = definition.en
        self.meaning_fr, self.example_fr, self.fix_fr = definition.fr
        self.samples = definition.samples
