// The JavaScript citation clients, run on the archive's files by tests/test_js_clients.py.
//   node clients.cjs parse FILE...    citation-js reads each file (.bib, .biblatex.bib, .ris,
//                                     .csl.json) and prints the CSL items it makes of it
//   node clients.cjs render FILE...   citeproc-js renders each CSL-JSON file with the official
//                                     APA, Chicago author-date and ISO 690 (French) styles, in fr-FR
// Output: one JSON object on stdout, keyed by file (and by style for "render").
"use strict";

const fs = require("fs");
const path = require("path");
const { Cite, plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-csl");
const CSL = require("citeproc");

const HERE = __dirname;
const STYLES = {
  apa: "apa.csl",
  "chicago-author-date": "chicago-author-date.csl",
  "iso690-author-date-fr": "iso690-author-date-fr.csl",
};

function inputType(file) {
  if (file.endsWith(".csl.json")) return "@csl/list+object";
  if (file.endsWith(".ris")) return "@ris/file";
  // sessions/ia-sante-02.biblatex.bib, data/series-biblatex.bib
  if (file.endsWith(".bib") && path.basename(file).includes("biblatex")) return "@biblatex/text";
  if (file.endsWith(".bib")) return "@bibtex/text";
  throw new Error(`no reader for ${file}`);
}

function parse(file) {
  const text = fs.readFileSync(file, "utf8");
  const type = inputType(file);
  const data = type === "@csl/list+object" ? JSON.parse(text) : text;
  // citation-js's own output, the way a user of the library gets it.
  const cite = new Cite(data, { forceType: type });
  const items = cite.data.map(({ _graph, ...item }) => item); // _graph: citation-js's own trace
  // citation-js's own templates (APA, Vancouver, Harvard), as its users print a file.
  const templates = {};
  for (const template of ["apa", "vancouver", "harvard1"]) {
    templates[template] = cite.format("bibliography", { format: "text", template, lang: "en-US" }).trim();
  }
  return { items, apa: templates.apa, templates };
}

function locale(lang) {
  return fs.readFileSync(path.join(HERE, "csl", `locales-${lang}.xml`), "utf8");
}

function render(file) {
  const items = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = Object.fromEntries(items.map((item) => [item.id, item]));
  const out = {};
  for (const [name, styleFile] of Object.entries(STYLES)) {
    const style = fs.readFileSync(path.join(HERE, "csl", styleFile), "utf8");
    const engine = new CSL.Engine(
      { retrieveLocale: locale, retrieveItem: (id) => byId[id] },
      style,
      "fr-FR",
      true, // force the fr-FR locale over the style's default
    );
    engine.setOutputFormat("text");
    engine.updateItems(Object.keys(byId));
    const [, entries] = engine.makeBibliography();
    out[name] = entries.map((entry) => entry.trim());
  }
  return out;
}

function main() {
  const [command, ...files] = process.argv.slice(2);
  const run = { parse, render }[command];
  if (!run) {
    process.stderr.write("usage: node clients.cjs parse|render FILE...\n");
    process.exit(2);
  }
  // citation-js reports what it cannot read through console.warn: keep it apart from the JSON.
  const warnings = [];
  console.warn = (...args) => warnings.push(args.join(" "));
  const result = {};
  for (const file of files) result[file] = run(file);
  process.stdout.write(JSON.stringify({ result, warnings }, null, 1) + "\n");
}

main();
