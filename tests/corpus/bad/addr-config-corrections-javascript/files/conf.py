+archive_corrections_to = "javascript://example.org/%0Aalert(1)"
