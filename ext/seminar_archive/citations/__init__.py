"""Citations of archive items in the formats scholars use, each built from the model alone.

:mod:`.record` turns the model into format-neutral :class:`~.record.CitationRecord`s; one
module per format writes them (``bibtex``: classic BibTeX and biblatex, through pybtex;
``ris``; ``csl``: CSL-JSON; ``formatted``: a ready-to-paste citation through citeproc-py).
"""
