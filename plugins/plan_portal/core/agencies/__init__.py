"""Agencies: the registry ``content/co-quan.yml``, name normalisation and resolution.

Plans name agencies loosely ("Sở VHTTDL", "VP UBND tỉnh", "Phòng Nội vụ"). This module
turns every such name into one registry entry, relative to the plan's issuer, or says
clearly why it cannot:

* :func:`normalize_name` is the matching key of a name (documented rules below);
* :class:`Agency` is one registry entry, :class:`Registry` the whole registry with
  precomputed indexes, :meth:`Registry.load` reads ``co-quan.yml`` and reports every
  problem as a :class:`~plan_portal.core.diagnostics.Diagnostic` (it never raises on
  bad content);
* :meth:`Registry.resolve` returns a :class:`Resolution` (``ok``, ``unknown`` or
  ``ambiguous``) whose :meth:`Resolution.diagnostic` is the Vietnamese message for
  editors;
* :func:`is_generic_group` recognises phrases such as "Các đơn vị có liên quan" that
  name no particular agency and are shown as plain text.

Nothing here imports MkDocs. The package splits along those seams: :mod:`.names` (the file, ids,
:func:`normalize_name`, :func:`is_generic_group`), :mod:`.model` (:class:`Agency`), :mod:`.resolve`
(:class:`Resolution`, spelling), :mod:`.registry` (:class:`Registry`) and :mod:`.reader` (reading
``co-quan.yml``). Import the public names from ``plan_portal.core.agencies``.
"""

from __future__ import annotations

from .model import Agency
from .names import ALLOWED_KEYS, REGISTRY_FILE, UNREGISTERED_PREFIX, is_generic_group, is_valid_id, normalize_name
from .registry import Registry
from .resolve import Resolution, misspelled_words, respell

__all__ = [
    "ALLOWED_KEYS",
    "REGISTRY_FILE",
    "UNREGISTERED_PREFIX",
    "Agency",
    "Registry",
    "Resolution",
    "is_generic_group",
    "is_valid_id",
    "misspelled_words",
    "normalize_name",
    "respell",
]
