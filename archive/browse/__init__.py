"""The reading side of the archive: selectors, search, exports and chart geometry behind the public pages."""
