"""Generate a synthetic archive in our schema: N sessions, about 1.5 N people, realistic French pages.

    python benchmarks/generate.py OUTDIR N [--plain]

With --plain, writes the same session pages as plain MyST (title and body, no front matter
and no extension): the baseline a plain Sphinx build of the same pages costs.
:func:`generate_floor` writes near-empty plain pages in bounded sections: Sphinx's own floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

GIVEN = ["Anne", "Benoît", "Camille", "Élodie", "François", "Hélène", "Jérôme", "Léa", "Mathieu", "Noémie",
         "Olivier", "Pascale", "Raphaël", "Sophie", "Théo", "Zoé", "Agnès", "Étienne", "Inès", "Loïc"]
FAMILY = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
          "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
          "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
          "Éluard", "Œttinger", "Ébrard", "Ängström"]
THEMES = ["données de santé", "éthique", "santé publique", "imagerie médicale", "assurance santé",
          "souveraineté numérique", "compétences professionnelles", "innovation", "régulation", "génomique"]
SAMPLE_TEXT = ("l’intelligence artificielle transforme la médecine et les organisations de santé en mobilisant "
               "des données massives des algorithmes et des compétences nouvelles au service des patients et des "
               "professionnels tout en posant des questions éthiques juridiques et économiques")
WORDS = SAMPLE_TEXT.split()

CONF = '''project = "Benchmark"
language = "fr"
extensions = ["myst_parser"{extra}]
exclude_patterns = ["_build"]
smartquotes = False
html_theme = "sphinx_book_theme"
html_theme_options = {options}
'''


def slug(text: str) -> str:
    import unicodedata
    base = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in base).split())


def paragraph(rng: random.Random, words: int = 80) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _homonyms(people: list[tuple[str, str, str]], used: set[str]) -> dict[str, str]:
    """Homonyms (one name, several ids) say they are other people: ``distinct:`` lines by id."""
    by_name: dict[tuple[str, str], list[str]] = {}
    for person_id, given, family in people:
        if person_id in used:
            by_name.setdefault((given, family), []).append(person_id)
    lines = {}
    for ids in by_name.values():
        for person_id in ids:
            others = [other for other in ids if other != person_id]
            lines[person_id] = f"  distinct: [{', '.join(others)}]\n" if others else ""
    return lines


def generate(out: Path, n: int, plain: bool, seed: int = 1) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "sessions").mkdir(parents=True)
    people: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    while len(people) < int(n * 1.5):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        person_id = slug(f"{given} {family}")
        if person_id in seen:
            person_id = f"{person_id}-{len(people)}"
        seen.add(person_id)
        people.append((person_id, given, family))
    orgs = [f"org-{i:04d}" for i in range(max(5, n // 10))]
    start = dt.date(2000, 1, 10)
    used_people: set[str] = set()
    used_orgs: set[str] = set()
    for number in range(1, n + 1):
        day = start + dt.timedelta(days=36 * number)  # about ten sessions a year
        title = f"Séance sur {rng.choice(THEMES)} et {rng.choice(THEMES)} ({number})"
        body = "\n\n".join(paragraph(rng) for _ in range(3))
        session_id = f"bench-{number:05d}"
        if plain:
            text = f"# {title}\n\n## Présentation de la séance\n\n{body}\n"
        else:
            # Every person appears at least once: the first sessions take them in turn.
            chosen = [people[(number * 3 + k) % len(people)] for k in range(3)] + [rng.choice(people)]
            chosen = list(dict.fromkeys(chosen))
            lines = []
            for role_key, group in (("moderators", chosen[:1]), ("speakers", chosen[1:])):
                lines.append(f"  {role_key}:")
                for person_id, _, _ in group:
                    org = orgs[(number + len(person_id)) % len(orgs)]
                    used_people.add(person_id)
                    used_orgs.add(org)
                    lines += [f"    - person: {person_id}", f"      affiliation: chercheuse, {org}",
                              f"      organisations: [{org}]"]
            themes = ", ".join(sorted({rng.choice(THEMES), rng.choice(THEMES)}))
            text = "\n".join([
                "---", "archive:", "  kind: session", f"  id: {session_id}", "  series: bench",
                f"  number: {number}", f"  date: {day.isoformat()}", f"  title: \"{title}\"", *lines,
                f"  themes: [{themes}]", f"  citekey: bench-{day.year}-s{number:05d}", "  source: prog.txt", "---",
                "", "# Présentation de la séance", "", body, "",
            ])
        (out / "sessions" / f"{session_id}.md").write_text(text, encoding="utf-8")
    options = '{"show_navbar_depth": 1, "collapse_navbar": True}'
    if plain:
        (out / "conf.py").write_text(CONF.format(extra="", options="{}"), encoding="utf-8")
        (out / "index.md").write_text("# Benchmark\n\n```{toctree}\n:glob:\n\nsessions/*\n```\n", encoding="utf-8")
        return
    (out / "conf.py").write_text(CONF.format(extra=', "seminar_archive"', options=options), encoding="utf-8")
    toctree = ["series/bench", "sessions/index", "press/index", "people/index", "organisations/index", "themes/index"]
    (out / "index.md").write_text("# Benchmark\n\n```{toctree}\n:hidden:\n\n" + "\n".join(toctree) + "\n```\n",
                                  encoding="utf-8")
    (out / "series").mkdir()
    (out / "series" / "bench.md").write_text(
        "---\narchive:\n  kind: series\n  id: bench\n  title: Série de mesure\n  citekey: bench-serie\n"
        "  source: prog.txt\n---\n\nUne série synthétique.\n", encoding="utf-8")
    (out / "sources").mkdir()
    (out / "sources" / "prog.txt").write_text("Programme synthétique.\n", encoding="utf-8")
    (out / "registry").mkdir()
    distinct = _homonyms(people, used_people)
    (out / "registry" / "people.yaml").write_text("".join(
        f"{pid}:\n  given: {given}\n  family: {family}\n{distinct[pid]}"
        for pid, given, family in people if pid in used_people
    ), encoding="utf-8")
    (out / "registry" / "organisations.yaml").write_text("".join(
        f"{org}:\n  name: Organisation {org[4:]}\n" for org in orgs if org in used_orgs), encoding="utf-8")


def generate_floor(out: Path, pages: int, group: int = 40) -> None:
    """Plain Sphinx's own floor for a site of ``pages`` pages: near-empty MyST pages (a title and a
    sentence), without our extension, in sections of at most ``group`` pages under section pages,
    with the book theme but no navigation sidebar (the theme's sidebar resolves the whole site's
    navigation for every page, which our extension avoids: with it, this "floor" took longer than
    our whole build). What a build of this costs, any build with this theme must add to."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sections = max(1, -(-(pages - 1) // (group + 1)))
    children = []
    written = 1
    for number in range(sections):
        name = f"section-{number:04d}"
        folder = out / name
        folder.mkdir()
        leaves = [f"page-{k:04d}" for k in range(min(group, pages - written - 1))]
        written += 1 + len(leaves)
        toctree = "```{toctree}\n:hidden:\n\n" + "\n".join(leaves) + "\n```\n" if leaves else ""
        (folder / "index.md").write_text(f"# Rubrique {number}\n\nUne rubrique.\n\n{toctree}", encoding="utf-8")
        for leaf in leaves:
            (folder / f"{leaf}.md").write_text(f"# Page {leaf} de la rubrique {number}\n\nUne page.\n",
                                               encoding="utf-8")
        children.append(f"{name}/index")
    options = '{"show_navbar_depth": 1, "collapse_navbar": True}'
    conf = CONF.format(extra="", options=options) + 'html_sidebars = {"**": []}\n'
    (out / "conf.py").write_text(conf, encoding="utf-8")
    (out / "index.md").write_text("# Benchmark\n\n```{toctree}\n:hidden:\n\n" + "\n".join(children) + "\n```\n",
                                  encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    generate(args.outdir, args.n, args.plain)


if __name__ == "__main__":
    main()
