"""`prepare --watch`: a pure batch decision (`decide`) and the watchfiles loop (`loop`)."""

from .decide import Change, Decision, WatchPlan, decide

__all__ = ["Change", "Decision", "WatchPlan", "decide"]
