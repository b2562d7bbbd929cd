extensions = ["myst_parser", "seminar_archive"]
language = "fr"
smartquotes = False
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_theme_options = {"show_navbar_depth": 1, "collapse_navbar": True}
# The tests read the English messages; archivists get French by default.
archive_language = "en"
