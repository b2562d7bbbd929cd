"""The command line: one parser for every subcommand, and ``main``, which runs one and turns
its refusals into exit codes."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from .bagcheck import run_bag_check
from .check import run_check
from .common import (
    PROBLEMS,
    USAGE_ERROR,
    Refused,
    UsageError,
    _docs_for,
    context,
    err,
)
from .new import new_org, new_person, new_press, new_session
from .site import run_publish, run_schemas, run_versions


def _shared_options(default_lang: str | None) -> argparse.ArgumentParser:
    """--lang and --docs, accepted before or after the subcommand (where people type them). After
    it, they default to nothing, so that they do not undo a value given before it."""
    shared = argparse.ArgumentParser(add_help=False)
    suppress = default_lang is None
    shared.add_argument("--lang", choices=["fr", "en"], default=argparse.SUPPRESS if suppress else default_lang,
                        help="langue des messages : fr (par défaut, ou ARCHIVE_LANG) ou en / language of messages")
    shared.add_argument("--docs", default=argparse.SUPPRESS if suppress else None,
                        help="dossier source du site (docs/, trouvé tout seul depuis le dépôt) / the site's folder")
    return shared


NEW_SESSION_EXAMPLE = """exemple :
  archive new session --series ia-sante --date 2023-01-10 \\
      --title "IA et santé mentale" \\
      --moderator daniel-benamouzig="titulaire de la Chaire santé" \\
      --speaker alain-livartowski="Médecin, Direction des données, Institut Curie" \\
      --theme "santé mentale"

La commande écrit docs/sessions/<id>.md (elle n’écrase jamais un fichier) ; complétez ensuite la page
et vérifiez-la avec « archive check docs/sessions/<id>.md »."""


def parser() -> argparse.ArgumentParser:
    after = _shared_options(None)
    top = argparse.ArgumentParser(
        prog="archive", parents=[_shared_options(os.environ.get("ARCHIVE_LANG", "fr"))],
        description="Vérifier l’archive et y ajouter des pages. / Check the archive and add pages to it.")
    commands = top.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check", parents=[after], help="vérifier pages et registre / check pages and registry",
        description="Vérifie les pages et le registre sans construire le site. Chaque problème et le bilan "
                    "sont écrits sur la sortie standard (fichier:ligne: message), les erreurs de la commande "
                    "elle-même sur la sortie d’erreur ; code de sortie 0 sans problème, 1 avec, 2 pour une "
                    "commande mal écrite.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="fichiers ou dossiers (tout par défaut)")

    commands.add_parser("schemas", parents=[after],
                        help="écrire les schémas pour les éditeurs / write editor schemas")

    versions = commands.add_parser("versions", parents=[after],
                                   help="construire toutes les versions publiées / build every release")
    versions.add_argument("--out", default="build/versions", help="dossier de sortie (build/versions)")
    versions.add_argument("--site-url", "--base-url", default=None,
                          help="adresse de publication de l’archive, au-dessus des versions (par défaut "
                               "ARCHIVE_BASE_URL, sinon html_baseurl de docs/conf.py)")
    versions.add_argument("--no-strict", action="store_true", help="ne pas traiter les avertissements en erreurs")

    published = commands.add_parser(
        "publish", parents=[after], help="publier : toutes les versions, vérifiées / publish every version, checked",
        description="Construit chaque version publiée et main dans un dossier prêt pour n’importe quel "
                    "hébergeur statique, puis vérifie chaque lien, ancre et adresse absolue.")
    published.add_argument("--base-url", default=None, metavar="URL",
                           help="adresse où le dossier sera servi, https://… (par défaut ARCHIVE_BASE_URL, sinon "
                                "html_baseurl de docs/conf.py ; une adresse provisoire est refusée)")
    published.add_argument("--out", default="build/publish", help="dossier de sortie (build/publish)")
    published.add_argument("--corrections-to", default=None, metavar="ADRESSE",
                           help="où les lecteurs signalent une erreur : adresse électronique ou formulaire https:// "
                                "(par défaut ARCHIVE_CORRECTIONS_TO, sinon archive_corrections_to de conf.py)")
    published.add_argument("--previous", metavar="FICHIER",
                           help="addresses.txt de la publication précédente : chacune doit rester servie")

    new = commands.add_parser("new", parents=[after], help="une nouvelle page ou fiche / a new page or registry entry")
    kinds = new.add_subparsers(dest="kind", required=True)

    session = kinds.add_parser(
        "session", parents=[after], help="une séance / a session", epilog=NEW_SESSION_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Commence la page d’une nouvelle séance, avec le numéro libre suivant de la série, son "
                    "identifiant et sa clé de citation.")
    session.add_argument("--series", required=True, metavar="SÉRIE",
                         help="identifiant de la série (obligatoire), par exemple ia-sante")
    session.add_argument("--date", required=True, metavar="AAAA-MM-JJ",
                         help="date de la séance (obligatoire), par exemple 2023-01-10")
    session.add_argument("--title", required=True, metavar="TITRE",
                         help="titre de la séance tel que la source le donne (obligatoire)")
    session.add_argument("--number", type=int, metavar="N",
                         help="numéro dans la série (par défaut le suivant libre) ; refusé s’il est pris")
    session.add_argument("--id", metavar="ID",
                         help="identifiant de la page (par défaut <série>-<numéro sur deux chiffres>, ia-sante-09)")
    session.add_argument("--source", metavar="FICHIER",
                         help="document source, un fichier de docs/sources/ (par défaut celui de la série)")
    session.add_argument("--moderator", action="append", default=[], metavar="PERSONNE[=AFFILIATION]",
                         help="qui anime, par son identifiant du registre, avec son affiliation ce jour-là ; "
                              "répétez l’option pour chaque personne")
    session.add_argument("--speaker", action="append", default=[], metavar="PERSONNE[=AFFILIATION]",
                         help="qui intervient, de la même façon ; répétez l’option pour chaque personne")
    session.add_argument("--theme", action="append", default=[], metavar="THÈME",
                         help="un thème de la séance, écrit comme sur les autres pages ; répétez l’option")

    press = kinds.add_parser("press", parents=[after], help="un communiqué de presse / a press release")
    press.add_argument("--date", required=True, help="AAAA-MM-JJ")
    press.add_argument("--title", required=True)
    press.add_argument("--issuer", action="append", required=True, help="organisation id")
    press.add_argument("--source", required=True, help="fichier de docs/sources/")
    press.add_argument("--place")
    press.add_argument("--event")
    press.add_argument("--id")
    press.add_argument("--person", action="append", default=[], metavar="PERSON[=AFFILIATION]")
    press.add_argument("--org", action="append", default=[])
    press.add_argument("--theme", action="append", default=[])

    person = kinds.add_parser("person", parents=[after], help="une personne / a person")
    person.add_argument("--given", required=True)
    person.add_argument("--family", required=True)
    person.add_argument("--particle")
    person.add_argument("--id")
    person.add_argument("--variant", action="append", default=[])
    person.add_argument("--orcid")
    person.add_argument("--idref")
    person.add_argument("--wikidata")
    person.add_argument("--distinct", action="store_true",
                        help="ajouter même si une fiche semble être la même personne")

    org = kinds.add_parser("org", parents=[after], help="une organisation / an organisation")
    org.add_argument("--name", required=True)
    org.add_argument("--acronym")
    org.add_argument("--id")
    org.add_argument("--parent")
    org.add_argument("--variant", action="append", default=[])
    org.add_argument("--ror")
    org.add_argument("--wikidata")
    bag_check = commands.add_parser(
        "bag-check", parents=[after], help="vérifier un paquet de conservation BagIt / check a BagIt bag",
        description="Vérifie l’intégrité (empreintes SHA-256) d’un paquet BagIt écrit par « archive versions » : "
                    "code de sortie 0 s’il est intact, 1 sinon, avec chaque fichier modifié, manquant ou ajouté.")
    bag_check.add_argument("bag", metavar="PAQUET", help="dossier du paquet, par exemple build/versions-bags/2026.1")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "bag-check":  # a bag needs no docs folder
        return run_bag_check(args.lang or os.environ.get("ARCHIVE_LANG", "fr"), args.bag)
    try:
        ctx = context(args.lang, _docs_for(args, getattr(args, "paths", ())))
        if args.command == "check":
            return run_check(ctx, args.paths)
        if args.command == "schemas":
            return run_schemas(ctx)
        if args.command == "versions":
            return run_versions(ctx, args)
        if args.command == "publish":
            return run_publish(ctx, args)
        runner = {"session": new_session, "press": new_press, "person": new_person, "org": new_org}[args.kind]
        return runner(ctx, args)
    except UsageError as problem:
        err(f"archive: {problem}")
        return USAGE_ERROR
    except Refused as problem:
        err(f"archive: {problem}")
        return PROBLEMS
    except OSError as problem:
        err(f"archive: {problem.filename or ''}: {problem.strerror}")
        return USAGE_ERROR
    except KeyboardInterrupt:  # pragma: no cover
        return 130
