"""The standards of archives and libraries (Dublin Core, OAI-PMH, DataCite, MODS), each from the model alone."""
