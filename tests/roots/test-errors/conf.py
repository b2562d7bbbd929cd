extensions = ["myst_parser", "seminar_archive"]
language = "fr"
smartquotes = False
exclude_patterns = ["_build"]
# The tests read the English messages; archivists get French by default.
archive_language = "en"
