# A corpus of bad pages for the archive command's tests (never built by Sphinx in the tests).
extensions = ["myst_parser", "seminar_archive"]
language = "fr"
