"""The repository workflow: discover → load → render (cached by content) → write or compare."""

from .run import Options, Outcome, Report, Session, prepare
from .toolchain import Toolchain

__all__ = ["Options", "Outcome", "Report", "Session", "Toolchain", "prepare"]
