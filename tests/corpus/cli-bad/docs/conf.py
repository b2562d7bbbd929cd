# A corpus of bad pages for the archive command's tests (built by Sphinx once, to compare what
# the build says of the roles in a page's text with what the command says).
extensions = ["myst_parser", "seminar_archive", "sphinxcontrib.bibtex"]
language = "fr"
bibtex_bibfiles = ["references.bib"]
