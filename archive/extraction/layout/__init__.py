"""Reading a news file: bytes to text, repaired, re-flowed, stories split, metadata and body, sentences."""
