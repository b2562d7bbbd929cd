"""The Sphinx side of the archive: wiring only. Each feature lives in its own module with its
own ``setup_<feature>(app)``; ``setup`` calls them.

The order below is the order in which handlers of one event and one priority run (Sphinx keeps
the order they were connected in): the settings first, the build's lifecycle before the
features that read the model it loads, and the head of a page (citation, feeds) before the
theme's mends, as they were written when one handler did all three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import __version__
from .bagdigests import setup_bag_digests
from .bibliography import setup_bibliography
from .citecopy import setup_citation_copy
from .citestyles import setup_cite_styles
from .citing import setup_citation_head
from .config import setup_settings
from .configcheck import setup_config_check
from .directives import setup_directives
from .domain import setup_domain
from .eaccpf import setup_eaccpf
from .encoding import setup_encoding
from .exports import setup_feed_links
from .follow import setup_follow
from .guards import setup_guards
from .harvest import setup_harvest
from .home import setup_home
from .lifecycle import setup_lifecycle
from .lightpages import setup_light_pages
from .pagemeta import setup_pagemeta
from .pagetitle import setup_page_title
from .perf import setup_perf
from .publishing import setup_publishing
from .reader import setup_reader
from .readernav import setup_reader_navigation
from .roles import setup_roles
from .searchfr import setup_french_search
from .signposting import setup_signposting
from .sitechecks import setup_site_checks
from .sitesearch import setup_site_search
from .standards import setup_standards
from .theme import setup_theme
from .transform import setup_transforms
from .typography import setup_typography
from .versioning import setup_versioning

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    setup_settings(app)
    setup_encoding(app)
    setup_versioning(app)
    setup_home(app)
    setup_lifecycle(app)
    setup_french_search(app)
    setup_domain(app)
    setup_roles(app)
    setup_directives(app)
    setup_transforms(app)
    setup_reader(app)
    setup_perf(app)
    setup_citation_head(app)
    setup_feed_links(app)
    setup_theme(app)
    setup_guards(app)
    setup_pagemeta(app)
    setup_bibliography(app)
    setup_site_checks(app)
    setup_config_check(app)
    setup_light_pages(app)
    setup_reader_navigation(app)
    setup_publishing(app)
    setup_page_title(app)
    setup_site_search(app)
    setup_standards(app)
    setup_follow(app)
    setup_citation_copy(app)
    setup_harvest(app)
    setup_cite_styles(app)
    setup_signposting(app)
    setup_bag_digests(app)
    setup_eaccpf(app)
    setup_typography(app)
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
