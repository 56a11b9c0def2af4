"""The whole registry with its indexes, and name resolution relative to a plan's issuer."""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain as chained
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from .model import Agency, _one_line
from .names import REGISTRY_FILE, UNREGISTERED_PREFIX, normalize_name
from .resolve import Resolution, misspelled_words


# Administrative levels that plans append to a short name ("Phòng Nội vụ huyện",
# "Đài PT&TH tỉnh", "Phòng Văn hóa và Thông tin Thành phố").
_LEVEL_WORDS = ("thanh pho", "thi xa", "huyen", "tinh")

_FULL, _SHORT = 0, 1
# Similarity (difflib ratio of normalised names) a suggestion needs, and how far below
# the best suggestion the others may be. 0.6 would offer "Sở Nội vụ tỉnh Bắc Giang"
# for "Công ty Điện lực Bắc Giang" (shared locality words).
_SUGGEST_CUTOFF = 0.7
_SUGGEST_SPREAD = 0.1
# How many registered names (those sharing most letter triples) difflib compares.
_SHORTLIST = 16


# --------------------------------------------------------------------------- registry


class Registry:
    """All agencies, indexed for resolution.

    Build it with :meth:`load` (from ``co-quan.yml``, with diagnostics) or
    :meth:`from_agencies`. Indexes (normalised name -> ids, parent/children links, each
    agency's lineage) are computed once; :meth:`resolve` results are cached per
    ``(name, context)``. Do not mutate the agencies after building the registry.

    Attributes:
        agencies: Every agency by id, in file order.
    """

    def __init__(self, agencies: Iterable[Agency] = ()) -> None:
        self.agencies: dict[str, Agency] = {}
        for agency in agencies:
            if agency.id in self.agencies:
                raise ValueError(f"duplicate agency id {agency.id!r}")
            self.agencies[agency.id] = agency
        self._children: dict[str, list[str]] = {}
        self._ancestor_ids: dict[str, tuple[str, ...]] = {}
        self._lineage: dict[str, frozenset[str]] = {}
        self._by_full: dict[str, list[str]] = {}
        self._by_short: dict[str, list[str]] = {}
        self._full_key: dict[str, str] = {}
        self._root: dict[str, str] = {}
        self._place: dict[str, str] = {}
        self._order: dict[str, int] = {agency_id: n for n, agency_id in enumerate(self.agencies)}
        self._all_keys: list[str] = []
        self._gram_index: dict[str, list[int]] = {}
        self._gram_sizes: list[int] = []
        self._near_cache: dict[str, list[str]] = {}
        self._cache: dict[tuple[str, str | None], Resolution] = {}
        self._build()

    # -- construction ----------------------------------------------------------------

    @classmethod
    def from_agencies(cls, agencies: list[Agency]) -> Registry:
        """A registry of ``agencies`` (ids must be unique; unknown parents act as roots)."""
        return cls(agencies)

    @classmethod
    def load(cls, path: Path, rel_path: str = "co-quan.yml") -> tuple[Registry, list[Diagnostic]]:
        """Read ``co-quan.yml`` at ``path``; never raises on bad content.

        Every problem becomes a :class:`Diagnostic` for ``rel_path`` with its line:
        a missing file (warning), unreadable bytes, YAML syntax, an entry that is not a
        mapping, unknown keys (with a "did you mean"), a repeated key, missing or bad
        ids, duplicate ids, missing names, wrong types, unknown parents, cycles of
        parents, and two agencies with the same normalised name under the same parent.
        Bad entries are skipped, bad parents dropped, so the rest still loads.
        """
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=None,
                    message="Không tìm thấy tệp danh mục cơ quan; mọi cơ quan sẽ được coi là chưa đăng ký",
                    suggestion=f"Tạo tệp {REGISTRY_FILE} (danh sách các mục `- id: …`, `name: …`).",
                    severity=Severity.WARNING,
                    code="registry-missing",
                )
            ]
        except OSError:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=None,
                    message="Không đọc được tệp danh mục cơ quan (không có quyền đọc, là một thư mục, hoặc tệp đang bị khóa)",
                    suggestion="Kiểm tra quyền đọc tệp rồi chạy lại.",
                    code="unreadable",
                )
            ]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=raw[: exc.start].count(b"\n") + 1,
                    message="Tệp danh mục cơ quan không phải văn bản UTF-8",
                    suggestion="Lưu lại tệp với bảng mã UTF-8.",
                    code="encoding",
                )
            ]
        return cls.loads(text, rel_path)

    @classmethod
    def loads(cls, text: str, rel_path: str = "co-quan.yml") -> tuple[Registry, list[Diagnostic]]:
        """Like :meth:`load`, from the text of ``co-quan.yml``."""
        from .reader import RegistryReader  # (the reader builds registries: imported when used)

        return RegistryReader(rel_path).read(text)

    def _build(self) -> None:
        for agency_id, agency in self.agencies.items():
            if agency.parent is not None and agency.parent in self.agencies:
                self._children.setdefault(agency.parent, []).append(agency_id)
            chain: list[str] = []
            seen = {agency_id}
            parent = agency.parent
            while parent is not None and parent in self.agencies and parent not in seen:
                chain.append(parent)
                seen.add(parent)
                parent = self.agencies[parent].parent
            self._ancestor_ids[agency_id] = tuple(chain)
            self._root[agency_id] = chain[-1] if chain else agency_id
            self._lineage[agency_id] = frozenset(seen)
            full = normalize_name(agency.name)
            self._full_key[agency_id] = full
            words = full.split()
            if agency.parent is None and len(words) >= 3:
                # The place of a root: the last two words of its name, the province or
                # district ("Tỉnh ủy Lai Châu" and "UBND tỉnh Lai Châu" -> "lai chau").
                self._place[agency_id] = " ".join(words[-2:])
            if full:
                self._by_full.setdefault(full, []).append(agency_id)
            for other in agency.names[1:]:
                key = normalize_name(other)
                ids = self._by_short.setdefault(key, []) if key else []
                if key and agency_id not in ids:
                    ids.append(agency_id)
        self._all_keys = list(dict.fromkeys([*self._by_full, *self._by_short]))
        for index, key in enumerate(self._all_keys):
            grams = _trigrams(key)
            self._gram_sizes.append(len(grams))
            for gram in grams:
                self._gram_index.setdefault(gram, []).append(index)

    # -- navigation ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.agencies)

    def __iter__(self) -> Iterator[Agency]:
        return iter(self.agencies.values())

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self.agencies

    def get(self, id: str) -> Agency | None:
        """The agency with this id, or ``None``."""
        return self.agencies.get(id)

    def children(self, id: str) -> list[Agency]:
        """The agencies whose parent is ``id``, in file order."""
        return [self.agencies[child] for child in self._children.get(id, ())]

    def ancestors(self, id: str) -> list[Agency]:
        """Parent first, up to the root (stops safely on a cycle)."""
        return [self.agencies[a] for a in self._ancestor_ids.get(id, ())]

    def root_of(self, id: str) -> Agency | None:
        """The topmost ancestor of ``id`` (the agency itself when it is a root)."""
        chain = self._ancestor_ids.get(id)
        if chain is None:
            return None
        return self.agencies[chain[-1]] if chain else self.agencies[id]

    def roots(self) -> list[Agency]:
        """Agencies without a (known) parent, in file order."""
        return [self.agencies[a] for a, chain in self._ancestor_ids.items() if not chain]

    def descendants(self, id: str) -> list[Agency]:
        """The whole subtree under ``id`` (not ``id`` itself), depth first, in file order."""
        out: list[Agency] = []
        stack = list(reversed(self._children.get(id, ())))
        seen = {id}
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            out.append(self.agencies[current])
            stack.extend(reversed(self._children.get(current, ())))
        return out

    # -- resolution ------------------------------------------------------------------

    def resolve(self, name: str, context: str | None = None) -> Resolution:
        """Which agency ``name`` means in a plan issued by ``context``.

        ``name`` may be an id or any name, short name or alias, in any spelling that
        :func:`normalize_name` unifies. ``context`` is the issuer's id (a name is
        accepted too and resolved first).

        Order of search:

        1. an exact id wins outright;
        2. locality first: the issuer's own subtree, then its parent's subtree, and so
           on up to its root; then the subtrees of the other roots of the same place
           (roots whose full names end with the same two words: the party branch
           "Tỉnh ủy Lai Châu" and the state branch "UBND tỉnh Lai Châu"); then the
           whole registry. Within the nearest scope that has any match, a full name
           beats a short name or alias. So "Phòng Nội vụ" in a plan of UBND thành phố
           Cẩm Phả is Cẩm Phả's, and in a plan of Huyện ủy Phong Thổ (under Tỉnh ủy Lai
           Châu) it is the one under UBND huyện Phong Thổ (under UBND tỉnh Lai Châu);
        3. if nothing matched and the name ends with a level word (tỉnh, huyện, thành
           phố, thị xã) — "Phòng Nội vụ huyện", "Đài PT&TH tỉnh" — the same search
           without it, keeping only agencies whose full name contains that word.

        Two equally good candidates give ``ambiguous``; none gives ``unknown`` with the
        closest registered names. Results are cached per ``(name, context)``.
        """
        if not isinstance(name, str):
            name = "" if name is None else str(name)
        if context is not None and not isinstance(context, str):
            context = str(context)
        cache_key = (name, context)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._resolve(name, context)
            self._cache[cache_key] = cached
        return cached

    def _resolve(self, name: str, context: str | None) -> Resolution:
        text = _one_line(name)
        by_id = self.agencies.get(text) or self.agencies.get(text.lower())
        if by_id is not None:
            return Resolution("ok", by_id, name=text)
        chain = self._scope_chain(context)
        key = normalize_name(text)
        found = self._lookup(key, chain) if key else None
        if found is None and key:
            for level in _LEVEL_WORDS:
                if key.endswith(" " + level):
                    base = key[: -len(level) - 1]
                    found = self._lookup(base, chain, level_word=level)
                    break
        if found is not None:
            if len(found) == 1:
                agency = self.agencies[found[0]]
                return Resolution("ok", agency, name=text, misspelled=misspelled_words(text, agency))
            return Resolution("ambiguous", None, candidates=[self.agencies[a] for a in found], name=text)
        suggested = self._suggest(key, chain) if key else []
        return Resolution(
            "unknown",
            Agency.unregistered(text),
            suggestions=[agency.name for agency in suggested],
            name=text,
            suggested=suggested,
        )

    def _scope_chain(self, context: str | None) -> tuple[str, ...]:
        """The issuer then its ancestors: the localities searched first, nearest first."""
        if not context:
            return ()
        if context not in self.agencies:
            if context.startswith(UNREGISTERED_PREFIX):
                return ()
            issuer = self.resolve(context)
            if not issuer.ok or issuer.agency is None:
                return ()
            context = issuer.agency.id
        return (context, *self._ancestor_ids[context])

    def _scope(self, agency_id: str, chain: tuple[str, ...]) -> int:
        """How far ``agency_id`` is from the issuer whose scope chain is ``chain``.

        0 if it is in the issuer's subtree, 1 in its parent's subtree, … ``len(chain)``
        if it is under another root of the same place as the issuer's root, and
        ``len(chain) + 1`` anywhere else.
        """
        lineage = self._lineage[agency_id]
        for distance, scope in enumerate(chain):
            if scope in lineage:
                return distance
        if chain:
            place = self._place.get(self._root[chain[-1]])
            if place is not None and self._place.get(self._root[agency_id]) == place:
                return len(chain)
        return len(chain) + 1

    def _lookup(self, key: str, chain: tuple[str, ...], level_word: str | None = None) -> list[str] | None:
        """The best-matching ids for ``key`` (one if resolved, several if tied), or ``None``."""
        hits: dict[str, int] = {}
        for agency_id in self._by_full.get(key, ()):
            hits[agency_id] = _FULL
        for agency_id in self._by_short.get(key, ()):
            hits.setdefault(agency_id, _SHORT)
        if level_word is not None:
            needle = f" {level_word} "
            hits = {a: kind for a, kind in hits.items() if needle in f" {self._full_key[a]} "}
        if not hits:
            return None
        ranked = {a: (self._scope(a, chain), kind) for a, kind in hits.items()}
        best = min(ranked.values())
        return sorted((a for a, rank in ranked.items() if rank == best), key=self._order.__getitem__)

    def _suggest(self, key: str, chain: tuple[str, ...], limit: int = 3) -> list[Agency]:
        """Registered agencies with names closest to ``key``; nearest locality first among equals."""
        out: dict[str, None] = {}
        for near in self._nearest_keys(key, limit):
            ids = dict.fromkeys([*self._by_full.get(near, ()), *self._by_short.get(near, ())])
            for agency_id in sorted(ids, key=lambda a: self._scope(a, chain)):
                out.setdefault(agency_id, None)
        return [self.agencies[a] for a in list(out)[:limit]]

    def _nearest_keys(self, key: str, limit: int) -> list[str]:
        """Registered keys closest to ``key`` (cached per key, whatever the issuer).

        A trigram index shortlists the keys sharing most letter triples with ``key``, so
        that difflib (the similarity of :func:`~plan_portal.core.diagnostics.closest`)
        compares a few names, not the whole registry.
        """
        cached = self._near_cache.get(key)
        if cached is not None:
            return cached
        grams = _trigrams(key)
        shared = Counter(chained.from_iterable(self._gram_index.get(gram, ()) for gram in grams))
        sizes = self._gram_sizes
        # Dice coefficient of the trigram sets, so short names are not drowned by long ones.
        shortlist = heapq.nlargest(_SHORTLIST, shared, key=lambda i: (shared[i] / (sizes[i] + len(grams)), -i))
        # The same scoring as diagnostics.closest (difflib ratio), computed once per name
        # so that the spread below can reuse it.
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        scored: list[tuple[float, str]] = []
        for index in sorted(shortlist):
            candidate = self._all_keys[index]
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() >= _SUGGEST_CUTOFF and matcher.quick_ratio() >= _SUGGEST_CUTOFF:
                ratio = matcher.ratio()
                if ratio >= _SUGGEST_CUTOFF:
                    scored.append((ratio, candidate))
        scored.sort(key=lambda item: -item[0])
        # Keep only names about as close as the best one: "Phòng Nộivụ" suggests the
        # Phòng Nội vụ of each locality, not also "Sở Nội vụ".
        nearest = [candidate for ratio, candidate in scored[: 2 * limit] if ratio >= scored[0][0] - _SUGGEST_SPREAD]
        self._near_cache[key] = nearest
        return nearest


def _trigrams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
