class CurationError(Exception):
    """A curator's request that the rules refuse; the message says why, for the person who asked."""
