"""Atomic file writes: a reader sees the old file or the new one, never a torn one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_lines(path: str | os.PathLike[str], lines: Iterable[str]) -> None:
    """Write lines (each without its newline) as one atomic file."""
    atomic_write_text(path, "".join(f"{line}\n" for line in lines))


def safe_append_lines(path: str | os.PathLike[str], lines: Iterable[str]) -> None:
    """Append lines without touching existing bytes; a failure truncates back to the old length.

    The new block is built in memory first so that one write call adds it; if anything fails
    the file is cut back to its previous size, so what was there is never rewritten or lost.
    """
    target = Path(path)
    block = "".join(f"{line}\n" for line in lines).encode("utf-8")
    with open(target, "ab") as fh:
        start = fh.tell()
        try:
            if start > 0:
                with open(target, "rb") as rd:
                    rd.seek(start - 1)
                    if rd.read(1) != b"\n":
                        block = b"\n" + block
            fh.write(block)
            fh.flush()
            os.fsync(fh.fileno())
        except BaseException:
            fh.truncate(start)
            raise
