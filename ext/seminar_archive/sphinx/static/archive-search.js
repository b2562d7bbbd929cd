// The search page: Pagefind's UI in French, one result per page, its filters open, and the
// address search.html?q=… searching for q (other sites and readers link to it).
(function () {
  "use strict";
  // Begins the hidden line of what readers type for an item (sitesearch.py: TERMS_MARKER).
  const MARKER = "\u2042";
  const EXCERPT_WORDS = 24;

  // Pagefind cuts an excerpt where the query's words are densest, often in the hidden line of
  // names and dates: cut it from the page's own text, before that line, where its words are.
  function ownExcerpt(result) {
    const raw = result.raw_content || "";
    const words = raw.includes("\u200B") ? raw.split("\u200B") : raw.split(/[\r\n\s]+/g);
    const end = words.indexOf(MARKER);
    if (end < 0) return result;
    const scores = new Map();
    for (const place of result.weighted_locations || []) {
      if (place.location < end) scores.set(place.location, (scores.get(place.location) || 0) + place.balanced_score);
    }
    const length = Math.min(EXCERPT_WORDS, end);
    let start = 0;
    let best = -1;
    for (const location of scores.keys()) {
      const from = Math.max(0, Math.min(location - 3, end - length));
      let sum = 0;
      for (const [other, score] of scores) if (other >= from && other < from + length) sum += score;
      if (sum > best) { best = sum; start = from; }
    }
    // The words are Pagefind's, already escaped for HTML (it shows excerpts as markup).
    result.excerpt = words.slice(start, start + length)
      .map((word, i) => (scores.has(start + i) ? `<mark>${word}</mark>` : word)).join(" ");
    return result;
  }

  function start() {
    const holder = document.getElementById("archive-search");
    if (!holder || typeof PagefindUI === "undefined") return;
    // Absolute: Pagefind imports its scripts from it, and a bare "pagefind/" is not an address.
    const bundle = new URL(holder.dataset.bundle, document.baseURI).href;
    const ui = new PagefindUI({
      element: "#archive-search",
      bundlePath: bundle,
      pageSize: 10,
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      openFilters: ["type", "année"],
      excerptLength: EXCERPT_WORDS,
      processResult: ownExcerpt,
      translations: {
        placeholder: "Rechercher dans l’archive",
        search_label: "Rechercher dans l’archive",
        clear_search: "Effacer",
        load_more: "Plus de résultats",
        filters_label: "Filtres",
        zero_results: "Aucun résultat pour « [SEARCH_TERM] » : essayez un autre mot, un nom ou une date (octobre 2021)",
        many_results: "[COUNT] résultats pour « [SEARCH_TERM] »",
        one_result: "[COUNT] résultat pour « [SEARCH_TERM] »",
        alt_search: "Aucun résultat pour « [SEARCH_TERM] ». Résultats pour « [DIFFERENT_TERM] »",
        search_suggestion: "Aucun résultat pour « [SEARCH_TERM] ». Essayez :",
        searching: "Recherche de « [SEARCH_TERM] »…",
      },
    });
    // Pagefind names its field by a title only, which screen readers may skip (axe: label-title-only).
    const named = () => {
      const input = holder.querySelector(".pagefind-ui__search-input");
      if (input) input.setAttribute("aria-label", "Rechercher dans l’archive");
      return Boolean(input);
    };
    if (!named()) requestAnimationFrame(named);
    const query = new URLSearchParams(window.location.search).get("q");
    // Pagefind counts a search's filters from the filter index it has loaded so far; a search
    // that ends first gets none, and its UI then shows the whole archive's counts beside the
    // search's results. Load that index first (the same module, so the same index as the UI's).
    const filtersLoaded = import(`${bundle}pagefind.js`)
      .then((pagefind) => pagefind.options({ excerptLength: EXCERPT_WORDS }).then(() => pagefind.filters()))
      .catch(() => null);
    if (query) filtersLoaded.then(() => ui.triggerSearch(query));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
