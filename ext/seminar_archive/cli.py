"""The ``archive`` command: check the archive without a build, and start new pages and entries.

It uses the core only (the same :func:`seminar_archive.loader.load_archive` as the Sphinx
build), so both front-ends report the same problems with the same words. Output goes through
:func:`out` and :func:`err`; nothing else prints.

Exit codes: 0 when all is well, 1 when problems were found (or ``new`` refused to write),
2 for a usage error (unknown option, missing folder, a path outside the archive).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import duplicates, pageplan, schema
from .address import ENV_CORRECTIONS, PLACEHOLDER_CORRECTIONS, AddressError, from_environment
from .addresses import config_address_problems
from .bibfile import check_configured
from .bodyrefs import DEFAULT_MYST_EXTENSIONS, check_body_references, check_release_references
from .checks import closest
from .diagnostics import Diagnostic, Diagnostics
from .loader import Layout, load_archive
from .messages import did_you_mean, render_message
from .model import Archive
from .pagescan import scan_pages
from .publish import PublishError, publish
from .registry import ORGANISATIONS_FILE, PEOPLE_FILE
from .settings import build as settings_from
from .settings import read_conf
from .sitefiles import check_redirects, load_redirects, load_releases
from .versions import VersionsError, build_versions

USAGE_ERROR = 2
PROBLEMS = 1
SCHEMA_LINE = "# yaml-language-server: $schema=../_static/schemas/{name}"
SCHEMA_DIR = "_static/schemas"


def out(text: str) -> None:
    """The command's results, on standard output."""
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """Summaries and refusals, on standard error."""
    sys.stderr.write(text + "\n")


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""


class Refused(Exception):
    """``new`` will not write (the file or id exists, an id is unknown): exit code 1."""


# Words of the command itself (messages about the archive are in seminar_archive.messages).
TEXT: dict[str, tuple[str, str]] = {
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


@dataclass(frozen=True)
class Context:
    lang: str
    docs: Path
    layout: Layout = field(default_factory=Layout)
    report_unused: bool = True
    suppressed: frozenset[str] = frozenset()
    myst_extensions: tuple[str, ...] = DEFAULT_MYST_EXTENSIONS
    bibfiles: tuple[str, ...] = ()  # bibtex_bibfiles, when sphinxcontrib.bibtex is on

    def t(self, key: str, **args: object) -> str:
        french, english = TEXT[key]
        return (french if self.lang == "fr" else english).format(**args)

    def hint(self, suggestion: str) -> str:
        return did_you_mean(suggestion, self.lang)

    def shown(self, path: Path) -> str:
        """A path as the archivist typed it: relative to the current folder when inside it."""
        try:
            return os.path.relpath(path, Path.cwd()) if path.is_relative_to(Path.cwd()) else str(path)
        except ValueError:  # pragma: no cover - another drive on Windows
            return str(path)


# --- finding the archive -------------------------------------------------------------------

def find_docs(start: Path) -> Path | None:
    """The site's source folder: ``start`` or a parent holding conf.py, or their docs/ folder."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "docs" / "conf.py").is_file():
            return folder / "docs"
        if (folder / "conf.py").is_file():
            return folder
    return None


def _docs_for(args: argparse.Namespace, paths: Sequence[str] = ()) -> Path:
    if args.docs:
        docs = Path(args.docs)
        if not docs.is_dir():
            raise UsageError(TEXT["not-a-folder"][0 if args.lang == "fr" else 1].format(path=args.docs))
        return docs.resolve()
    starts = [Path(p) if Path(p).is_dir() else Path(p).parent for p in paths] or [Path.cwd()]
    found = find_docs(starts[0]) if starts[0].exists() else None
    found = found or find_docs(Path.cwd())
    if found is None:
        raise UsageError(TEXT["no-docs"][0 if args.lang == "fr" else 1])
    return found


def context(lang: str, docs: Path) -> Context:
    """What the site's conf.py says that matters to the checks: folders, unused entries, suppressed kinds."""
    conf = read_conf(docs)
    settings = settings_from(conf)[0]  # the build's own reading of the archive_* values
    suppress = conf.get("suppress_warnings", [])
    suppressed = frozenset(str(s) for s in suppress) if isinstance(suppress, list | tuple) else frozenset()
    extensions = conf.get("myst_enable_extensions", ())  # MyST's own default: none
    myst_extensions = tuple(str(e) for e in extensions) if isinstance(extensions, list | tuple | set) else ()
    bibfiles = conf.get("bibtex_bibfiles", ())
    with_bibtex = "sphinxcontrib.bibtex" in (conf.get("extensions") or ())  # type: ignore[operator]
    return Context(lang, docs, settings.layout, settings.report_unused, suppressed,
                   myst_extensions, tuple(str(b) for b in bibfiles) if with_bibtex and isinstance(
                       bibfiles, list | tuple) else ())


# --- check ----------------------------------------------------------------------------------

def _selected(diagnostic: Diagnostic, wanted: list[str]) -> bool:
    return not wanted or any(diagnostic.path == w or diagnostic.path.startswith(w.rstrip("/") + "/") or w == ""
                             for w in wanted)


def format_diagnostic(ctx: Context, diagnostic: Diagnostic) -> str:
    """``file:line: message [archive.subtype]``, the form editors and terminals make clickable."""
    path = ctx.shown(ctx.docs / diagnostic.path)
    return f"{path}:{max(diagnostic.line, 1)}: {diagnostic.render(ctx.lang)} [archive.{diagnostic.problem.subtype}]"


def run_check(ctx: Context, paths: Sequence[str]) -> int:
    wanted: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(ctx.t("no-such-path", path=given))
        resolved = path.resolve()
        if not resolved.is_relative_to(ctx.docs):
            raise UsageError(ctx.t("outside", path=given, docs=ctx.shown(ctx.docs)))
        relative = resolved.relative_to(ctx.docs).as_posix()
        wanted.append("" if relative == "." else relative)
    archive, diagnostics = load_archive(ctx.docs, ctx.layout, report_unused=ctx.report_unused)
    # The roles in the pages' text, which the build resolves (without a build, the same messages).
    check_body_references(ctx.docs, ctx.layout, archive, diagnostics, ctx.myst_extensions)
    _check_outside_and_addresses(ctx, diagnostics)
    # The site's own files: releases, and redirects (to pages written or generated).
    releases = load_releases(ctx.docs, diagnostics)
    check_release_references(ctx.docs, ctx.layout, archive, releases, diagnostics, ctx.myst_extensions)
    check_configured(ctx.docs, ctx.bibfiles, diagnostics)  # references.bib, as the build reads it
    documents = {p.relative_to(ctx.docs).with_suffix("").as_posix() for p in ctx.docs.rglob("*.md")
                 if not {"_build", "_static", "_templates"} & set(p.relative_to(ctx.docs).parts)}
    check_redirects(load_redirects(ctx.docs, diagnostics), documents | set(pageplan.plan(archive)), diagnostics)
    # As Sphinx does: "archive" silences every kind, "archive.unused" one.
    silenced = {"archive", "archive.*"} & ctx.suppressed
    shown = sorted((d for d in diagnostics if _selected(d, wanted) and not silenced
                    and f"archive.{d.problem.subtype}" not in ctx.suppressed), key=lambda d: (d.path, d.line))
    # Problems on standard error, as compilers and linters print them; the result (the summary) on
    # standard output, so that `archive check > report.txt` keeps the verdict and a terminal shows both.
    for diagnostic in shown:
        err(format_diagnostic(ctx, diagnostic))
    if not shown:
        out(ctx.t("clean", count=len(archive.items()) + len(archive.unusable_pages)))
        return 0
    out(ctx.t("found-one") if len(shown) == 1 else ctx.t("found", count=len(shown)))
    return PROBLEMS


def _check_outside_and_addresses(ctx: Context, diagnostics: Diagnostics) -> None:
    """What the pages would read from outside the tree and the addresses they may not publish,
    and configuration values that would become unsafe links: the build's guards, without a build."""
    conf = read_conf(ctx.docs)
    hosts = settings_from(conf)[0].image_hosts
    scan_pages(ctx.docs, ctx.layout, diagnostics, ctx.myst_extensions, [str(host) for host in hosts])
    try:
        conf_text = (ctx.docs / "conf.py").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        conf_text = ""
    config_address_problems(conf, conf_text, diagnostics)


# --- new ------------------------------------------------------------------------------------

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slug(text: str) -> str:
    """An id from a name: 'Anaïs Person' -> 'anais-person', '3IA Côte d’Azur' -> '3ia-cote-d-azur'."""
    return "-".join(re.findall(r"[a-z0-9]+", duplicates.fold(text)))


def quote(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value``: plain when it can be, else double-quoted
    (a JSON string is a YAML string)."""
    value = " ".join(value.split())
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _date(ctx: Context, text: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(ctx.t("bad-date", date=text)) from None


def _check_id(ctx: Context, value: str) -> str:
    if not _ID.match(value):
        raise UsageError(ctx.t("bad-id", id=value))
    return value


def _load(ctx: Context) -> Archive:
    archive, _ = load_archive(ctx.docs, ctx.layout, report_unused=False)
    return archive


def _write_new(ctx: Context, path: Path, text: str) -> None:
    """Create ``path`` with ``text``; refuse if anything is there (checked atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise Refused(ctx.t("exists", path=ctx.shown(path))) from None
    out(ctx.t("wrote", path=ctx.shown(path)))


def _appearances(ctx: Context, archive: Archive, values: Sequence[str], field: str) -> list[str]:
    lines: list[str] = []
    for value in values:
        person, _, affiliation = value.partition("=")
        person = person.strip()
        if not _ID.match(person):
            raise UsageError(ctx.t("bad-appearance", value=value))
        if person not in archive.people:
            raise Refused(ctx.t("unknown-person", id=person, hint=ctx.hint(closest(person, archive.people))))
        if not lines:
            lines.append(f"  {field}:")
        lines.append(f"    - person: {person}")
        if affiliation.strip():
            lines.append(f"      affiliation: {quote(affiliation)}")
    return lines


def _orgs(ctx: Context, archive: Archive, values: Sequence[str]) -> list[str]:
    for org in values:
        if org not in archive.organisations:
            raise Refused(ctx.t("unknown-org", id=org, hint=ctx.hint(closest(org, archive.organisations))))
    return list(values)


def _themes(values: Sequence[str]) -> list[str]:
    return [f"  themes: [{', '.join(quote(t) for t in values)}]"] if values else []


def citekey_prefix(series_id: str) -> str:
    """The series' part of session keys: 'ia-sante' -> 'iasante' (keys are iasante-2021-s03)."""
    return re.sub(r"[^a-z0-9]", "", series_id.lower())


def _free_key(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    for suffix in "bcdefghijklmnopqrstuvwxyz":
        if f"{wanted}{suffix}" not in taken:
            return f"{wanted}{suffix}"
    raise Refused(wanted)  # pragma: no cover - 26 releases by one issuer on one day


def new_session(ctx: Context, args: argparse.Namespace) -> int:
    archive = _load(ctx)
    if args.series not in archive.series:
        raise UsageError(ctx.t("unknown-series", id=args.series, known=", ".join(sorted(archive.series)) or "-"))
    series = archive.series[args.series]
    date = _date(ctx, args.date)
    sessions_dir = ctx.docs / "sessions"
    numbers = {s.number: s for s in archive.sessions.values() if s.series == series.id}
    # Pages too broken to load still hold their file name: never reuse it.
    on_disk = {int(m.group(1)) for p in sessions_dir.glob(f"{series.id}-*.md")
               if (m := re.fullmatch(rf"{re.escape(series.id)}-(\d+)", p.stem))}
    if args.number is not None:
        number = args.number
        if number in numbers:
            raise Refused(ctx.t("number-taken", series=series.id, number=number,
                                path=numbers[number].where.path))
    else:
        number = max([0, *numbers, *on_disk]) + 1
    item_id = _check_id(ctx, args.id or f"{series.id}-{number:02d}")
    if any(item.id == item_id for item in archive.items()):
        raise Refused(ctx.t("exists", path=item_id))
    taken = {item.citekey for item in archive.items() if item.citekey}
    key = _free_key(f"{citekey_prefix(series.id)}-{date.year}-s{number:02d}", taken)
    source = _source(ctx, args.source or series.source)
    lines = [
        "---",
        SCHEMA_LINE.format(name="page.schema.json"),
        "archive:",
        "  kind: session",
        f"  id: {item_id}",
        f"  series: {series.id}",
        f"  number: {number}",
        f'  date: "{date.isoformat()}"',
        f"  title: {quote(args.title)}",
        *_appearances(ctx, archive, args.moderator, "moderators"),
        *_appearances(ctx, archive, args.speaker, "speakers"),
        *_themes(args.theme),
        f"  citekey: {key}",
        f"  source: {source}",
        "---",
        "",
        "# Présentation de la séance",
        "",
        "<!-- Recopiez ici la présentation telle que la source la donne. -->",
        "",
    ]
    path = sessions_dir / f"{item_id}.md"
    _write_new(ctx, path, "\n".join(lines))
    if not args.source:
        err(ctx.t("source-note", source=source))
    err(ctx.t("next", path=ctx.shown(path)))
    return 0


def _source(ctx: Context, name: str) -> str:
    """A source document's file name, once it is in the sources folder."""
    folder = ctx.docs / ctx.layout.sources_dir
    if "/" in name or "\\" in name or not (folder / name).is_file():
        known = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        raise Refused(ctx.t("no-source", source=name, folder=ctx.shown(folder), hint=ctx.hint(closest(name, known))))
    return name


def press_key(archive: Archive, issuer: str, date: dt.date) -> str:
    """'<issuer-short>-<yyyy>-<mm>-<dd>': the issuer's acronym (or id) in lower case: hdh-2022-10-21."""
    org = archive.organisations[issuer]
    short = slug(org.acronym).replace("-", "") if org.acronym else org.id
    return f"{short}-{date.isoformat()}"


def new_press(ctx: Context, args: argparse.Namespace) -> int:
    archive = _load(ctx)
    date = _date(ctx, args.date)
    issuers = _orgs(ctx, archive, args.issuer)
    if args.event and args.event not in archive.events:
        raise UsageError(ctx.t("unknown-event", id=args.event, known=", ".join(sorted(archive.events)) or "-"))
    ids = {item.id for item in archive.items()}
    base = f"communique-{date.isoformat()}"
    item_id = args.id or next(i for i in [base, *(f"{base}-{n}" for n in range(2, 1000))] if i not in ids)
    item_id = _check_id(ctx, item_id)
    if item_id in ids:
        raise Refused(ctx.t("exists", path=item_id))
    taken = {item.citekey for item in archive.items() if item.citekey}
    key = _free_key(press_key(archive, issuers[0], date), taken)
    lines = [
        "---",
        SCHEMA_LINE.format(name="page.schema.json"),
        "archive:",
        "  kind: press",
        f"  id: {item_id}",
        f'  date: "{date.isoformat()}"',
        *([f"  place: {quote(args.place)}"] if args.place else []),
        f"  title: {quote(args.title)}",
        f"  issuer: {flow_list(issuers)}",
        *([f"  event: {args.event}"] if args.event else []),
        *_appearances(ctx, archive, args.person, "people"),
        *([f"  organisations: {flow_list(_orgs(ctx, archive, args.org))}"] if args.org else []),
        *_themes(args.theme),
        f"  citekey: {key}",
        f"  source: {_source(ctx, args.source)}",
        "---",
        "",
        "<!-- Recopiez ici le texte du communiqué tel que la source le donne. -->",
        "",
    ]
    path = ctx.docs / "press" / f"{item_id}.md"
    _write_new(ctx, path, "\n".join(lines))
    err(ctx.t("next", path=ctx.shown(path)))
    return 0


def _append(ctx: Context, file: Path, entry_id: str, lines: list[str]) -> None:
    """Add an entry at the end of a registry file, as text: nothing already there is rewritten."""
    try:
        existing = file.read_bytes() if file.exists() else b""
    except OSError as error:
        raise UsageError(ctx.t("unreadable", path=ctx.shown(file), reason=error.strerror)) from None
    prefix = b"" if not existing or existing.endswith(b"\n") else b"\n"
    first_line = existing.count(b"\n") + (1 if prefix else 0) + 1
    if not existing:
        schema_name = "people.schema.json" if file.name == PEOPLE_FILE else "organisations.schema.json"
        lines = [SCHEMA_LINE.format(name=schema_name), *lines]
        first_line += 1
    with file.open("ab") as handle:
        handle.write(prefix + ("\n".join(lines) + "\n").encode("utf-8"))
    out(ctx.t("appended", path=ctx.shown(file), line=first_line, id=entry_id))


def _registry_line(ctx: Context, file: Path, entry_id: str) -> int:
    """The line where ``entry_id`` starts in a registry file (read as text), or 0."""
    if not file.exists():
        return 0
    for number, line in enumerate(file.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.startswith(f"{entry_id}:") or line.startswith(f'"{entry_id}":'):
            return number
    return 0


def new_person(ctx: Context, args: argparse.Namespace) -> int:
    archive = _load(ctx)
    file = ctx.docs / ctx.layout.registry_dir / PEOPLE_FILE
    family = " ".join(args.family.split())
    given = " ".join(args.given.split())
    particle = " ".join((args.particle or "").split())
    entry_id = _check_id(ctx, args.id or slug(f"{given} {particle} {family}"))
    line = _registry_line(ctx, file, entry_id)
    if entry_id in archive.people or line:
        raise Refused(ctx.t("id-exists", id=entry_id, path=ctx.shown(file), line=line))
    candidate = duplicates.Name.parts(given, f"{particle} {family}".strip())
    lookalikes = [person for person in archive.people.values()
                  if any(duplicates.same_person(candidate, name) for name in duplicates.spellings(person))]
    if lookalikes and not args.distinct:
        person = lookalikes[0]
        raise Refused(ctx.t("looks-like", name=candidate.shown, other=person.id, other_name=person.display_name,
                            path=ctx.shown(file), line=person.where.line))
    lines = [f"{entry_id}:", f"  given: {quote(given)}", f"  family: {quote(family)}"]
    if particle:
        lines.append(f"  particle: {quote(particle)}")
    if args.variant:
        lines.append(f"  variants: [{', '.join(quote(v) for v in args.variant)}]")
    if lookalikes:  # --distinct: homonyms, said in the entry so that check does not flag them
        lines.append(f"  distinct: [{', '.join(p.id for p in lookalikes)}]")
    for name in ("orcid", "idref", "wikidata"):
        value = getattr(args, name)
        lines.append(f"  {name}: {quote(value) if value else 'null'}")
    _append(ctx, file, entry_id, lines)
    err(ctx.t("unused-note"))
    return 0


def new_org(ctx: Context, args: argparse.Namespace) -> int:
    archive = _load(ctx)
    file = ctx.docs / ctx.layout.registry_dir / ORGANISATIONS_FILE
    entry_id = _check_id(ctx, args.id or slug(args.name))
    line = _registry_line(ctx, file, entry_id)
    if entry_id in archive.organisations or line:
        raise Refused(ctx.t("id-exists", id=entry_id, path=ctx.shown(file), line=line))
    if args.parent:
        _orgs(ctx, archive, [args.parent])
    lines = [f"{entry_id}:", f"  name: {quote(args.name)}"]
    if args.acronym:
        lines.append(f"  acronym: {quote(args.acronym)}")
    if args.parent:
        lines.append(f"  parent: {args.parent}")
    if args.variant:
        lines.append(f"  variants: [{', '.join(quote(v) for v in args.variant)}]")
    for name in ("ror", "wikidata"):
        value = getattr(args, name)
        lines.append(f"  {name}: {quote(value) if value else 'null'}")
    _append(ctx, file, entry_id, lines)
    err(ctx.t("unused-note"))
    return 0


# --- schemas --------------------------------------------------------------------------------

def run_schemas(ctx: Context) -> int:
    """Write the editor schemas into docs/_static/schemas/, where each file's first line points."""
    folder = ctx.docs / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema.editor_schema_texts().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    err(ctx.t("schemas-written", path=ctx.shown(folder)))
    return 0


# --- versions --------------------------------------------------------------------------------

def run_versions(ctx: Context, args: argparse.Namespace) -> int:
    """Every release of docs/releases.yaml and the current checkout, side by side (seminar_archive.versions)."""
    repo = ctx.docs.parent
    out = Path(args.out) if Path(args.out).is_absolute() else Path.cwd() / args.out
    try:
        result = build_versions(repo, out, site_url=site_address(ctx, args.site_url), docs=ctx.docs.name,
                                strict=not args.no_strict, log=err)
    except AddressError as problem:
        err(f"archive versions: {problem.render(ctx.lang)}")
        return USAGE_ERROR
    except VersionsError as problem:
        err(f"archive versions: {problem}")
        return PROBLEMS
    err(ctx.t("versions-built", count=len(result.versions), path=ctx.shown(out), latest=result.latest))
    return 0


def site_address(ctx: Context, given: str | None) -> str:
    """--base-url, else ARCHIVE_BASE_URL, else html_baseurl of conf.py: the one address."""
    if given:
        return given
    conf = read_conf(ctx.docs).get("html_baseurl", "")
    return from_environment(conf if isinstance(conf, str) else "")


def corrections_address(ctx: Context, given: str | None) -> str:
    if given is not None:
        return given
    if ENV_CORRECTIONS in os.environ:
        return os.environ[ENV_CORRECTIONS]
    conf = read_conf(ctx.docs).get("archive_corrections_to", PLACEHOLDER_CORRECTIONS)
    return conf if isinstance(conf, str) else ""


def run_publish(ctx: Context, args: argparse.Namespace) -> int:
    """Every version at the site's address, the host's files, and the check (seminar_archive.publish)."""
    out = Path(args.out) if Path(args.out).is_absolute() else Path.cwd() / args.out
    previous: list[str] = []
    if args.previous:
        try:
            previous = Path(args.previous).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise UsageError(ctx.t("unreadable", path=args.previous, reason=error.strerror)) from None
    site_url = site_address(ctx, args.base_url)
    try:
        _result, report = publish(ctx.docs.parent, out, site_url=site_url,
                                  corrections_to=corrections_address(ctx, args.corrections_to), docs=ctx.docs.name,
                                  previous=previous, lang=ctx.lang, log=err)
    except AddressError as problem:
        err(f"archive publish: {problem.render(ctx.lang)}")
        return USAGE_ERROR
    except (VersionsError, PublishError) as problem:
        err(f"archive publish: {problem}")
        return PROBLEMS
    for broken in report.broken:
        err(broken.render(ctx.lang))
    out_text = report.summary(ctx.lang)
    sys.stdout.write(out_text + "\n")
    if report.broken:
        return PROBLEMS
    sys.stdout.write(render_message("publish-done", {"path": ctx.shown(out), "url": site_url}, ctx.lang) + "\n")
    return 0


# --- bags (std-bagit) ------------------------------------------------------------------------

def run_bag_check(lang: str, given: str) -> int:
    """The fixity of one BagIt bag (seminar_archive.bags): 0 intact, 1 not, each problem naming its file."""
    from .bags import check_bag

    result = check_bag(Path(given))
    for key, values in result.problems:
        sys.stdout.write(render_message(key, values, lang) + "\n")
    if not result.valid:
        err(render_message("bag-broken", {"path": given, "count": len(result.problems)}, lang))
        return PROBLEMS
    unknown = render_message("bag-not-given", {}, lang)
    sys.stdout.write(render_message("bag-valid", {
        "path": given, "files": result.files, "release": result.info.get("External-Identifier", unknown),
        "organization": result.info.get("Source-Organization", unknown),
        "date": result.info.get("Bagging-Date", unknown)}, lang) + "\n")
    return 0


# --- the parser -----------------------------------------------------------------------------

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
