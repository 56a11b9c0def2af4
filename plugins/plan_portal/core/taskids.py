"""Stable task ids within a plan (issue 15).

A task keeps the document's own numbering when the editor wrote it (``id: II.3.1``);
otherwise its id is made from the first words of its text, so that adding, removing or
reordering other tasks never changes it. Two tasks that start with the same words get
``-2``, ``-3`` … in document order. Ids are compared in their folded form (``ii-3-1``),
so a report may write ``II.3.1`` or ``ii-3-1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .text import fold

__all__ = ["ID_WORDS", "id_key", "task_keys"]

#: How many words of a task's text make its generated id.
ID_WORDS = 6
_NON_WORD = re.compile(r"[^0-9a-z]+")


def id_key(text: str) -> str:
    """The URL-safe form of an id as written: ``"II.3.1"`` → ``"ii-3-1"``; ``""`` when nothing is left."""
    return _NON_WORD.sub("-", fold(text)).strip("-")


def _generated(title: str) -> str:
    words = [w for w in _NON_WORD.split(fold(title)) if w]
    return "-".join(words[:ID_WORDS]) or "nhiem-vu"


def task_keys(tasks: Iterable[Any]) -> list[str]:
    """The key of each task, in order: its own id folded, else one made from its words; all distinct."""
    tasks = list(tasks)
    wanted = [id_key(t.id) if getattr(t, "id", None) else "" for t in tasks]
    taken = {k for k in wanted if k}
    seen: set[str] = set()
    out: list[str] = []
    for task, own in zip(tasks, wanted):
        if own and own not in seen:
            key = own
        else:
            base = own or _generated(task.title)
            key, n = base, 1
            while key in seen or (key != own and key in taken):
                n += 1
                key = f"{base}-{n}"
        seen.add(key)
        out.append(key)
    return out
