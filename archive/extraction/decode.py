"""Stage 1: bytes -> text. (stub, to be implemented)"""
from .records import InputError


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty file")
    return data.decode("utf-8")
