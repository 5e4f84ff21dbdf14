"""Static discovery: config, ignore rules, libcst scan, import graph and the `uses` plan order."""

from .config import Config, load_config
from .discover import Discovery, Source, discover, used_ids

__all__ = ["Config", "Discovery", "Source", "discover", "load_config", "used_ids"]
