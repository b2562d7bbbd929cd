"""Every message the archive prints, in French (for archivists, the default) and in English.

One catalogue, keyed by a message name; the checks say *which* message and with what values
(:meth:`seminar_archive.diagnostics.Diagnostics.say`), and each front-end renders it in its
language. Two special values: ``suggestion`` (a close id, or "") becomes the "did you mean"
hint ``{hint}``; ``{q}`` arguments are quoted the way each language quotes.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "fr"

# key -> (French, English). Values are str.format templates; {hint} is the suggestion.
CATALOGUE: dict[str, tuple[str, str]] = {
    # Files and YAML
    "not-utf8": ("le fichier n’est pas du texte UTF-8 (octet 0x{byte}) ; enregistrez-le en UTF-8",
                 "the file is not UTF-8 text (byte 0x{byte}); save it as UTF-8"),
    "yaml-syntax": ("erreur de syntaxe YAML : {detail}", "YAML syntax error: {detail}"),
    "yaml-error": ("YAML illisible : {detail}", "YAML error: {detail}"),
    "yaml-key-not-text": ("une clé doit être du texte simple", "a mapping key must be plain text"),
    "yaml-tag": ("étiquette YAML non acceptée : {tag}", "unsupported YAML tag {tag}"),
    "given-twice": ("« {name} » est donné deux fois (la première à la ligne {first}) ; le second est ignoré",
                    "'{name}' is given twice (first on line {first}); the second is ignored"),
    "must-hold-fields": ("« {key}: » doit contenir les champs de la page", "'{key}:' must hold the page's fields"),
    # Site files (releases.yaml, redirects.yaml)
    "release-twice": ("la version « {name} » est déjà décrite plus haut", "release '{name}' is listed twice"),
    "release-order": ("la version « {name} » est plus ancienne que « {previous} », écrite avant elle ; "
                      "rangez les versions de la plus ancienne à la plus récente",
                      "release '{name}' is older than '{previous}' above it; list releases oldest first"),
    "redirect-over-page": ("« {old} » est encore une page : une redirection l’écraserait ; retirez cette ligne",
                           "'{old}' is still a page: a redirect would overwrite it; remove this line"),
    "redirect-nowhere": ("la redirection de « {old} » mène à « {new} », qui n’est pas une page{hint}",
                         "the redirect from '{old}' leads to '{new}', which is not a page{hint}"),
    "raw-html": ("du HTML dans le texte de la page ({html}) : il est affiché comme du texte ; écrivez en Markdown",
                 "HTML in the page's text ({html}): it is shown as text; write Markdown instead"),
    "theme-spelling": ("le thème « {theme} » s’écrit « {usual} » sur les autres pages ; écrivez-le ainsi",
                       "the theme '{theme}' is written '{usual}' on the other pages; write it that way"),
    "not-an-archive-page": ("cette page de {folder}/ n’a pas l’en-tête « archive: » de l’archive (page vide ?) ; "
                            "commencez-la par l’en-tête d’une fiche (voir « archive new »)",
                            "this page in {folder}/ has no 'archive:' front matter (an empty page?); start it with "
                            "an item's front matter (see 'archive new')"),
    # Schema
    "required": ("le champ obligatoire « {field} » manque", "required field '{field}' is missing"),
    "required-in": ("le champ obligatoire « {field} » manque dans {where}",
                    "required field '{field}' is missing in {where}"),
    "unknown-field": ("champ inconnu « {name} »{hint}", "unknown field '{name}'{hint}"),
    "unknown-field-known": ("champ inconnu « {name} » ; champs possibles : {known}",
                            "unknown field '{name}'; known fields: {known}"),
    "bad-date": ("« {field} » n’est pas une date réelle écrite AAAA-MM-JJ : {value!r}",
                 "'{field}' is not a real date written YYYY-MM-DD: {value!r}"),
    "bad-type": ("« {field} » doit être {wanted_fr}, pas {value!r}", "'{field}' must be {wanted_en}, not {value!r}"),
    "bad-form": ("« {field} » n’a pas la bonne forme : {value!r}. {rule}",
                 "'{field}' has the wrong form: {value!r}. {rule}"),
    "one-of": ("« {field} » doit être l’une des valeurs {options}, pas {value!r}",
               "'{field}' must be one of {options}, not {value!r}"),
    "empty": ("« {field} » ne doit pas être vide", "'{field}' must not be empty"),
    "too-long": ("« {field} » est trop long ({limit} au plus)", "'{field}' is too long ({limit} at most)"),
    "listed-twice": ("« {field} » contient deux fois la même valeur", "'{field}' lists the same value twice"),
    "out-of-range": ("« {field} » est hors limites : {value!r}", "'{field}' is out of range: {value!r}"),
    "schema-other": ("« {field} » : {detail}", "'{field}': {detail}"),
    # Registry files
    "registry-not-utf8": ("le fichier n’est pas du texte UTF-8 ({reason} à l’octet {start})",
                          "the file is not UTF-8 text ({reason} at byte {start})"),
    "id-twice": ("l’identifiant « {name} » est donné deux fois (la première à la ligne {first})",
                 "id '{name}' is given twice (first on line {first})"),
    "field-twice": ("le champ « {name} » est donné deux fois (la première à la ligne {first})",
                    "field '{name}' is given twice (first on line {first})"),
    "registry-not-mapping": ("le fichier doit associer à chaque identifiant sa fiche",
                             "the file must be a mapping from id to entry"),
    # Whole-archive checks
    "duplicate-id": ("l’identifiant « {id} » est déjà pris par {where} ; les identifiants sont permanents, "
                     "donnez-en un nouveau à cette page",
                     "id '{id}' is already used by {where}; ids are permanent, give this page a new one"),
    "duplicate-key": ("la clé de citation « {key} » est déjà prise par {where} ; les clés sont permanentes, "
                      "donnez-en une nouvelle à cette page",
                      "citation key '{key}' is already used by {where}; keys are permanent, "
                      "give this page a new one"),
    "id-mismatch": ("l’identifiant de la page est « {id} » mais son fichier s’appelle « {stem} » ; "
                    "renommez le fichier en « {id}.md »",
                    "the page's id is '{id}' but its file is named '{stem}'; rename the file to '{id}.md'"),
    "missing-source": ("le document source « {source} » n’est pas dans docs/sources/{hint}",
                       "source document '{source}' is not in docs/sources/{hint}"),
    "duplicate-number": ("la série « {series} » a déjà une séance numéro {number} ({where})",
                         "series '{series}' already has a session number {number} ({where})"),
    "unknown-person": ("personne inconnue « {person} »{hint}", "unknown person '{person}'{hint}"),
    "ambiguous-person": ("personne inconnue « {person} » : plusieurs fiches lui ressemblent ({candidates}) ; "
                         "choisissez la bonne",
                         "unknown person '{person}': several entries look like it ({candidates}); "
                         "pick the right one"),
    "unknown-org": ("organisation inconnue « {org} »{hint}", "unknown organisation '{org}'{hint}"),
    "unknown-org-in": ("organisation inconnue « {org} » dans {field}{hint}",
                       "unknown organisation '{org}' in {field}{hint}"),
    "unknown-parent": ("organisation parente inconnue « {org} »{hint}", "unknown parent organisation '{org}'{hint}"),
    "unknown-series": ("série inconnue « {series} »{hint}", "unknown series '{series}'{hint}"),
    "unknown-event": ("événement inconnu « {event} »{hint}", "unknown event '{event}'{hint}"),
    "org-cycle": ("l’organisation « {org} » est sa propre parente ({chain})",
                  "organisation '{org}' is its own parent ({chain})"),
    "unused-person": ("la personne « {id} » est dans le registre mais aucune page ne la cite",
                      "person '{id}' is in the registry but no page refers to them"),
    "unused-org": ("l’organisation « {id} » est dans le registre mais rien ne la cite",
                   "organisation '{id}' is in the registry but nothing refers to it"),
    "possible-duplicate": ("« {id} » ({name}) semble être la même personne que « {other} » ({other_name}, "
                           "{where}) ; gardez une seule fiche et mettez l’autre graphie dans « variants: »",
                           "'{id}' ({name}) looks like the same person as '{other}' ({other_name}, {where}); "
                           "keep one entry and put the other spelling in its 'variants:'"),
    "unknown-ref": ("identifiant inconnu « {target} » pour le rôle {kind} ({label}){hint}",
                    "unknown {label} '{target}' ({kind} role){hint}"),
    "unknown-source-doc": ("document source inconnu « {name} » : ce doit être un fichier de {folder}/",
                           "unknown source document '{name}': it must be a file in {folder}/"),
    "unknown-data-file": ("fichier de données inconnu « {name} » : la construction écrit {files}",
                          "unknown data file '{name}': the build writes {files}"),
    "generated": ("« {docname}.md » est l’emplacement d’une page générée ; ce fichier n’a pas été généré, "
                  "il est laissé intact : déplacez-le",
                  "'{docname}.md' is where the archive generates a page; this file was not generated "
                  "and is left untouched, move it elsewhere"),
}

# What PyYAML says most often, in plain French (anything else is shown as PyYAML words it).
YAML_DETAILS_FR = {
    "did not find expected ',' or ']'": "une liste entre [ ] n’est pas fermée (« ] » ou « , » attendu)",
    "did not find expected ',' or '}'": "un ensemble entre { } n’est pas fermé (« } » ou « , » attendu)",
    "mapping values are not allowed here": "un « : » inattendu ; mettez la valeur entre guillemets",
    "found character '\\t' that cannot start any token": "une tabulation : indentez avec des espaces",
    "could not find expected ':'": "« : » attendu après le nom du champ",
    "did not find expected key": "un champ attendu ici : vérifiez l’indentation",
    "did not find expected '-' indicator": "« - » attendu : vérifiez l’indentation de la liste",
    "found unexpected end of stream": "le texte s’arrête trop tôt (guillemet non fermé ?)",
    "found undefined alias": "un alias « * » sans ancre « & »",
    "expected <block end>, but found '<block sequence start>'": "une liste mal indentée",
}

# French wording of the schema's rules, by pattern (the schema's descriptions are in English).
RULES_FR = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "Un identifiant : lettres minuscules sans accents, chiffres et tirets simples ; "
                                "il ne change plus une fois publié.",
    "^[A-Za-z][A-Za-z0-9:_-]*$": "Une clé de citation : lettres ASCII, chiffres, « - », « _ » et « : », "
                                 "commençant par une lettre.",
    "^[A-Za-z0-9_.-]+\\.txt$": "Le nom d’un fichier .txt de docs/sources/.",
    "^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$": "Un ORCID : 0000-0000-0000-0000.",
    "^[0-9]{8}[0-9X]$": "Un numéro IdRef de neuf caractères.",
    "^Q[1-9][0-9]*$": "Un élément Wikidata : Q suivi de chiffres.",
    "^0[a-z0-9]{6}[0-9]{2}$": "Un identifiant ROR de neuf caractères, commençant par 0.",
}

_HINT = {"fr": " ; vouliez-vous dire « {} » ?", "en": "; did you mean '{}'?"}


def render_message(key: str, args: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> str:
    """The message ``key`` in ``lang`` ("fr" or "en"), filled with ``args``."""
    french, english = CATALOGUE[key]
    template = french if lang == "fr" else english
    language = "fr" if lang == "fr" else "en"
    suggestion = args.get("suggestion")
    hint = _HINT[language].format(suggestion) if suggestion else ""
    values = dict(args)
    if language == "fr" and key == "yaml-syntax":
        values["detail"] = YAML_DETAILS_FR.get(str(values.get("detail")), values.get("detail"))
    if language == "fr" and key == "bad-form":
        values["rule"] = RULES_FR.get(str(values.get("pattern")), values.get("rule"))
    return template.format(**values, hint=hint)


# The documentation of each warning subtype in French: (what it means, an example, the fix). The English
# is on the Problem itself (seminar_archive.diagnostics); the site's warnings page shows both.
PROBLEM_DOCS_FR: dict[str, tuple[str, str, str]] = {
    "yaml": (
        "L’en-tête d’une page ou un fichier du registre n’est pas du YAML valable (ou pas du texte UTF-8).",
        "`title: [IA et santé` (crochet non fermé)",
        "Fermez le crochet ou les guillemets, indentez avec des espaces ; enregistrez le fichier en UTF-8."),
    "missing-field": (
        "Un champ obligatoire manque.",
        "Une séance sans `date:`.",
        "Ajoutez le champ : le message le nomme."),
    "unknown-field": (
        "Un champ que le schéma ne connaît pas (souvent une faute de frappe).",
        "`tittle: ...`",
        "Corrigez le nom : le message propose le champ le plus proche."),
    "bad-value": (
        "Une valeur du mauvais type ou de la mauvaise forme.",
        "`number: deux` ou `id: Séance 2`",
        "Écrivez la valeur sous la forme que donne le message."),
    "bad-date": (
        "Une date qui n’existe pas ou qui n’est pas écrite AAAA-MM-JJ.",
        "`date: 2021-02-30`",
        "Écrivez une vraie date, sous la forme AAAA-MM-JJ, entre guillemets."),
    "duplicate-id": (
        "Deux pages ou deux fiches du registre ont le même identifiant (par exemple une page copiée sous un "
        "autre nom).",
        "Deux pages de séance avec `id: ia-sante-02`.",
        "Les identifiants sont permanents : donnez un nouvel identifiant à la nouvelle page, gardez celui "
        "qui est publié."),
    "duplicate-number": (
        "Deux séances d’une même série ont le même numéro.",
        "Deux pages de la série ia-sante avec `number: 2`.",
        "Renumérotez la nouvelle séance."),
    "duplicate-key": (
        "Deux pages ont la même clé de citation.",
        "Deux pages avec `citekey: iasante-2021-s02`.",
        "Les clés sont permanentes : donnez une nouvelle clé à la nouvelle page."),
    "id-mismatch": (
        "L’identifiant d’une page diffère du nom de son fichier.",
        "docs/sessions/ia-sante-03.md avec `id: ia-sante-02`.",
        "Nommez le fichier d’après l’identifiant (c’est lui que servent les adresses et les citations)."),
    "unknown-person": (
        "Une page nomme une personne que le registre n’a pas, ou que plusieurs fiches pourraient désigner.",
        "`person: daniel-benamousig`",
        "Prenez l’identifiant que propose le message, ou ajoutez la personne au registre "
        "(`archive new person`)."),
    "unknown-org": (
        "Une page ou une fiche nomme une organisation que le registre n’a pas.",
        "`organisations: [cnrs-cso]`",
        "Prenez l’identifiant que propose le message, ou ajoutez l’organisation (`archive new org`)."),
    "unknown-item": (
        "Une page nomme une série ou un événement qu’aucune page ne définit.",
        "`series: ia-sant`",
        "Prenez un identifiant existant ; le message propose le plus proche."),
    "org-cycle": (
        "Une organisation est sa propre parente, directement ou par d’autres.",
        "`parent: cnrs` dans la fiche cnrs.",
        "Supprimez ou corrigez le `parent:`."),
    "missing-source": (
        "Le document source que nomme une page n’est pas dans docs/sources/.",
        "`source: 000_programme.txt`",
        "Ajoutez le fichier à docs/sources/ ou corrigez son nom."),
    "unused": (
        "Une fiche du registre qu’aucune page ne cite.",
        "Une personne de people.yaml qui n’apparaît nulle part.",
        "Citez-la depuis une page, ou retirez-la si elle a été ajoutée par erreur."),
    "ref": (
        "Un rôle de renvoi, dans le texte d’une page, nomme un identifiant qui n’existe pas.",
        "{person}`daniel-benamousig`",
        "Prenez l’identifiant que propose le message."),
    "generated": (
        "Un fichier occupe l’emplacement d’une page que l’extension produit.",
        "Un fichier docs/people/daniel-benamouzig.md écrit à la main.",
        "Déplacez le fichier : cet emplacement appartient aux pages produites."),
    "raw-html": (
        "Du HTML écrit dans le texte d’une page : il est affiché comme du texte, jamais comme du balisage.",
        "`<script>…</script>` ou `<img onerror=…>` dans la présentation d’une séance.",
        "Écrivez le texte en Markdown (MyST) : liens et mises en valeur ont leur syntaxe."),
    "theme-spelling": (
        "Un même thème écrit de plusieurs façons (accents, majuscules, espaces ou tirets).",
        "`themes: [Éthique]` sur une page, `themes: [éthique]` sur les autres.",
        "Écrivez le thème comme les autres pages ; le message donne cette graphie."),
    "redirect": (
        "Une redirection de docs/redirects.yaml qui ne peut pas fonctionner.",
        "`sessions/ia-sante-2: sessions/ia-sante-20` alors qu’aucune page sessions/ia-sante-20 n’existe.",
        "Faites pointer l’ancien chemin vers une page existante ; ne redirigez jamais depuis un chemin qui est "
        "encore une page."),
    "releases": (
        "docs/releases.yaml décrit une version deux fois ou dans le désordre.",
        "Deux entrées `name: 2026.1`.",
        "Donnez à chaque version un nom nouveau, de la plus ancienne à la plus récente."),
    "possible-duplicate": (
        "Deux fiches du registre semblent désigner la même personne (aux accents, initiales, titres, tirets "
        "et particules près).",
        "`jp-segade` (J.-P. Segade) à côté de `jean-paul-segade` (Jean-Paul Segade).",
        "Gardez une seule fiche, mettez l’autre graphie dans ses `variants:` et faites pointer les pages vers "
        "l’identifiant gardé. S’il s’agit vraiment de deux personnes (des homonymes), mettez l’identifiant de "
        "l’autre dans `distinct:`."),
}

# A message of each kind as archivists read it: (file, message key, values).
SAMPLE_MESSAGES: dict[str, list[tuple[str, str, dict[str, object]]]] = {
    "yaml": [("sessions/ia-sante-02.md:9", "yaml-syntax", {"detail": "did not find expected ',' or ']'"})],
    "missing-field": [("sessions/ia-sante-02.md:2", "required", {"field": "date"})],
    "unknown-field": [("sessions/ia-sante-02.md:9", "unknown-field", {"name": "tittle", "suggestion": "title"})],
    "bad-value": [("sessions/ia-sante-02.md:6", "bad-type", {"field": "number", "wanted_fr": "un nombre entier",
                                                             "wanted_en": "a whole number", "value": "deux"})],
    "bad-date": [("sessions/ia-sante-02.md:7", "bad-date", {"field": "date", "value": "2021-02-30"})],
    "duplicate-id": [("sessions/ia-sante-02-copie.md:5", "duplicate-id",
                      {"id": "ia-sante-02", "where": "sessions/ia-sante-02.md:5"})],
    "duplicate-number": [("sessions/ia-sante-09.md:5", "duplicate-number",
                          {"series": "ia-sante", "number": 2, "where": "sessions/ia-sante-02.md:5"})],
    "duplicate-key": [("sessions/ia-sante-09.md:5", "duplicate-key",
                       {"key": "iasante-2021-s02", "where": "sessions/ia-sante-02.md:5"})],
    "id-mismatch": [("sessions/ia-sante-03.md:5", "id-mismatch", {"id": "ia-sante-02", "stem": "ia-sante-03"})],
    "unknown-person": [("sessions/ia-sante-02.md:12", "unknown-person",
                        {"person": "daniel-benamousig", "suggestion": "daniel-benamouzig"})],
    "unknown-org": [("sessions/ia-sante-02.md:14", "unknown-org", {"org": "cnrs-cso", "suggestion": "cnrs"})],
    "unknown-item": [("sessions/ia-sante-02.md:6", "unknown-series", {"series": "ia-sant", "suggestion": "ia-sante"})],
    "org-cycle": [("registry/organisations.yaml:40", "org-cycle", {"org": "cnrs", "chain": "cnrs → cnrs"})],
    "missing-source": [("sessions/ia-sante-02.md:5", "missing-source",
                        {"source": "000_programme.txt", "suggestion": ""})],
    "unused": [("registry/people.yaml:2", "unused-person", {"id": "alain-livartowski"})],
    "generated": [("people/daniel-benamouzig.md:1", "generated", {"docname": "people/daniel-benamouzig"})],
    "raw-html": [("sessions/ia-sante-09.md:20", "raw-html", {"html": "<script>alert(1)</script>"})],
    "theme-spelling": [("sessions/ia-sante-09.md:4", "theme-spelling", {"theme": "Éthique", "usual": "éthique"})],
    "redirect": [("redirects.yaml:3", "redirect-nowhere", {"old": "sessions/ia-sante-2", "new": "sessions/ia-sante-20",
                                                             "suggestion": "sessions/ia-sante-02"})],
    "releases": [("releases.yaml:9", "release-twice", {"name": "2026.1"})],
    "possible-duplicate": [("registry/people.yaml:120", "possible-duplicate",
                            {"id": "jp-segade", "name": "J.-P. Segade", "other": "jean-paul-segade",
                             "other_name": "Jean-Paul Segade", "where": "registry/people.yaml:158"})],
}


# Publishing: the site's address (seminar_archive.address) and the publish check (seminar_archive.publish).
_WHERE_FR = ("donnez-la avec « nox -s publish -- --base-url https://… », ou dans la variable d’environnement "
             "ARCHIVE_BASE_URL, ou dans html_baseurl de docs/conf.py")
_WHERE_EN = ("give it with 'nox -s publish -- --base-url https://…', or in the ARCHIVE_BASE_URL environment "
             "variable, or as html_baseurl in docs/conf.py")
CATALOGUE.update({
    "address-missing": (f"aucune adresse de publication : {_WHERE_FR}", f"no address to publish at: {_WHERE_EN}"),
    "address-placeholder": (f"« {{url}} » est une adresse provisoire, qui ne mène nulle part : une version publiée "
                            f"ne peut pas la citer ; {_WHERE_FR}",
                            f"'{{url}}' is a placeholder address that leads nowhere: a published version cannot "
                            f"cite it; {_WHERE_EN}"),
    "address-spaces": (f"« {{url}} » contient des espaces ou des guillemets ; {_WHERE_FR}",
                       f"'{{url}}' contains spaces or quotes; {_WHERE_EN}"),
    "address-syntax": (f"« {{url}} » n’est pas une adresse lisible (port ?) ; {_WHERE_FR}",
                       f"'{{url}}' is not a readable address (its port?); {_WHERE_EN}"),
    "address-scheme": (f"« {{url}} » doit commencer par https:// (ou http://) ; {_WHERE_FR}",
                       f"'{{url}}' must start with https:// (or http://); {_WHERE_EN}"),
    "address-host": (f"« {{url}} » ne nomme pas de serveur (https://serveur/chemin/) ; {_WHERE_FR}",
                     f"'{{url}}' names no host (https://host/path/); {_WHERE_EN}"),
    "address-credentials": (f"« {{url}} » contient un nom d’utilisateur ou un mot de passe ; {_WHERE_FR}",
                            f"'{{url}}' contains a user name or a password; {_WHERE_EN}"),
    "address-query": (f"« {{url}} » a une partie après « ? » ou « # », qu’un site n’a pas ; {_WHERE_FR}",
                      f"'{{url}}' has a part after '?' or '#': give only the site's folder; {_WHERE_EN}"),
    "corrections-malformed": ("« {target} » n’est ni une adresse électronique ni l’adresse d’un formulaire "
                              "https:// : corrigez archive_corrections_to dans docs/conf.py ou la variable "
                              "ARCHIVE_CORRECTIONS_TO (vide : pas de lien)",
                              "'{target}' is neither a mail address nor an https:// form: fix "
                              "archive_corrections_to in docs/conf.py or ARCHIVE_CORRECTIONS_TO (empty: no link)"),
    "placeholder-banner": ("Version de travail, adresse provisoire : les adresses de cette construction "
                           "(citations, lien canonique, flux, calendrier) ne mènent nulle part. Ne la citez pas.",
                           "Working copy, provisional address: the addresses of this build (citations, canonical "
                           "link, feeds, calendar) lead nowhere. Do not cite it."),
})
CATALOGUE.update({
    "publish-broken-link": ("{file} : le lien « {link} » ne mène à aucun fichier du site publié",
                            "{file}: the link '{link}' leads to no file of the published site"),
    "publish-missing-anchor": ("{file} : le lien « {link} » mène à une page qui n’a pas cette ancre (#…)",
                               "{file}: the link '{link}' leads to a page without that anchor (#…)"),
    "publish-missing-address": ("{file} : l’adresse « {link} » ne correspond à aucun fichier du site publié",
                                "{file}: the address '{link}' matches no file of the published site"),
    "publish-placeholder": ("{file} : « {link} » est une adresse provisoire (.invalid) : rien de publié ne doit "
                            "y mener",
                            "{file}: '{link}' is a placeholder address (.invalid): nothing published may point there"),
    "publish-outside-address": ("{file} : « {link} » est sur le serveur du site mais hors de son adresse "
                                "configurée",
                                "{file}: '{link}' is on the site's host but outside its configured address"),
    "publish-foreign-address": ("{file} : « {link} » devrait être sous l’adresse configurée du site",
                                "{file}: '{link}' should be under the site's configured address"),
    "publish-vanished": ("l’adresse « {link} », publiée la fois précédente, n’est plus servie : ajoutez la page "
                         "déplacée à docs/redirects.yaml (ancien chemin: nouveau chemin)",
                         "the address '{link}', published last time, is no longer served: add the moved page "
                         "to docs/redirects.yaml (old path: new path)"),
    "publish-summary": ("vérifié : {pages} pages, {links} liens internes, {addresses} adresses absolues dans "
                        "{files} fichiers ; {broken} problème(s)",
                        "checked: {pages} pages, {links} internal links, {addresses} absolute addresses in "
                        "{files} files; {broken} problem(s)"),
    "publish-no-corrections": ("aucune adresse pour signaler une erreur (archive_corrections_to est provisoire "
                               "ou vide) : les pages publiées n’auront pas ce lien ; donnez --corrections-to ou "
                               "ARCHIVE_CORRECTIONS_TO",
                               "no address to report mistakes to (archive_corrections_to is a placeholder or "
                               "empty): the published pages have no such link; give --corrections-to or "
                               "ARCHIVE_CORRECTIONS_TO"),
    "publish-done": ("site publié dans {path}, à servir à l’adresse {url}", "site published in {path}, to be "
                     "served at {url}"),
})
