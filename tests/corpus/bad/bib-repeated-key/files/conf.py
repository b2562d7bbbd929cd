extensions = ["myst_parser", "seminar_archive", "sphinxcontrib.bibtex"]
language = "fr"
smartquotes = False
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_theme_options = {"show_navbar_depth": 1, "collapse_navbar": True}
archive_language = "en"
bibtex_bibfiles = ["references.bib"]
