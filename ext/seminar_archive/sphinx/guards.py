"""Nothing a page says leaves the project: files from outside, live addresses, redirects.

The directives that read files (``include``, ``literalinclude``, ``raw``, ``csv-table``), in
Markdown and in ``{eval-rst}`` alike, are replaced by guards that ask the core's one rule
(:mod:`seminar_archive.containment`) before the real directive runs; a refused file is not
opened. Then, on the parsed page and before Sphinx collects images and downloads, every node
that names an address or a file goes through :mod:`seminar_archive.doctreecheck`: a refused one
is reported at its line and neutralised. Configuration values that become links are checked
when the configuration is read; symlinked pages that lead out of the tree are never read.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from docutils.parsers.rst.directives.misc import Include as DocutilsInclude
from docutils.parsers.rst.directives.misc import Raw
from myst_parser.mocking import MockIncludeDirective, MockState
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include as SphinxInclude
from sphinx.directives.patches import CSVTable
from sphinx.transforms import SphinxTransform

from ..addresses import config_address_problems, is_safe_address
from ..addresses import shown as shown_address
from ..containment import inside, outside_links, readable_inside
from ..diagnostics import Diagnostics, Problem
from ..doctreecheck import Finding, LocatedMeta, findings, node_line
from ..messages import MessageKey
from .config import settings_of
from .emit import report, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

def _argument(text: str) -> str:
    """A path argument as docutils reads it: lines joined, spaces at their ends dropped."""
    return "".join(part.strip() for part in text.splitlines())


class _Guard(Directive):  # type: ignore[misc]
    """Shared by the guards: where the directive is, and the refusal."""

    def _where(self) -> str:
        source, line = self.state_machine.get_source_and_line(self.lineno)
        return f"{source}:{line}" if line else str(source)

    def _refuse(self, key: MessageKey, problem: Problem = Problem.OUTSIDE_FILE, **args: object) -> list[nodes.Node]:
        warn(self.state.document.settings.env, problem, key, args, self._where())
        return []

    def _docs(self) -> tuple[Path, Path]:
        """The docs root, and the folder of the page being read (where Sphinx starts relative paths)."""
        env = self.state.document.settings.env
        return Path(env.srcdir), Path(env.doc2path(env.current_document.docname)).parent

    def _source_dir(self) -> Path:
        """The folder of the file being parsed (where docutils starts relative paths)."""
        return Path(os.path.abspath(self.state.document.current_source or "")).parent


class GuardedInclude(_Guard):
    """``include``: the file is inside the docs tree, or nothing is read. Not a subclass of
    docutils' Include, so that MyST runs this guard rather than its own reader; the reading is
    then handed to MyST's reader (Markdown) or Sphinx's (reStructuredText), as before."""

    required_arguments = DocutilsInclude.required_arguments
    optional_arguments = DocutilsInclude.optional_arguments
    final_argument_whitespace = DocutilsInclude.final_argument_whitespace
    # MyST's own Markdown options (relative-images …), which it adds to include directives.
    option_spec: ClassVar[dict[str, Any]] = {**SphinxInclude.option_spec, "relative-images": directives.flag,
                                             "relative-docs": directives.path,
                                             "heading-offset": directives.nonnegative_int}
    has_content = SphinxInclude.has_content

    def run(self) -> list[nodes.Node]:
        requested = _argument(self.arguments[0])
        root, page_dir = self._docs()
        if requested.startswith("<") and requested.endswith(">"):
            standard = Path(DocutilsInclude.standard_include_path)
            allowed = inside(standard, standard / requested[1:-1])
        else:
            allowed = readable_inside(root, page_dir, requested)
        if not allowed:
            return self._refuse("outside-file", path=shown_address(requested))
        if isinstance(self.state, MockState):
            # MyST's reader, as MyST runs it for an include directive (its renderer is its state's).
            renderer = self.state._renderer  # a private attribute of myst-parser 5.2
            reader = MockIncludeDirective(renderer, name=self.name, klass=SphinxInclude, arguments=self.arguments,
                                          options=self.options, body=list(self.content), lineno=self.lineno)
            return list(reader.run())
        sphinx_include = SphinxInclude(self.name, self.arguments, self.options, self.content, self.lineno,
                                       self.content_offset, self.block_text, self.state, self.state_machine)
        return list(sphinx_include.run())


class GuardedLiteralInclude(LiteralInclude, _Guard):
    def run(self) -> list[nodes.Node]:
        requested = _argument(self.arguments[0])
        root, page_dir = self._docs()
        if not readable_inside(root, page_dir, requested):
            return self._refuse("outside-file", path=shown_address(requested))
        # Sphinx opens :diff:'s file as written: from the working folder, or the file system's root.
        diff = _argument(str(self.options.get("diff", "")))
        if diff and not readable_inside(root, Path.cwd(), diff, rooted=False):
            return self._refuse("outside-file", path=shown_address(diff))
        return list(super().run())


class _FileOption(_Guard):
    """``:file:`` inside the tree (``rooted``: a leading "/" is the docs root); ``:url:`` never:
    a page does not make the build fetch an address."""

    rooted = True

    def _check(self) -> list[nodes.Node] | None:
        if "url" in self.options:
            return self._refuse("outside-fetch", name=self.name, address=shown_address(str(self.options["url"])))
        if "file" in self.options:
            requested = _argument(str(self.options["file"]))
            root, page_dir = self._docs()
            base = page_dir if self.rooted and requested.startswith("/") else self._source_dir()
            if not readable_inside(root, base, requested, rooted=self.rooted):
                return self._refuse("outside-file", path=shown_address(requested))
        return None


class GuardedRaw(Raw, _FileOption):  # type: ignore[misc]
    rooted = False  # docutils' raw reads an absolute path from the file system's root

    def run(self) -> list[nodes.Node]:
        refused = self._check()
        return refused if refused is not None else list(super().run())


class GuardedCSVTable(CSVTable, _FileOption):
    def run(self) -> list[nodes.Node]:
        refused = self._check()
        return refused if refused is not None else list(super().run())


class AddressTransform(SphinxTransform):
    """Every address and file a parsed page names, whatever its syntax, through the policies.
    After docutils resolves link targets into references (640); before Sphinx collects images
    and downloads (``doctree-read``, after every transform)."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        root = Path(self.env.srcdir)
        page_dir = Path(self.env.doc2path(self.env.current_document.docname)).parent
        hosts = tuple(str(host) for host in settings_of(self.config).image_hosts)
        for finding in findings(self.document, root, page_dir, hosts):
            if not finding.repeated:
                warn(self.config, finding.problem, finding.key, finding.args, _location(finding, self.document))
            _neutralise(finding.node)


def _location(finding: Finding, document: nodes.document) -> str:
    """The file and line of a refused node. A node with no line of its own or around it comes
    from the page's front matter (MyST's ``html_meta``): the page, line 1, as the check says."""
    line = node_line(finding.node)
    if not line:
        return f"{document.get('source', '')}:1"
    current: nodes.Node | None = finding.node
    source = ""
    while current is not None and not source:
        source = str(getattr(current, "source", None) or "")
        current = current.parent
    return f"{source or document.get('source', '')}:{line}"


def _neutralise(node: nodes.Element) -> None:
    """The node's text stays; what it pointed at goes."""
    if node.parent is None:
        return
    if node.tagname == "toctree":
        node["entries"] = [(title, ref) for title, ref in node["entries"]
                           if ref in node.get("includefiles", ()) or ref == "self" or is_safe_address(str(ref))]
    elif isinstance(node, nodes.image):
        alt = str(node.get("alt", ""))
        node.replace_self(nodes.inline(alt, alt, classes=["archive-refused"]) if alt else [])
    elif isinstance(node, nodes.TextElement | nodes.reference) and node.children:
        node.replace_self(nodes.inline("", "", *node.children, classes=["archive-refused"]))
    else:
        node.parent.remove(node)


# --- configuration and symlinks --------------------------------------------------------------

def check_configuration(app: Sphinx, config: Config) -> None:
    """Configuration values that become links: a located error at conf.py, and the value unused."""
    conf = Path(app.confdir) / "conf.py"
    try:
        conf_text = conf.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        conf_text = ""
    values = {name: getattr(config, name, None) for name in ("archive_corrections_to", "archive_site_url",
                                                             "html_baseurl")}
    values["html_theme_options"] = getattr(config, "html_theme_options", {})
    diagnostics = Diagnostics()
    for name, key in config_address_problems(values, conf_text, diagnostics):
        if key is None:
            setattr(config, name, "")
        else:
            options = dict(getattr(config, name))
            options.pop(key, None)
            setattr(config, name, options)
    for diagnostic in diagnostics:
        report(config, diagnostic, conf)


def exclude_outside_links(app: Sphinx, config: Config) -> None:
    """A page, folder or static file that is a symlink out of the tree is never read or copied
    (the loader reports each link, for the build and ``archive check`` alike)."""
    srcdir = Path(app.srcdir)
    links = list(outside_links(srcdir))
    if not links:
        return
    bibfiles = getattr(config, "bibtex_bibfiles", None)
    if isinstance(bibfiles, list):  # sphinxcontrib-bibtex's references.bib
        config.bibtex_bibfiles = [name for name in bibfiles if inside(srcdir, Path(app.confdir) / name)]
    patterns = list(config.exclude_patterns)
    for link in links:
        patterns += [glob.escape(link), glob.escape(link) + "/**"]
    config.exclude_patterns = patterns
    # Static and extra files are copied with their own folder as the root of their patterns.
    for folder in [*config.html_static_path, *getattr(config, "html_extra_path", [])]:
        base = Path(app.confdir) / folder
        for link in links:
            if (srcdir / link).is_relative_to(base):
                relative = glob.escape((srcdir / link).relative_to(base).as_posix())
                # Sphinx matches a static folder's own files as "./name".
                config.exclude_patterns += [relative, f"./{relative}"]


def setup_guards(app: Sphinx) -> None:
    for name, guard in (("include", GuardedInclude), ("literalinclude", GuardedLiteralInclude),
                        ("raw", GuardedRaw), ("csv-table", GuardedCSVTable), ("meta", LocatedMeta)):
        app.add_directive(name, guard, override=True)
    app.add_transform(AddressTransform)
    # archive_image_hosts: settings.py.
    app.connect("config-inited", check_configuration, priority=400)
    app.connect("config-inited", exclude_outside_links, priority=400)
