"""Reading a news file: bytes to text, noise repaired, stories split, metadata and body, sentences."""
