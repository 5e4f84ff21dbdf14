"""Console entry point: runs the typer app and turns user-facing failures into exit codes."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> None:
    from .commands import app

    try:
        app(args=argv, prog_name="trellis-generate")
    except KeyboardInterrupt:
        sys.exit(EXIT_OK)
    except OSError as exc:  # unreadable input, read-only output, disk full: a user problem
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(EXIT_INVALID)


if __name__ == "__main__":
    main()
