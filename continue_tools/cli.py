"""The `continue-tools` command: a thin click group; each subcommand lives in `continue_tools.commands`.

Commands are imported lazily (a command module that is absent is simply not offered), and every
`UserError` becomes one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .errors import UserError

# command name -> module under continue_tools.commands exposing `command`
COMMANDS = {
    "extract": "extract",
    "tools": "tools",
    "toolset": "toolset",
    "validate": "validate",
    "diff": "diff",
    "history": "history",
    "refresh": "refresh",
    "generate": "generate",
    "stats": "stats",
    "export": "export",
    "render": "render",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module_name = COMMANDS.get(name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(f"continue_tools.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"continue_tools.commands.{module_name}":
                return None
            raise
        return getattr(module, "command", None)


@click.group(cls=LazyGroup)
@click.version_option(package_name="continue-tools")
def cli() -> None:
    """Continue's LLM tools as a versioned registry, and fine-tuning datasets built from it."""


def run(args: list[str] | None = None, prog_name: str = "continue-tools") -> int:
    try:
        rv = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except UserError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get("CONTINUE_TOOLS_DEBUG"):
            raise
        click.echo(f"error: internal error: {type(exc).__name__}: {exc}", err=True)
        return 70
    return rv if isinstance(rv, int) else 0


def main() -> None:
    sys.exit(run())


def refresh_main() -> None:
    sys.exit(run(["refresh", *sys.argv[1:]], prog_name="refresh-tools"))
