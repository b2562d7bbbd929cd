"""``archive new session|press|person|org``: a new page or registry entry, written only when every
id it names is known and nothing would be overwritten; the YAML written by hand so that it reads
as an archivist would write it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from .. import duplicates
from ..archive import Archive
from ..bodyrefs import is_source_document
from ..checks import closest
from ..loader import load_archive
from ..registry import ORGANISATIONS_FILE, PEOPLE_FILE
from .common import (
    SCHEMA_LINE,
    Context,
    Refused,
    UsageError,
    err,
    out,
)

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
    if not is_source_document(folder, name):
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
