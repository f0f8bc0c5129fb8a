"""What a reader raises for a file it cannot read: the cause, as ReadError shows it.

In a module of its own so that `read_source` can catch it without importing the
readers, whose libraries (pdfminer, python-docx, lxml) load only when a file of
their kind comes.
"""


class Unreadable(ValueError):
    """The cause of a file a reader cannot turn into text."""
