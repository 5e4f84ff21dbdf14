"""Plan order and `uses` edges between contracts.

Rendering needs only the *manifests* of used contracts, which are all loaded before anything is
rendered, so a `uses` cycle never blocks generation: the order below is a stable topological order
(used before user) that breaks cycles by id and reports them, so `discover` can show them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def order_by_uses(uses: Mapping[str, Sequence[str]]) -> tuple[list[str], list[list[str]]]:
    """Ids ordered so used contracts come first (ties by id), and the cycles that were broken."""
    pending = sorted(uses)
    known = set(pending)
    placed: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []
    while pending:
        ready = [i for i in pending if all(d in done or d not in known or d == i for d in uses[i])]
        if not ready:
            cycle = _cycle_from(pending[0], uses, done)
            cycles.append(cycle)
            ready = [pending[0]]
        for ident in ready:
            placed.append(ident)
            done.add(ident)
        pending = [i for i in pending if i not in done]
    return placed, cycles


def _cycle_from(start: str, uses: Mapping[str, Sequence[str]], done: set[str]) -> list[str]:
    path: list[str] = []
    current = start
    while current not in path:
        path.append(current)
        current = next(
            d for d in sorted(uses[current]) if d in uses and d not in done and d != current
        )
    return path[path.index(current) :]


def dependents(uses: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    """id → ids of the contracts whose SDK embeds it (direct users; rendering embeds only direct
    dependencies' surfaces, so no transitive closure is needed)."""
    users: dict[str, set[str]] = {i: set() for i in uses}
    for user, used in uses.items():
        for ident in used:
            if ident != user:
                users.setdefault(ident, set()).add(user)
    return users
