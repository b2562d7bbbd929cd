"""The ``archive`` command, run as archivists run it: in its own process, from a repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOCS, REPO, TESTS, cli_build, copy_root
from seminar_archive import cli
from seminar_archive.diagnostics import Problem
from seminar_archive.schema import editor_schema_texts

CORPUS = TESTS / "corpus" / "cli-bad"



def site_repo(tmp_path: Path) -> Path:
    """A repository folder holding a private copy of the real archive as docs/."""
    repo = tmp_path / "repo"
    copy_root("site", repo)
    (repo / "site").rename(repo / "docs")
    return repo

def archive(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "ext")}
    env.pop("ARCHIVE_LANG", None)
    return subprocess.run([sys.executable, "-m", "seminar_archive", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env=env, timeout=120)


# What `archive check` prints on standard output: its summary, the one result (problems go to standard error).
SUMMARY = re.compile(r"(aucun problème|no problems) \(|1 (problème trouvé|problem found)$"
                     r"|\d+ (problèmes trouvés|problems found)$")


def reported(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The problems ``archive check`` printed: on standard error, while standard output holds the
    summary alone."""
    summary = result.stdout.splitlines()
    assert len(summary) == 1 and SUMMARY.match(summary[0]), result.stdout
    return result.stderr.splitlines()


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A private copy of the bad corpus, as a repository (the command runs from its root)."""
    root = tmp_path / "repo"
    shutil.copytree(CORPUS, root)
    return root


# One line per kind of problem: exactly what an archivist reads (file relative to the repository).
EXPECTED = [
    # Files from outside and live addresses (the build refuses the same: tests/test_outside.py).
    "docs/notes/links.md:3: « /etc/passwd » est hors du dossier docs/ (ou y mène par un lien symbolique) : une page "
    "ne lit que les fichiers du site, celui-ci n’est ni lu ni publié ; copiez-le dans docs/ et donnez son chemin "
    "relatif [archive.outside-file]",
    "docs/notes/links.md:7: adresse refusée « javascript:alert(1) » : seules les adresses http:, https:, mailto: et "
    "relatives sont publiées ; le lien est retiré de la page [archive.unsafe-address]",
    "docs/notes/links.md:10: l’image « https://tracker.example/pixel.gif » est chargée depuis un autre site "
    "(tracker.example), qui verrait chaque lecteur de la page : elle est retirée ; copiez-la dans docs/, ou autorisez "
    "ce site dans archive_image_hosts (conf.py) [archive.remote-image]",
    "docs/redirects.yaml:2: « sessions/ok-01 » est encore une page : une redirection l’écraserait ; "
    "retirez cette ligne [archive.redirect]",
    "docs/redirects.yaml:3: la redirection de « sessions/old-02 » mène à « sessions/ok-2 », qui n’est pas une "
    "page ; vouliez-vous dire « sessions/ok-02 » ? [archive.redirect]",
    # references.bib, read as the build reads it (before sphinxcontrib-bibtex).
    "docs/references.bib:5: la clé « CCNE-129 » est déjà donnée à la ligne 1 ; donnez une clé nouvelle à l’une "
    "des deux entrées [archive.bib]",
    "docs/registry/organisations.yaml:4: l’organisation « loop-a » est sa propre parente "
    "(loop-a → loop-b → loop-a) [archive.org-cycle]",
    "docs/registry/organisations.yaml:7: l’organisation « loop-b » est sa propre parente "
    "(loop-b → loop-a → loop-b) [archive.org-cycle]",
    "docs/registry/people.yaml:8: « etienne-elise » (Elise Etienne) semble être la même personne que "
    "« elise-etienne » (Élise Étienne, registry/people.yaml:5) ; gardez une seule fiche et mettez l’autre "
    "graphie dans « variants: » [archive.possible-duplicate]",
    "docs/registry/people.yaml:14: « jp-segade » (J.-P. Segade) semble être la même personne que "
    "« jean-paul-segade » (Jean-Paul Segade, registry/people.yaml:11) ; gardez une seule fiche et mettez "
    "l’autre graphie dans « variants: » [archive.possible-duplicate]",
    "docs/registry/people.yaml:20: « dr-livartowski » (Dr Alain Livartowski) semble être la même personne que "
    "« alain-livartowski » (Alain Livartowski, registry/people.yaml:17) ; gardez une seule fiche et mettez "
    "l’autre graphie dans « variants: » [archive.possible-duplicate]",
    "docs/registry/people.yaml:29: la personne « nobody-atall » est dans le registre mais aucune page ne la cite "
    "[archive.unused]",
    "docs/registry/people.yaml:32: l’identifiant « ada-dupont » est donné deux fois (la première à la ligne 2) "
    "[archive.duplicate-id]",
    "docs/registry/people.yaml:35: « vera-lumen » : le nom « V\u0435ra » mêle des alphabets dans un même mot "
    "(CYRILLIC, LATIN) ; \u0435 U+0435 n’est pas une lettre latine, même s’il en a l’air : récrivez-le au clavier "
    "latin [archive.mixed-script]",
    "docs/releases.yaml:4: la version « 2026.1 » est déjà décrite plus haut [archive.releases]",
    "docs/sessions/alias-bomb.md:13: les alias de ce fichier (ici « *a3 ») répètent plus de 10000 valeurs : "
    "écrivez les valeurs en entier, sans alias [archive.limit]",
    "docs/sessions/ambiguous-person.md:12: personne inconnue « luci-martin » : plusieurs fiches lui ressemblent "
    "(luc-martin, lucie-martin) ; choisissez la bonne [archive.unknown-person]",
    "docs/sessions/bad-date.md:7: « date » n’est pas une date réelle écrite AAAA-MM-JJ : '2021-02-30' "
    "[archive.bad-date]",
    "docs/sessions/bad-id.md:4: « id » n’a pas la bonne forme : 'Séance 16'. Un identifiant : lettres minuscules "
    "sans accents, chiffres et tirets simples ; il ne change plus une fois publié. [archive.bad-value]",
    "docs/sessions/bad-number.md:6: « number » doit être un nombre entier, pas 'deux' [archive.bad-value]",
    "docs/sessions/bad-yaml.md:9: erreur de syntaxe YAML : une liste entre [ ] n’est pas fermée "
    "(« ] » ou « , » attendu) [archive.yaml]",
    # The roles in a page's text (the build reports the same: test_check_and_build_agree_on_roles_in_the_text).
    "docs/sessions/body-refs.md:15: identifiant inconnu « ada-dupond » pour le rôle person (personne) ; "
    "vouliez-vous dire « ada-dupont » ? [archive.ref]",
    "docs/sessions/body-refs.md:15: identifiant inconnu « labo » pour le rôle org (organisation) ; "
    "vouliez-vous dire « lab » ? [archive.ref]",
    "docs/sessions/body-refs.md:16: identifiant inconnu « ok-03 » pour le rôle session (séance) ; "
    "vouliez-vous dire « ok-02 » ? [archive.ref]",
    "docs/sessions/body-refs.md:19: identifiant inconnu « ser-x » pour le rôle series (série) ; "
    "vouliez-vous dire « ser » ? [archive.ref]",
    "docs/sessions/body-refs.md:26: document source inconnu « programme.txt » : ce doit être un fichier de "
    "sources/ [archive.missing-source]",
    "docs/sessions/body-refs.md:26: fichier de données inconnu « archive.jsn » : la construction écrit "
    "archive.json, archive.schema.json, series.ics, additions.atom, series.bib, series-biblatex.bib, "
    "series.ris, series.csl.json [archive.ref]",
    "docs/sessions/copie-de-ok-01.md:4: l’identifiant « ok-01 » est déjà pris par sessions/ok-01.md:4 ; "
    "les identifiants sont permanents, donnez-en un nouveau à cette page [archive.duplicate-id]",
    "docs/sessions/missing-source.md:4: le document source « nope.txt » n’est pas dans docs/sources/ ; "
    "vouliez-vous dire « prog.txt » ? [archive.missing-source]",
    "docs/sessions/missing-title.md:2: le champ obligatoire « title » manque [archive.missing-field]",
    "docs/sessions/reused-key.md:4: la clé de citation « k-01 » est déjà prise par sessions/ok-01.md:4 ; "
    "les clés sont permanentes, donnez-en une nouvelle à cette page [archive.duplicate-key]",
    "docs/sessions/reused-number.md:4: la série « ser » a déjà une séance numéro 1 (sessions/ok-01.md:4) "
    "[archive.duplicate-number]",
    "docs/sessions/theme-spelling.md:4: le thème « Éthique » s’écrit « éthique » sur les autres pages ; "
    "écrivez-le ainsi [archive.theme-spelling]",
    "docs/sessions/unknown-field.md:9: champ inconnu « tittle » ; vouliez-vous dire « title » ? "
    "[archive.unknown-field]",
    "docs/sessions/unknown-org.md:12: organisation inconnue « labo » ; vouliez-vous dire « lab » ? "
    "[archive.unknown-org]",
    "docs/sessions/unknown-person.md:12: personne inconnue « ada-dupond » ; vouliez-vous dire « ada-dupont » ? "
    "[archive.unknown-person]",
    "docs/sessions/unknown-series.md:4: série inconnue « ser-x » ; vouliez-vous dire « ser » ? "
    "[archive.unknown-item]",
    "docs/sessions/wrong-name.md:4: l’identifiant de la page est « other-id » mais son fichier s’appelle "
    "« wrong-name » ; renommez le fichier en « other-id.md » [archive.id-mismatch]",
]


def test_check_reports_each_bad_page_with_file_line_and_french_message(corpus: Path) -> None:
    result = archive("check", cwd=corpus)
    no_traceback(result)
    assert result.returncode == 1
    assert reported(result) == EXPECTED
    assert result.stdout.splitlines() == [f"{len(EXPECTED)} problèmes trouvés"]  # the summary alone


def test_every_problem_of_the_checks_is_in_the_corpus() -> None:
    shown = {line.rsplit("[archive.", 1)[1].rstrip("]") for line in EXPECTED}
    # generated, raw-html and search-index belong to the build (generated pages, HTML in the text, the
    # search index made from the built site); not-UTF-8 is below.
    assert {p.subtype for p in Problem} - shown == {"generated", "raw-html", "search-index"}


def test_check_and_build_agree_on_roles_in_the_text(corpus: Path, tmp_path: Path) -> None:
    """What ``archive check`` says of a page's roles is what the build says, message for message.
    Roles in code, in a code block or where they name something real are not reported."""
    page = "docs/sessions/body-refs.md"
    checked = archive("check", page, cwd=corpus)
    no_traceback(checked)
    from_check = [line.split(": ", 1) for line in reported(checked)]
    built = cli_build(corpus / "docs", "--keep-going", outdir=tmp_path / "html")
    assert "Traceback" not in built.stderr, built.stderr
    prefix = f"{corpus / page}:"
    from_build = [line.removeprefix(prefix).split(": WARNING: ", 1) for line in built.stderr.splitlines()
                  if line.startswith(prefix)]
    assert len(from_check) == len(from_build) == 6
    assert sorted(message for _, message in from_check) == sorted(message for _, message in from_build)
    lines_check = {message: int(where.rsplit(":", 1)[1]) for where, message in from_check}
    lines_build = {message: int(where) for where, message in from_build}
    # The same lines, but for a role on the second line of a paragraph: Sphinx gives the
    # paragraph's first line, the check the role's own.
    differ = {m for m in lines_check if lines_check[m] != lines_build[m]}
    assert [m.split(" pour ")[0] for m in differ] == ["identifiant inconnu « ok-03 »"]
    assert all(lines_check[m] == lines_build[m] + 1 for m in differ)


def test_check_in_english_on_request(corpus: Path) -> None:
    result = archive("--lang", "en", "check", "docs/sessions/unknown-person.md", cwd=corpus)
    assert result.returncode == 1
    assert reported(result) == [
        "docs/sessions/unknown-person.md:12: unknown person 'ada-dupond'; did you mean 'ada-dupont'? "
        "[archive.unknown-person]"]


def test_check_given_paths_reports_only_those(corpus: Path) -> None:
    result = archive("check", "docs/sessions/bad-date.md", "docs/registry/organisations.yaml", cwd=corpus)
    assert result.returncode == 1
    assert [line.split(":", 1)[0] for line in reported(result)] == [
        "docs/registry/organisations.yaml", "docs/registry/organisations.yaml", "docs/sessions/bad-date.md"]
    clean = archive("check", "docs/sessions/ok-02.md", cwd=corpus)
    assert (clean.returncode, reported(clean)) == (0, [])
    # From inside docs/, paths are shown from there.
    inside = archive("check", "sessions/bad-date.md", cwd=corpus / "docs")
    assert inside.stderr.startswith("sessions/bad-date.md:7: ")


def test_a_page_that_is_not_utf8_is_located_without_traceback(corpus: Path) -> None:
    page = corpus / "docs" / "sessions" / "latin1.md"
    page.write_bytes("---\narchive:\n  kind: session\n  title: Séance\n---\n".encode("latin-1"))
    result = archive("check", "docs/sessions/latin1.md", cwd=corpus)
    no_traceback(result)
    assert result.returncode == 1
    lines = reported(result)
    assert ("docs/sessions/latin1.md:4: le fichier n’est pas du texte UTF-8 (octet 0xe9) ; enregistrez-le en UTF-8 "
            "[archive.yaml]") in lines
    # The rest of the page is still read (the bad byte as U+FFFD): its other problems are reported too.
    assert "docs/sessions/latin1.md:2: le champ obligatoire « citekey » manque [archive.missing-field]" in lines


def test_copied_session_and_unparsable_page_in_the_real_archive(tmp_path: Path) -> None:
    repo = site_repo(tmp_path)
    sessions = repo / "docs" / "sessions"
    shutil.copyfile(sessions / "ia-sante-03.md", sessions / "ia-sante-03-copie.md")
    (sessions / "casse.md").write_text("---\narchive:\n  kind: session\n  title: [IA\n  id: casse\n---\n",
                                       encoding="utf-8")
    result = archive("check", cwd=repo)
    no_traceback(result)
    assert result.returncode == 1
    assert reported(result) == [
        "docs/sessions/casse.md:5: erreur de syntaxe YAML : une liste entre [ ] n’est pas fermée "
        "(« ] » ou « , » attendu) [archive.yaml]",
        "docs/sessions/ia-sante-03-copie.md:5: l’identifiant « ia-sante-03 » est déjà pris par "
        "sessions/ia-sante-03.md:5 ; les identifiants sont permanents, donnez-en un nouveau à cette page "
        "[archive.duplicate-id]",
    ]


def test_real_archive_is_clean_and_usage_errors_exit_2(tmp_path: Path) -> None:
    result = archive("check", cwd=REPO)
    assert (result.returncode, reported(result)) == (0, []), result.stdout
    # Results, the summary included, on standard output; nothing on standard error.
    assert result.stdout.startswith("aucun problème (") and result.stderr == "", result.stderr
    for args, cwd in [(("check", "nowhere.md"), REPO), (("check",), tmp_path), (("check", "/"), REPO),
                      (("frobnicate",), REPO), (("--docs", str(tmp_path / "absent"), "check"), REPO)]:
        bad = archive(*args, cwd=cwd)
        no_traceback(bad)
        assert bad.returncode == 2, (args, bad.stderr)
        assert bad.stderr.strip(), args


def test_new_then_check_then_build_gives_a_page_in_the_indexes(tmp_path: Path) -> None:
    repo = site_repo(tmp_path)
    person = archive("new", "person", "--given", "Zoé", "--family", "Ávila", cwd=repo)
    assert person.returncode == 0, person.stderr
    registry = (repo / "docs" / "registry" / "people.yaml").read_text(encoding="utf-8")
    original = (DOCS / "registry" / "people.yaml").read_text(encoding="utf-8")
    assert registry.startswith(original), "the registry was rewritten, not appended to"
    assert registry[len(original):] == ("zoe-avila:\n  given: Zoé\n  family: Ávila\n"
                                        "  orcid: null\n  idref: null\n  wikidata: null\n")
    session = archive("new", "session", "--series", "ia-sante", "--date", "2023-01-10",
                      "--title", "IA et santé : une séance de plus", "--speaker", "zoe-avila=chercheuse, Inserm",
                      "--moderator", "daniel-benamouzig", "--theme", "thème tout neuf", cwd=repo)
    assert session.returncode == 0, session.stderr
    page = repo / "docs" / "sessions" / "ia-sante-09.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../_static/schemas/page.schema.json\n")
    assert "  citekey: iasante-2023-s09\n" in text and "  number: 9\n" in text
    check = archive("check", cwd=repo)
    assert (check.returncode, reported(check)) == (0, []), check.stdout
    # new refuses to overwrite, and leaves the file as it was.
    again = archive("new", "session", "--series", "ia-sante", "--date", "2023-01-10", "--title", "Autre",
                    "--id", "ia-sante-09", cwd=repo)
    assert again.returncode == 1 and "existe déjà" in again.stderr
    assert page.read_text(encoding="utf-8") == text
    taken = archive("new", "person", "--given", "Zoe", "--family", "Avila", cwd=repo)
    assert taken.returncode == 1 and "existe déjà" in taken.stderr
    lookalike = archive("new", "person", "--given", "Z.", "--family", "Ávila", "--id", "z-avila", cwd=repo)
    assert lookalike.returncode == 1 and "ressemble à « zoe-avila »" in lookalike.stderr
    build = cli_build(repo / "docs", "-n", "-W", "--keep-going", "-q", outdir=tmp_path / "out")
    assert build.returncode == 0, build.stderr
    out = tmp_path / "out"
    assert "IA et santé : une séance de plus" in (out / "people" / "zoe-avila.html").read_text(encoding="utf-8")
    people_index = "".join(p.read_text(encoding="utf-8") for p in (out / "people").rglob("*.html"))
    assert "people/zoe-avila.html" in people_index or "zoe-avila.html" in people_index
    themes = "".join(p.read_text(encoding="utf-8") for p in (out / "themes").rglob("*.html"))
    assert "thème tout neuf" in themes and "ia-sante-09.html" in themes
    # The reference pages, generated from the definitions.
    warnings_page = (out / "warnings.html").read_text(encoding="utf-8")
    for problem in Problem:
        assert f'id="archive-{problem.subtype}"' in warnings_page, problem
    contributing = (out / "contributing.html").read_text(encoding="utf-8")
    for field in ("citekey", "moderators", "postnominals", "orcid", "acronym", "mention"):
        assert f'<span class="pre">{field}</span>' in contributing, field


def test_new_press_org_and_refusals(tmp_path: Path) -> None:
    repo = site_repo(tmp_path)
    org = archive("new", "org", "--name", "Agence du numérique en santé", "--acronym", "ANS", cwd=repo)
    assert org.returncode == 0, org.stderr
    assert "\nagence-du-numerique-en-sante:\n  name: Agence du numérique en santé\n  acronym: ANS\n" in (
        repo / "docs" / "registry" / "organisations.yaml").read_text(encoding="utf-8")
    press = archive("new", "press", "--date", "2022-10-21", "--title", "Un second communiqué",
                    "--issuer", "agence-du-numerique-en-sante", "--source", "003_0be8fc24b0174986.txt",
                    "--person", "emmanuel-bacry", cwd=repo)
    assert press.returncode == 0, press.stderr
    text = (repo / "docs" / "press" / "communique-2022-10-21-2.md").read_text(encoding="utf-8")
    assert "  citekey: ans-2022-10-21\n" in text
    same_key = archive("new", "press", "--date", "2022-10-21", "--title", "Encore", "--issuer", "health-data-hub",
                       "--source", "003_0be8fc24b0174986.txt", "--id", "communique-hdh-bis", cwd=repo)
    assert same_key.returncode == 0
    assert "  citekey: hdh-2022-10-21b\n" in (repo / "docs" / "press" / "communique-hdh-bis.md").read_text(
        encoding="utf-8")
    check = archive("check", cwd=repo)
    assert (check.returncode, reported(check)) == (0, []), check.stdout
    unknown = archive("new", "session", "--series", "ia-sante", "--date", "2023-01-10", "--title", "x",
                      "--speaker", "emmanuel-bacri", cwd=repo)
    assert unknown.returncode == 1 and "vouliez-vous dire « emmanuel-bacry »" in unknown.stderr
    bad_date = archive("new", "session", "--series", "ia-sante", "--date", "2023-02-30", "--title", "x", cwd=repo)
    assert bad_date.returncode == 2 and "2023-02-30" in bad_date.stderr
    no_source = archive("new", "press", "--date", "2023-01-01", "--title", "x", "--issuer", "cnrs",
                        "--source", "003_0be8fc24b0174987.txt", cwd=repo)
    assert no_source.returncode == 1
    assert "vouliez-vous dire « 003_0be8fc24b0174986.txt »" in no_source.stderr
    assert not (repo / "docs" / "press" / "communique-2023-01-01.md").exists()
    # A name in the sources folder that leads out of it is no source (bodyrefs.is_source_document).
    outside = tmp_path / "outside.txt"
    outside.write_text("a file of the build machine\n", encoding="utf-8")
    (repo / "docs" / "sources" / "lien.txt").symlink_to(outside)
    linked = archive("new", "press", "--date", "2023-01-02", "--title", "x", "--issuer", "cnrs",
                     "--source", "lien.txt", cwd=repo)
    assert linked.returncode == 1 and "« lien.txt » n’est pas dans" in linked.stderr, linked.stderr
    assert not (repo / "docs" / "press" / "communique-2023-01-02.md").exists()
    existing = archive("new", "org", "--name", "CNRS", cwd=repo)
    assert existing.returncode == 1 and "« cnrs » existe déjà" in existing.stderr
    assert not list((repo / "docs" / "sessions").glob("ia-sante-09*"))


def test_editor_schemas_in_docs_are_current() -> None:
    """docs/_static/schemas/ is where each page's first line points editors: it never drifts."""
    folder = DOCS / "_static" / "schemas"
    for name, text in editor_schema_texts().items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"run `archive schemas` ({name})"


def test_slugs_and_keys() -> None:
    assert cli.slug("Anaïs Person") == "anais-person"
    assert cli.slug("3IA Côte d’Azur") == "3ia-cote-d-azur"
    assert cli.citekey_prefix("ia-sante") == "iasante"


def test_namesakes_said_distinct_are_not_flagged(tmp_path: Path) -> None:
    repo = site_repo(tmp_path)
    refused = archive("new", "person", "--given", "Jean-Paul", "--family", "Ségade", "--id", "jp-segade-2", cwd=repo)
    assert refused.returncode == 1 and "--distinct" in refused.stderr
    added = archive("new", "person", "--given", "Jean-Paul", "--family", "Ségade", "--id", "jp-segade-2",
                    "--distinct", cwd=repo)
    assert added.returncode == 0, added.stderr
    assert "  distinct: [jean-paul-segade]\n" in (repo / "docs" / "registry" / "people.yaml").read_text(
        encoding="utf-8")
    check = archive("check", "docs/registry/people.yaml", cwd=repo)
    assert [line.rsplit("[", 1)[1] for line in reported(check)] == ["archive.unused]"]


def test_check_follows_the_sites_conf(corpus: Path) -> None:
    """What conf.py silences in the build, the command silences too (read, never run)."""
    conf = corpus / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'suppress_warnings = ["archive.possible-duplicate"]\n'
                    "archive_report_unused = False\nimport os  # conf.py is read, not executed\n",
                    encoding="utf-8")
    result = archive("check", cwd=corpus)
    expected = [line for line in EXPECTED if "[archive.possible-duplicate]" not in line
                and "[archive.unused]" not in line]
    assert reported(result) == expected


def test_the_archive_command_is_installed_with_the_project() -> None:
    from importlib.metadata import entry_points

    [script] = [e for e in entry_points(group="console_scripts") if e.name == "archive"]
    assert script.value == "seminar_archive.cli:main"
