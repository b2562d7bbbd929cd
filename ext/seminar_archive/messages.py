"""Every message the archive prints, in French (for archivists, the default) and in English.

One catalogue, keyed by a message name; the checks say *which* message and with what values
(:meth:`seminar_archive.diagnostics.Diagnostics.say`), and each front-end renders it in its
language. Two special values: ``suggestion`` (a close id, or "") becomes the "did you mean"
hint ``{hint}``; ``{q}`` arguments are quoted the way each language quotes.

Longer than 350 lines because it is data: every text in both languages, with the French
documentation and a sample of each warning, kept in one file so that a translator or a reviewer
reads them side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

DEFAULT_LANGUAGE = "fr"

# Every key of the catalogue, spelled out for the type checker: mypy rejects a key that is not
# one of these (a test keeps this list and the catalogue in step).
MessageKey = Literal[
    "not-utf8", "yaml-syntax", "yaml-error", "yaml-key-not-text", "yaml-tag", "given-twice",
    "must-hold-fields", "release-twice", "release-order", "redirect-over-page", "redirect-nowhere", "raw-html",
    "theme-spelling", "not-an-archive-page", "required", "required-in", "unknown-field", "unknown-field-known",
    "bad-date", "bad-type", "bad-form", "one-of", "empty", "too-long", "listed-twice", "out-of-range",
    "schema-other", "registry-not-utf8", "id-twice", "field-twice", "registry-not-mapping", "duplicate-id",
    "duplicate-key", "id-mismatch", "missing-source", "duplicate-number", "unknown-person", "ambiguous-person",
    "unknown-org", "unknown-org-in", "unknown-parent", "unknown-series", "unknown-event", "org-cycle",
    "unused-person", "unused-org", "possible-duplicate", "unknown-ref", "unknown-source-doc",
    "unknown-data-file", "generated", "outside-file", "outside-fetch", "outside-link", "unsafe-address",
    "http-equiv", "remote-image", "active-file", "active-svg", "unsafe-config", "yaml-character",
    "yaml-alias-cycle", "yaml-alias-budget", "yaml-too-deep", "yaml-number-too-long", "yaml-float-whole",
    "too-many-people", "date-out-of-range", "registry-not-a-file", "unknown-top-key", "bib-too-large",
    "bib-unclosed", "bib-key-twice", "bib-expansion", "theme-no-letter", "config-type", "bib-not-a-file",
    "mixed-script", "address-missing", "address-placeholder", "address-spaces", "address-syntax",
    "address-scheme", "address-host", "address-credentials", "address-query", "corrections-malformed",
    "placeholder-banner", "publish-broken-link", "publish-missing-anchor", "publish-missing-address",
    "publish-placeholder", "publish-outside-address", "publish-foreign-address", "publish-vanished",
    "publish-summary", "publish-no-corrections", "publish-done", "search-index-no-program",
    "search-index-failed", "bag-valid", "bag-broken", "bag-changed", "bag-missing", "bag-unexpected",
    "bag-invalid", "bag-not-a-bag", "bag-not-given", "config-choice",
]

# key -> (French, English). Values are str.format templates; {hint} is the suggestion.
CATALOGUE: dict[MessageKey, tuple[str, str]] = {
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


def did_you_mean(suggestion: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The hint that ends a message: " ; vouliez-vous dire « x » ?", or "" without a suggestion.
    The one spelling of it, for the build's warnings and the command's refusals alike."""
    return _HINT["fr" if lang == "fr" else "en"].format(suggestion) if suggestion else ""


def render_message(key: MessageKey, args: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> str:
    """The message ``key`` in ``lang`` ("fr" or "en"), filled with ``args``."""
    french, english = CATALOGUE[key]
    template = french if lang == "fr" else english
    language = "fr" if lang == "fr" else "en"
    suggestion = args.get("suggestion")
    hint = did_you_mean(str(suggestion or ""), language)
    values = dict(args)
    if language == "fr" and key == "yaml-syntax":
        values["detail"] = YAML_DETAILS_FR.get(str(values.get("detail")), values.get("detail"))
    if language == "fr" and key == "bad-form":
        values["rule"] = RULES_FR.get(str(values.get("pattern")), values.get("rule"))
    return _one_line(template.format(**values, hint=hint))


# What a terminal, Sphinx's log or an editor would take for the end of a line. A value from a file
# (a field name written with U+2028 in it) must not split a message: each message is one
# "file:line: text" line, which editors and scripts read line by line.
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii")
                for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def _one_line(message: str) -> str:
    return message.translate(_LINE_BREAKS)


# --- Files from outside and live addresses (containment.py, addresses.py, doctreecheck.py) ---------
CATALOGUE.update({
    "outside-file": ("« {path} » est hors du dossier docs/ (ou y mène par un lien symbolique) : une page ne lit "
                     "que les fichiers du site, celui-ci n’est ni lu ni publié ; copiez-le dans docs/ et donnez "
                     "son chemin relatif",
                     "'{path}' is outside the docs folder (or leads there through a symbolic link): a page reads "
                     "only the site's files, this one is neither read nor published; copy it into docs/ and give "
                     "its relative path"),
    "outside-fetch": ("« {name} » ne peut pas lire une adresse pendant la construction ({address}) : copiez le "
                      "fichier dans docs/ et donnez-le avec :file:",
                      "'{name}' cannot read an address during the build ({address}): copy the file into docs/ "
                      "and give it with :file:"),
    "outside-link": ("ce lien symbolique mène hors du dossier docs/ : il n’est ni lu ni publié ; remplacez-le par "
                     "une copie du fichier",
                     "this symbolic link leads outside the docs folder: it is neither read nor published; replace "
                     "it with a copy of the file"),
    "unsafe-address": ("adresse refusée « {address} » : seules les adresses http:, https:, mailto: et relatives "
                       "sont publiées ; le lien est retiré de la page",
                       "address refused '{address}': only http:, https:, mailto: and relative addresses are "
                       "published; the link is removed from the page"),
    "http-equiv": ("une page ne peut pas donner de balise meta http-equiv ({value}) : elle pourrait rediriger ou "
                   "recharger la page chez chaque lecteur ; la balise est retirée",
                   "a page may not give an http-equiv meta tag ({value}): it could redirect or reload the page "
                   "for every reader; the tag is removed"),
    "remote-image": ("l’image « {address} » est chargée depuis un autre site ({host}), qui verrait chaque lecteur "
                     "de la page : elle est retirée ; copiez-la dans docs/, ou autorisez ce site dans "
                     "archive_image_hosts (conf.py)",
                     "the image '{address}' is loaded from another site ({host}), which would see every reader "
                     "of the page: it is left out; copy it into docs/, or allow that site in archive_image_hosts "
                     "(conf.py)"),
    "active-file": ("« {path} » serait publié tel quel et ouvert par le navigateur comme une page du site, où il "
                    "pourrait exécuter un script : il n’est pas publié ; donnez-le en PDF ou en texte",
                    "'{path}' would be published as it is and opened by browsers as a page of the site, where it "
                    "could run script: it is not published; give it as PDF or text"),
    "active-svg": ("l’image SVG « {path} » contient un script, un gestionnaire d’événement ou du balisage embarqué, "
                   "qui s’exécuterait quand on ouvre l’image : elle est retirée ; enregistrez-la sans script ou en "
                   "PNG",
                   "the SVG image '{path}' holds script, an event handler or embedded markup, which would run when "
                   "the image is opened: it is left out; save it without script, or as PNG"),
    "unsafe-config": ("« {name} » doit être {wanted_fr}, pas {value} : la valeur n’est pas utilisée",
                      "'{name}' must be {wanted_en}, not {value}: the value is not used"),
})

# --- Hostile and broken input (issue 23): YAML, limits, references.bib, identity -------------------
CATALOGUE.update({
    "yaml-character": ("caractère interdit en YAML ({character}, un caractère de contrôle) ; supprimez-le",
                       "a character YAML does not allow ({character}, a control character); remove it"),
    "yaml-alias-cycle": ("l’alias « *{name} » se contient lui-même : remplacez-le par la valeur écrite en entier",
                         "the alias '*{name}' contains itself: write the value out instead"),
    "yaml-alias-budget": ("les alias de ce fichier (ici « *{name} ») répètent plus de {limit} valeurs : "
                          "écrivez les valeurs en entier, sans alias",
                          "this file's aliases (here '*{name}') repeat more than {limit} values: "
                          "write the values out, without aliases"),
    "yaml-too-deep": ("listes et ensembles imbriqués sur plus de {limit} niveaux",
                      "lists and mappings nested more than {limit} deep"),
    "yaml-number-too-long": ("un nombre de {digits} chiffres : {limit} chiffres au plus",
                             "a number of {digits} digits: {limit} digits at most"),
    "yaml-float-whole": ("« {value} » est un nombre à virgule : écrivez {whole}",
                         "'{value}' is a decimal number: write {whole}"),
    "too-many-people": ("« {field} » nomme {count} personnes : {limit} au plus par liste",
                        "'{field}' names {count} people: {limit} at most in one list"),
    "date-out-of-range": ("« {field} » : {value!r} n’est pas une date plausible (années {first} à {last})",
                          "'{field}': {value!r} is not a plausible date (years {first} to {last})"),
    "registry-not-a-file": ("« {path} » n’est pas un fichier (un dossier ?) : le registre doit être un fichier YAML",
                            "'{path}' is not a file (a folder?): the registry must be a YAML file"),
    "unknown-top-key": ("clé d’en-tête inconnue « {name} » : les champs de la fiche vont sous « archive: »",
                        "unknown front-matter key '{name}': the item's fields go under 'archive:'"),
    "bib-too-large": ("references.bib fait {size} octets : {limit} au plus", "references.bib is {size} bytes: "
                      "{limit} at most"),
    "bib-unclosed": ("l’entrée « {key} » n’est pas fermée (« {{ » sans « }} ») ; fermez-la avant la suivante",
                     "entry '{key}' is not closed ('{{' without '}}'); close it before the next one"),
    "bib-key-twice": ("la clé « {key} » est déjà donnée à la ligne {first} ; donnez une clé nouvelle à l’une "
                      "des deux entrées", "key '{key}' is already given on line {first}; give one of the two "
                      "entries a new key"),
    "bib-expansion": ("les abréviations @string de « {name} » donnent plus de {limit} caractères : écrivez la "
                      "valeur sans les enchaîner", "the @string abbreviations of '{name}' expand to more than "
                      "{limit} characters: write the value without chaining them"),
    "theme-no-letter": ("le thème « {theme} » n’a ni lettre ni chiffre : écrivez le nom du thème",
                        "theme '{theme}' has no letter or digit: write the theme's name"),
    "config-type": ("« {name} » ne peut pas valoir {value!r} : la valeur par défaut {default!r} est utilisée",
                    "'{name}' cannot be {value!r}: the default {default!r} is used"),
    "bib-not-a-file": ("« {path} » n’est pas un fichier (un dossier ?)", "'{path}' is not a file (a folder?)"),
    "mixed-script": ("« {id} » : le nom « {name} » mêle des alphabets dans un même mot ({scripts}) ; {character} "
                     "n’est pas une lettre latine, même s’il en a l’air : récrivez-le au clavier latin",
                     "'{id}': the name '{name}' mixes scripts in one word ({scripts}); {character} is not a Latin "
                     "letter, though it may look like one: type it again on a Latin keyboard"),
})


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


# Search (Pagefind, sphinx/sitesearch.py).
CATALOGUE.update({
    "search-index-no-program": ("le programme de recherche Pagefind est introuvable ou ne peut pas s’exécuter "
                                "ici ({error}) : la page de recherche ne trouvera rien ; installez le projet avec "
                                "ses dépendances (pip install -e .)",
                                "the Pagefind search program is missing or cannot run here ({error}): the search "
                                "page will find nothing; install the project with its dependencies "
                                "(pip install -e .)"),
    "search-index-failed": ("Pagefind n’a pas pu indexer le site (code {code}) : {error} ; la page de recherche "
                            "ne trouvera rien",
                            "Pagefind could not index the site (exit code {code}): {error}; the search page "
                            "will find nothing"),
})


# BagIt preservation packages (seminar_archive.bags, `archive bag-check`).
CATALOGUE.update({
    "bag-valid": ("paquet intègre : {path} ({files} fichiers vérifiés en SHA-256, version {release}, "
                  "organisation source : {organization}, date : {date})",
                  "bag intact: {path} ({files} files checked with SHA-256, version {release}, "
                  "source organisation: {organization}, date: {date})"),
    "bag-broken": ("paquet NON intègre : {path} ({count} problème(s)) ; ne le conservez pas tel quel, "
                   "reprenez une copie saine ou refaites-le avec « archive versions »",
                   "bag NOT intact: {path} ({count} problem(s)); do not keep it as it is, take a sound copy "
                   "or make it again with 'archive versions'"),
    "bag-changed": ("{file} : le contenu a changé depuis la mise en paquet (son empreinte SHA-256 n’est plus "
                    "celle du manifeste)",
                    "{file}: the content changed since the bag was made (its SHA-256 digest no longer "
                    "matches the manifest)"),
    "bag-missing": ("{file} : le fichier est listé dans le manifeste mais manque dans le paquet",
                    "{file}: the file is listed in the manifest but missing from the bag"),
    "bag-unexpected": ("{file} : ce fichier n’était pas dans le paquet (absent du manifeste)",
                       "{file}: this file was not in the bag (not in the manifest)"),
    "bag-invalid": ("le paquet n’est pas conforme : {detail}", "the bag is not valid: {detail}"),
    "bag-not-a-bag": ("{path} n’est pas un paquet BagIt lisible : {detail}",
                      "{path} is not a readable BagIt bag: {detail}"),
    "bag-not-given": ("non donnée", "not given"),
})


# Settings (settings.py, sphinx/configcheck.py): a value that is not among those allowed.
CATALOGUE.update({
    "config-choice": ("« {name} » ne peut pas valoir {value!r} (valeurs permises : {allowed}) : la valeur par "
                      "défaut {default!r} est utilisée",
                      "'{name}' cannot be {value!r} (allowed: {allowed}): the default {default!r} is used"),
})


# The archive command's own texts (seminar_archive.cli): results, refusals and hints, in French and
# English. Not build warnings: no subtype, no documentation page of their own.
# Its keys, spelled out for the type checker as MessageKey is (a test keeps the two in step).
CommandKey = Literal[
    "no-docs", "not-a-folder", "no-such-path", "outside", "clean", "found-one", "found", "exists",
    "id-exists", "bad-id", "bad-date", "unknown-event", "unknown-series", "unknown-person", "unknown-org",
    "bad-appearance", "number-taken", "looks-like", "no-source", "wrote", "appended", "next", "source-note",
    "unused-note", "schemas-written", "versions-built", "unreadable",
]
COMMAND_TEXTS: dict[CommandKey, tuple[str, str]] = {
    "no-docs": ("aucun dossier docs/ avec un conf.py ici ni au-dessus : lancez la commande depuis le dépôt "
                "ou donnez --docs", "no docs/ folder with a conf.py here or above: run from the repository "
                "or pass --docs"),
    "not-a-folder": ("{path} n’est pas un dossier", "{path} is not a folder"),
    "no-such-path": ("{path} n’existe pas", "{path} does not exist"),
    "outside": ("{path} n’est pas dans l’archive ({docs})", "{path} is not in the archive ({docs})"),
    "clean": ("aucun problème ({count} pages vérifiées)", "no problems ({count} pages checked)"),
    "found-one": ("1 problème trouvé", "1 problem found"),
    "found": ("{count} problèmes trouvés", "{count} problems found"),
    "exists": ("{path} existe déjà : rien n’a été écrit (un outil n’écrase jamais un fichier)",
               "{path} already exists: nothing was written (the tool never overwrites a file)"),
    "id-exists": ("l’identifiant « {id} » existe déjà dans {path} (ligne {line}) : rien n’a été écrit",
                  "id '{id}' already exists in {path} (line {line}): nothing was written"),
    "bad-id": ("« {id} » n’est pas un identifiant valable (minuscules sans accents, chiffres et tirets)",
               "'{id}' is not a valid id (lower-case ASCII letters, digits and hyphens)"),
    "bad-date": ("« {date} » n’est pas une date AAAA-MM-JJ réelle", "'{date}' is not a real YYYY-MM-DD date"),
    "unknown-event": ("événement inconnu « {id} » ; événements : {known}", "unknown event '{id}'; events: {known}"),
    "unknown-series": ("série inconnue « {id} » ; séries : {known}", "unknown series '{id}'; series: {known}"),
    "unknown-person": ("personne inconnue « {id} »{hint} ; ajoutez-la d’abord avec « archive new person »",
                       "unknown person '{id}'{hint}; add them first with 'archive new person'"),
    "unknown-org": ("organisation inconnue « {id} »{hint} ; ajoutez-la d’abord avec « archive new org »",
                    "unknown organisation '{id}'{hint}; add it first with 'archive new org'"),
    "bad-appearance": ("« {value} » : écrivez id-personne ou id-personne=affiliation",
                       "'{value}': write person-id or person-id=affiliation"),
    "number-taken": ("la série « {series} » a déjà une séance numéro {number} ({path})",
                     "series '{series}' already has a session number {number} ({path})"),
    "looks-like": ("« {name} » ressemble à « {other} » ({other_name}, {path}:{line}) : si c’est la même "
                   "personne, ajoutez la graphie à ses variants ; sinon (un homonyme) relancez avec --distinct",
                   "'{name}' looks like '{other}' ({other_name}, {path}:{line}): if it is the same person, "
                   "add the spelling to its variants; otherwise (a namesake) run again with --distinct"),
    "no-source": ("le document source « {source} » n’est pas dans {folder}/{hint} ; ajoutez-le d’abord",
                  "source document '{source}' is not in {folder}/{hint}; add it first"),
    "wrote": ("écrit : {path}", "wrote: {path}"),
    "appended": ("ajouté à {path} (ligne {line}) : {id}", "added to {path} (line {line}): {id}"),
    "next": ("vérifiez avec : archive check {path}", "check it with: archive check {path}"),
    "source-note": ("source : {source} (celle de la série ; changez-la si la séance vient d’un autre document)",
                    "source: {source} (the series'; change it if the session comes from another document)"),
    "unused-note": ("tant qu’aucune page ne la cite, « archive check » la signale comme inutilisée",
                    "until a page refers to it, 'archive check' reports it as unused"),
    "schemas-written": ("schémas pour les éditeurs à jour dans {path}", "editor schemas up to date in {path}"),
    "versions-built": ("{count} versions construites dans {path} (la plus récente : {latest})",
                       "{count} versions built in {path} (latest: {latest})"),
    "unreadable": ("{path} ne peut pas être lu : {reason}", "{path} cannot be read: {reason}"),
}
