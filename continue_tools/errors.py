"""Errors the CLI turns into one-line messages and a non-zero exit (never a traceback)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user (a ref, path, file or option); the message names what is wrong."""

    exit_code = 2
