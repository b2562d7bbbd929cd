"""Publishing (issue 21): the site's address as configuration, the placeholder banner, release
builds that refuse a placeholder, `archive publish` and its check, the deployment recipes, and
what readers see of sources, affiliations and the home page's title."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BuildFn, copy_root
from seminar_archive.address import AddressError, from_environment, release_corrections_to, release_site_url
from seminar_archive.publish import CheckReport, check_addresses, check_links, check_tree, vanished_since

REPO = Path(__file__).resolve().parents[1]
SITE = "https://archive.example.org/ia/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def archive(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("ARCHIVE_BASE_URL", "ARCHIVE_CORRECTIONS_TO")}
    return subprocess.run([sys.executable, "-m", "seminar_archive", *args], cwd=cwd, capture_output=True, text=True,
                          env={**environment, **(env or {})}, check=False)


# --- the address ------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "key"), [
    ("", "address-missing"),
    ("https://archive-ia-sante.invalid/", "address-placeholder"),
    ("https://archive.test/", "address-placeholder"),
    ("ftp://archive.example.org/", "address-scheme"),
    ("archive.example.org/ia/", "address-scheme"),
    ("https:///ia/", "address-host"),
    ("https://user:secret@archive.example.org/", "address-credentials"),
    ("https://archive.example.org/ia/?v=1", "address-query"),
    ("https://archive.example.org/ia /", "address-spaces"),
])
def test_release_builds_refuse_a_bad_address_and_say_where_to_set_it(url: str, key: str) -> None:
    with pytest.raises(AddressError) as refused:
        release_site_url(url)
    assert refused.value.key == key
    french = refused.value.render("fr")
    assert "ARCHIVE_BASE_URL" in french and "docs/conf.py" in french and "--base-url" in french


def test_the_address_comes_from_one_place() -> None:
    assert release_site_url("https://archive.example.org/ia") == SITE  # the final slash added
    assert from_environment("https://conf.example.org/", {}) == "https://conf.example.org/"
    assert from_environment("https://conf.example.org/", {"ARCHIVE_BASE_URL": SITE}) == SITE  # the variable wins
    assert from_environment("https://conf.example.org/", {"ARCHIVE_BASE_URL": " "}) == "https://conf.example.org/"
    # Corrections: a placeholder is dropped (no link), never published; a malformed one refused.
    assert release_corrections_to("corrections@archive-ia-sante.invalid") == ""
    assert release_corrections_to("archives@example.org") == "archives@example.org"
    with pytest.raises(AddressError):
        release_corrections_to("pas une adresse")


def test_archive_publish_refuses_the_placeholder_before_building(tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = archive("publish", "--out", str(out), cwd=REPO)  # conf.py's html_baseurl is the placeholder
    assert refused.returncode == 2, refused.stderr
    assert "adresse provisoire" in refused.stderr and "ARCHIVE_BASE_URL" in refused.stderr
    assert "Traceback" not in refused.stderr and not out.exists()
    malformed = archive("versions", "--out", str(out), "--lang", "en", cwd=REPO,
                        env={"ARCHIVE_BASE_URL": "archive.example.org"})
    assert malformed.returncode == 2 and "must start with https://" in malformed.stderr, malformed.stderr
    assert not out.exists()


def test_a_placeholder_build_says_so_on_every_page(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "placeholder")
    app = build(srcdir, confoverrides={"html_baseurl": "https://archive-ia-sante.invalid/"})
    outdir = Path(app.outdir)
    for page in ("index.html", "sessions/ser-01.html", "people/ada-dupont.html"):
        banner = soup(outdir / page).select_one(".bd-header-announcement .archive-provisional")
        assert banner is not None and "version de travail, adresse provisoire" in banner.get_text().lower(), page


def test_the_environment_variable_wins_and_a_real_address_has_no_banner(
        build: BuildFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_BASE_URL", SITE)
    srcdir = copy_root("basic", tmp_path / "real")
    app = build(srcdir, confoverrides={"html_baseurl": "https://archive-ia-sante.invalid/"})
    page = soup(Path(app.outdir) / "sessions" / "ser-01.html")
    assert page.select_one(".archive-provisional") is None
    canonical = page.find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == SITE + "sessions/ser-01.html"
    schema = json.loads((Path(app.outdir) / "data" / "archive.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == SITE + "data/archive.schema.json"  # not the package's placeholder


# --- what readers see -------------------------------------------------------------------------

def test_source_links_follow_the_sources_folder_and_show_the_documents_heading(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "documents")
    (srcdir / "sources").rename(srcdir / "documents")
    app = build(srcdir, confoverrides={"archive_sources_dir": "documents"})
    outdir = Path(app.outdir)
    for page in ("sessions/ser-01.html", "sessions/ser-02.html", "series/ser.html"):
        link = soup(outdir / page).select_one(".archive-meta a.archive-source-title")
        assert link is not None, page
        assert link.get_text() == "Programme de test."  # the source's own first line
        target = (outdir / page).parent / str(link["href"])
        assert link["href"].endswith("documents/prog.txt") and target.is_file(), (page, link["href"])
        assert "prog.txt" in link.parent.get_text() and "octets" in link.parent.get_text()


def test_affiliations_link_the_organisations_they_name_without_repeating_them(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "affiliations")
    session = srcdir / "sessions" / "ser-01.md"
    text = session.read_text(encoding="utf-8")
    assert "      affiliation: directrice du Lab\n      organisations: [lab]\n" in text
    session.write_text(text.replace("      affiliation: directrice du Lab\n      organisations: [lab]\n",
                                    "      affiliation: directrice du Lab\n      organisations: [lab, univ]\n"),
                       encoding="utf-8")
    app = build(srcdir)
    page = soup(Path(app.outdir) / "sessions" / "ser-01.html")
    lines = page.select("ul.archive-people li")
    lab = next(li for li in lines if "directrice du" in li.get_text())
    affiliation = lab.select_one(".archive-affiliation")
    assert affiliation is not None and affiliation.get_text() == "directrice du Lab"  # as the source writes it
    link = affiliation.find("a")
    assert link is not None and link.get_text() == "Lab" and link["href"].endswith("organisations/lab.html")
    # Lab is not repeated after it ("(Laboratoire (Lab))"); the organisation the text does not name
    # (the Université) stays beside it, linked.
    beside = lab.select_one(".archive-orgs")
    assert beside is not None and beside.get_text() == " (Université)"
    assert [a["href"].rsplit("/", 1)[1] for a in beside.find_all("a")] == ["univ.html"]


def test_the_home_page_title_is_not_doubled(build: BuildFn, tmp_path: Path) -> None:
    app = build(copy_root("basic", tmp_path / "title"), confoverrides={"html_title": "Test archive"})
    home = soup(Path(app.outdir) / "index.html")
    assert home.title is not None and home.title.get_text() == "Test archive"
    logo = home.select_one(".logo__title")
    assert logo is not None and logo.get_text().strip() == "Test archive"  # the sidebar still names the site
    other = soup(Path(app.outdir) / "sessions" / "ser-01.html")
    assert other.title is not None and other.title.get_text().endswith(" — Test archive")


# --- the check on small trees -----------------------------------------------------------------

def _tree(root: Path) -> Path:
    (root / "v1" / "sessions").mkdir(parents=True)
    (root / "v1" / "index.html").write_text(
        '<html><head><link rel="canonical" href="https://archive.example.org/ia/v1/index.html"></head><body>'
        '<a href="sessions/s1.html#presentation">s1</a> <a href="sessions/s1.html#nowhere">bad anchor</a> '
        '<a href="sessions/absent.html">missing</a> <a href="/ia/v1/index.html">root path</a> '
        '<a href="https://www.example.com/other">a foreign site</a></body></html>', encoding="utf-8")
    (root / "v1" / "sessions" / "s1.html").write_text(
        '<html><body><h1 id="presentation">P</h1><a href="../index.html">home</a>'
        '<a href="mailto:corrections@archive-ia-sante.invalid">write</a></body></html>', encoding="utf-8")
    (root / "v1" / "series.ics").write_text(
        "BEGIN:VCALENDAR\r\nURL:https://archive.example.org/ia/v1/sessions/s\r\n 1.html\r\nEND:VCALENDAR\r\n",
        encoding="utf-8")
    (root / "v1" / "s1.bib").write_text("@misc{k, url = {https://archive.example.org/ia/v1/sessions/s2.html}}\n",
                                        encoding="utf-8")
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://elsewhere.example.net/sitemap.xml</loc></sitemap></sitemapindex>", encoding="utf-8")
    (root / "index.html").write_text('<a href="v1/index.html">v1</a>', encoding="utf-8")
    return root


def test_address_check_reports_each_wrong_address_with_its_file(tmp_path: Path) -> None:
    out = _tree(tmp_path / "site")
    report = CheckReport()
    check_addresses(out, SITE, report)
    found = sorted((b.file, b.link, b.key) for b in report.broken)
    assert found == [
        ("sitemap.xml", "https://elsewhere.example.net/sitemap.xml", "publish-foreign-address"),
        ("v1/s1.bib", "https://archive.example.org/ia/v1/sessions/s2.html", "publish-missing-address"),
        ("v1/sessions/s1.html", "mailto:corrections@archive-ia-sante.invalid", "publish-placeholder"),
    ]
    # The folded iCal line, the canonical link and the root-path link resolve; counted as checked.
    assert report.addresses == 4
    bib = next(b for b in report.broken if b.file == "v1/s1.bib")
    assert bib.render("fr") == ("v1/s1.bib : l’adresse « https://archive.example.org/ia/v1/sessions/s2.html » ne "
                                "correspond à aucun fichier du site publié")


def test_link_check_reports_the_page_and_the_link(tmp_path: Path) -> None:
    out = _tree(tmp_path / "site")
    report = CheckReport()
    check_links(out, report, lambda line: None)
    found = sorted((b.file, b.link, b.key) for b in report.broken)
    assert found == [("v1/index.html", "sessions/absent.html", "publish-broken-link"),
                     ("v1/index.html", "sessions/s1.html#nowhere", "publish-missing-anchor")]
    assert report.pages == 3 and report.links >= 3
    message = report.broken[0].render("fr")
    assert message.startswith("v1/index.html : le lien « sessions/absent.html »")


def test_an_address_published_last_time_must_still_be_served(tmp_path: Path) -> None:
    out = _tree(tmp_path / "site")
    vanished = vanished_since(["# addresses.txt", "v1/index.html", "v1/sessions/gone.html", ""], out)
    assert [(b.link, b.key) for b in vanished] == [("v1/sessions/gone.html", "publish-vanished")]
    assert "docs/redirects.yaml" in vanished[0].render("fr")


# --- the whole publication, from a git history with two releases ------------------------------

@pytest.mark.slow
def test_publish_builds_every_version_and_checks_it_clean(published_site: tuple[Path, Path, str]) -> None:
    _repo, out, stdout = published_site
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["2026.1", "2026.2", "latest", "main"]
    for name in ("index.html", "404.html", "sitemap.xml", "switcher.json", "robots.txt", "addresses.txt",
                 ".nojekyll"):
        assert (out / name).is_file(), name
    assert (out / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == "Sitemap: " + SITE_PUBLISHED + \
        "sitemap.xml"
    addresses = (out / "addresses.txt").read_text(encoding="utf-8").splitlines()
    assert "2026.1/sessions/ser-02.html" in addresses and "latest/sessions/ser-deux.html" in addresses
    assert not any(a.startswith("2026.1/_static/") for a in addresses)
    # The summary: pages, links and addresses checked, nothing broken.
    summary = stdout.splitlines()[0]
    assert summary.startswith("vérifié : ") and summary.endswith("; 0 problème(s)"), stdout
    numbers = [int(word) for word in summary.replace(",", " ").split() if word.isdigit()]
    assert all(n > 0 for n in numbers[:4]), summary
    # Nothing published names the placeholder (the corrections link is dropped, not kept).
    for file in out.rglob("*.html"):
        assert "archive-ia-sante.invalid" not in file.read_text(encoding="utf-8"), file
    # Checked again with the previous publication's list, one address more: it is reported.
    report = check_tree(out, SITE_PUBLISHED, previous=[*addresses, "2026.1/sessions/ser-99.html"], links=False)
    assert [(b.link, b.key) for b in report.broken] == [("2026.1/sessions/ser-99.html", "publish-vanished")]


SITE_PUBLISHED = "https://archive.example.org/ia/"


# --- the deployment recipes -------------------------------------------------------------------

def _nox_sessions() -> set[str]:
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)
            and any("nox.session" in ast.unparse(d) for d in node.decorator_list)}


def test_the_recipes_run_the_publish_session_and_upload_its_folder() -> None:
    assert {"publish", "preview", "check", "serve", "versions"} <= _nox_sessions()
    github = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = github[True] if True in github else github["on"]  # YAML 1.1 reads "on" as true
    assert triggers["push"]["branches"] == ["main"] and triggers["push"]["tags"]
    steps = [step for job in github["jobs"].values() for step in job.get("steps", [])]
    runs = "\n".join(str(step.get("run", "")) for step in steps)
    assert "nox -s publish" in runs and "ARCHIVE_BASE_URL" in runs
    assert "vars.ARCHIVE_BASE_URL" in json.dumps(github)
    uploads = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-pages-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "build/publish"
    assert any(str(step.get("uses", "")).startswith("actions/deploy-pages") for step in steps)
    assert github["jobs"]["build"]["steps"][0]["uses"].startswith("actions/checkout")
    assert github["jobs"]["build"]["steps"][0]["with"]["fetch-depth"] == 0  # every release's commit
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = gitlab["pages"]
    script = "\n".join(pages["script"])
    assert "nox -s publish" in script and "build/publish" in script and pages["artifacts"]["paths"] == ["public"]
    assert pages["variables"]["GIT_DEPTH"] == 0
    docs = (REPO / "docs" / "publishing.md").read_text(encoding="utf-8")
    for needed in ("error_page 404", "ErrorDocument 404", "text/x-bibtex", "application/x-research-info-systems",
                   "text/calendar", "application/atom+xml", "application/json"):
        assert needed in docs, needed


def test_check_options_go_where_people_type_them(tmp_path: Path) -> None:
    after = archive("check", "--lang", "en", "docs/sessions/ia-sante-01.md", cwd=REPO)
    assert after.returncode == 0 and after.stdout.startswith("no problems ("), after.stderr
    assert archive("--lang", "en", "check", cwd=REPO).stdout.startswith("no problems (")
    shown = archive("check", "--help", cwd=REPO).stdout
    assert "--lang {fr,en}" in shown and "--docs" in shown
    new_help = archive("new", "session", "--help", cwd=REPO).stdout
    for option in ("--series", "--date", "--title", "--number", "--id", "--source", "--moderator", "--speaker",
                   "--theme", "--lang", "--docs"):
        assert option in new_help, option
    assert "exemple :" in new_help and "archive new session --series ia-sante" in new_help
    # Every option has its help line (argparse prints the option alone when it has none).
    parser_lines = [line.strip() for line in new_help.splitlines() if line.strip().startswith("--")]
    assert all(len(line.split(None, 2)) >= 2 for line in parser_lines), parser_lines


def test_preview_serves_at_the_sites_path_on_a_free_port(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "main").mkdir(parents=True)
    (site / "index.html").write_text("racine", encoding="utf-8")
    (site / "main" / "index.html").write_text("main", encoding="utf-8")
    (site / "404.html").write_text("page introuvable", encoding="utf-8")
    (site / "switcher.json").write_text(json.dumps([{"url": "/ia/main/", "version": "main"}]), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "seminar_archive.preview", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        address = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert address.startswith("http://127.0.0.1:") and address.endswith("/ia/"), line
        from urllib.error import HTTPError
        from urllib.request import urlopen
        with urlopen(address + "main/") as response:
            assert response.read() == b"main"
        with pytest.raises(HTTPError) as missing:
            urlopen(address + "nowhere.html")
        assert missing.value.code == 404 and missing.value.read() == b"page introuvable"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_sites_conf_silences_opengraphs_matplotlib_line() -> None:
    """sphinxext-opengraph prints a line about matplotlib when imported without it; conf.py imports it quietly."""
    code = ("import runpy, sys; sys.path.insert(0, 'docs'); runpy.run_path('docs/conf.py'); "
            "import sphinxext.opengraph")
    finished = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "matplotlib" not in finished.stdout + finished.stderr


def test_a_bad_date_is_one_problem_and_a_second_error_is_not_hidden(tmp_path: Path) -> None:
    """A page too broken to read still cites its people and organisations: they are not reported
    as unused (consequences are not causes), and each of its own errors is reported at once."""
    import shutil
    docs = tmp_path / "repo" / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("_build"))
    page = docs / "sessions" / "ia-sante-02.md"
    text = page.read_text(encoding="utf-8")
    assert '  date: "2021-09-07"\n' in text and "  number: 2\n" in text
    page.write_text(text.replace('  date: "2021-09-07"', '  date: "2021-13-05"'), encoding="utf-8")
    one = archive("check", cwd=tmp_path / "repo")
    assert (one.stderr.splitlines(), one.stdout.splitlines()) == ([
        "docs/sessions/ia-sante-02.md:8: « date » n’est pas une date réelle écrite AAAA-MM-JJ : '2021-13-05' "
        "[archive.bad-date]"], ["1 problème trouvé"]), one.stderr
    page.write_text(text.replace('  date: "2021-09-07"', '  date: "2021-13-05"').replace("  number: 2\n",
                                                                                      "  number: deux\n"),
                    encoding="utf-8")
    two = archive("check", cwd=tmp_path / "repo")
    assert [line.rsplit("[", 1)[-1] for line in two.stderr.splitlines()] == [
        "archive.bad-value]", "archive.bad-date]"], two.stderr
    assert two.stdout.splitlines() == ["2 problèmes trouvés"]


def test_the_names_of_a_broken_page_are_read_in_bounded_time() -> None:
    """YAML aliases can make a few lines a tree of a billion nodes: reading who a broken page
    names stops early rather than hang."""
    from seminar_archive.mentions import mentioned_ids
    levels = ["a0: &a0 [{person: ada-dupont, organisations: [lab]}]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    text = "---\narchive:\n  kind: session\n  date: 2021-13-05\n" + "".join(f"  {line}\n" for line in levels) + "---\n"
    assert mentioned_ids(text) == ({"ada-dupont"}, {"lab"})
