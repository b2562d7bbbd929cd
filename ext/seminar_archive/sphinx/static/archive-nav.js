// The reader's navigation (seminar_archive.sphinx.readernav).
(function () {
  "use strict";

  // pydata-sphinx-theme >= 0.17 opens the navigation and page-contents dialogs only from the
  // first .primary-toggle / .secondary-toggle of the page (its issue 2451), and under
  // sphinx-book-theme the first one is hidden: the visible buttons did nothing. Each other
  // toggle hands its click to the one the theme listens to; on wide screens, where the
  // navigation is on screen already, the menu button hides or shows it, as the book theme's
  // stylesheet intends (.pst-sidebar-hidden).
  const WIDE = window.matchMedia("(min-width: 992px)");

  function bindToggles() {
    const sidebar = document.querySelector(".bd-sidebar-primary");
    for (const kind of ["primary", "secondary"]) {
      const toggles = Array.from(document.querySelectorAll(`.${kind}-toggle`));
      const bound = toggles[0];
      toggles.slice(1).forEach((toggle) => {
        if (kind === "primary") {
          toggle.setAttribute("aria-expanded", String(WIDE.matches));
        }
        toggle.addEventListener("click", (event) => {
          event.preventDefault();
          event.stopPropagation();
          if (kind === "primary" && sidebar && WIDE.matches) {
            const hidden = sidebar.classList.toggle("pst-sidebar-hidden");
            toggle.setAttribute("aria-expanded", String(!hidden));
            return;
          }
          bound.click();
          if (kind === "primary") {
            toggle.setAttribute("aria-expanded", "true");
          }
        });
      });
    }
    // The navigation dialog closed (Escape, a tap beside it): its buttons say so.
    const dialog = document.getElementById("pst-primary-sidebar-modal");
    if (dialog) {
      dialog.addEventListener("close", () => {
        document.querySelectorAll(".primary-toggle").forEach((toggle) => {
          if (toggle.hasAttribute("aria-expanded")) {
            toggle.setAttribute("aria-expanded", String(WIDE.matches && !(sidebar && sidebar.classList.contains("pst-sidebar-hidden"))));
          }
        });
      });
    }
  }

  // Switching version: the same page in that version if it has it, else the nearest page it
  // has (the page's section, then its home), and a word to the reader saying so.
  const MOVED = "archive-version-moved";

  async function exists(url) {
    try {
      return (await fetch(url, { method: "HEAD" })).ok;
    } catch (err) {
      return false;
    }
  }

  function pageTitle() {
    const heading = document.querySelector("article h1");
    if (!heading) {
      return document.title;
    }
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent.trim();
  }

  async function switchVersion(link) {
    const target = link.href;
    const page = `${DOCUMENTATION_OPTIONS.pagename}.html`;
    if (!target.endsWith(page)) {
      window.location.href = target;
      return;
    }
    const root = target.slice(0, target.length - page.length);
    const folders = DOCUMENTATION_OPTIONS.pagename.split("/").slice(0, -1);
    const candidates = [target];
    for (let depth = folders.length; depth > 0; depth--) {
      const section = `${root}${folders.slice(0, depth).join("/")}/index.html`;
      if (section !== target) {
        candidates.push(section);
      }
    }
    for (const candidate of candidates) {
      if (await exists(candidate)) {
        if (candidate !== target) {
          remember(link, candidate);
        }
        window.location.href = candidate;
        return;
      }
    }
    remember(link, root);
    window.location.href = root;
  }

  function remember(link, destination) {
    const version = link.dataset.version || link.textContent.trim();
    try {
      sessionStorage.setItem(MOVED, JSON.stringify({ title: pageTitle(), version, destination }));
    } catch (err) {
      // No storage (private mode): the reader still lands on the nearest page.
    }
  }

  function sayWhereWeLanded() {
    let moved;
    try {
      moved = JSON.parse(sessionStorage.getItem(MOVED) || "null");
      sessionStorage.removeItem(MOVED);
    } catch (err) {
      return;
    }
    if (!moved || new URL(moved.destination, window.location.href).href !== window.location.href) {
      return;
    }
    const article = document.querySelector("#main-content article") || document.querySelector("main");
    if (!article) {
      return;
    }
    const notice = document.createElement("p");
    notice.className = "archive-version-moved";
    notice.setAttribute("role", "status");
    notice.textContent = `La page « ${moved.title} » n’existe pas dans la version ${moved.version} de l’archive : ` +
      "voici la page la plus proche qui s’y trouve.";
    article.prepend(notice);
  }

  // The theme scrolls the sidebar to the current page's entry whenever that entry is below the
  // middle of the window, even when it is on screen: with the version notice above, the sidebar
  // opened scrolled, its title cut. Where the entry is on screen with the sidebar at its top,
  // the sidebar stays at its top, title whole.
  function keepSidebarTitle() {
    const sidebar = document.querySelector("div.bd-sidebar");
    const entries = sidebar ? sidebar.querySelectorAll(".bd-docs-nav .active") : [];
    if (!sidebar || sidebar.scrollTop === 0 || entries.length === 0) {
      return;
    }
    const entry = entries[entries.length - 1];
    if (entry.getBoundingClientRect().bottom + sidebar.scrollTop <= window.innerHeight) {
      sidebar.scrollTop = 0;
    }
  }

  // Before the theme's own handler on each entry (which falls back to the version's home only).
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest(".version-switcher__menu a[href]");
    if (!link) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    switchVersion(link);
  }, true);

  document.addEventListener("DOMContentLoaded", () => {
    bindToggles();
    sayWhereWeLanded();
    // After the theme's own handlers of this event (its script comes later in the page).
    window.setTimeout(keepSidebarTitle, 0);
  });
})();
