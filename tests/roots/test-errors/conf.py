extensions = ["myst_parser", "seminar_archive"]
language = "fr"
smartquotes = False
exclude_patterns = ["_build"]
