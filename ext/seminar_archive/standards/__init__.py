"""Records in the standards of archives and libraries (DataCite, MODS, ...): from the model alone."""
