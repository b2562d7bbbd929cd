// On the 404 page of a versioned archive: look for the missing page in the other versions
// (listed in switcher.json) and offer the ones that have it.
(function () {
  "use strict";
  async function findElsewhere(box) {
    const switcherUrl = box.dataset.switcher;
    let versions;
    try {
      versions = await (await fetch(switcherUrl)).json();
    } catch (err) {
      box.textContent = "La liste des versions de l’archive n’a pas pu être lue.";
      return;
    }
    const root = switcherUrl.slice(0, switcherUrl.lastIndexOf("/") + 1);
    let rest = window.location.pathname.startsWith(root) ? window.location.pathname.slice(root.length) : "";
    const first = rest.split("/")[0];
    const known = versions.map((v) => v.version).concat(["latest"]);
    if (known.includes(first)) {
      rest = rest.slice(first.length + 1);
    }
    const found = [];
    for (const version of versions) {
      const candidate = version.url + rest;
      try {
        const response = await fetch(candidate, { method: "HEAD" });
        if (response.ok) {
          found.push([version, candidate]);
        }
      } catch (err) {
        // An unreachable version is simply not offered.
      }
    }
    box.replaceChildren();
    const intro = document.createElement("p");
    if (!rest || found.length === 0) {
      intro.textContent = "Cette page n’existe dans aucune version de l’archive.";
      box.append(intro);
      return;
    }
    intro.textContent = "Cette page existe dans d’autres versions de l’archive :";
    const list = document.createElement("ul");
    for (const [version, url] of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = url;
      link.textContent = "version " + version.name;
      item.append(link);
      list.append(item);
    }
    box.append(intro, list);
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".archive-other-versions[data-switcher]").forEach(findElsewhere);
  });
})();
