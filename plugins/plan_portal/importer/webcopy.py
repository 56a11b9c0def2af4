"""Undo what copying a document out of a web page does to it.

Legal-document sites print the header as a table (its cells come out as lines ending in
" |", or all on one line with dashed rules), and some run syllables together
("Bảotồn", "cácsở"). :func:`web_copy_lines` gives the lines back as the document has them.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["web_copy_lines"]

_WEB_RULE = re.compile(r"\s*-{5,}\s*")


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aăâeêioôơuưy"
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l",
           "m", "n", "p", "r", "s", "t", "v", "x")
_CODAS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")


def _split_glued(word: str) -> str:
    """Two syllables run together by a web copy ("Bảotồn", "cácsở", "Kếhoạch"): put the space back.

    A Vietnamese syllable carries at most one tone mark, so a word with two marked vowels is two
    syllables; the consonants between their vowels split into a final and an initial.
    """
    decomposed = unicodedata.normalize("NFD", word)
    marks = [i for i, ch in enumerate(decomposed) if ch in _TONES]
    if len(marks) != 2:
        return word
    base = [ch for ch in decomposed]
    # Letters (with their diacritics) as units.
    units: list[str] = []
    for ch in base:
        if unicodedata.combining(ch) and units:
            units[-1] += ch
        else:
            units.append(ch)
    plain = [unicodedata.normalize("NFC", "".join(c for c in u if not unicodedata.combining(c) or c in "\u0302\u0306\u031b"))
             .lower() for u in units]
    marked = [i for i, u in enumerate(units) if any(c in _TONES for c in u)]
    first, second = marked
    i = first
    while i + 1 < len(units) and plain[i + 1] in _VOWELS and not any(c in _TONES for c in units[i + 1]):
        i += 1
    j = second
    while j - 1 > i and plain[j - 1] in _VOWELS:
        j -= 1
    cluster = "".join(plain[i + 1 : j]).replace("d", "d")
    for onset in _ONSETS:
        if cluster.endswith(onset) and cluster[: len(cluster) - len(onset)] in _CODAS:
            cut = i + 1 + len(cluster) - len(onset)
            return unicodedata.normalize("NFC", "".join(units[:cut])) + " " + unicodedata.normalize(
                "NFC", "".join(units[cut:]))
    return word


def _deglue(line: str) -> str:
    line = re.sub(r"\bXà(?= HỘI)", "XÃ", line)  # a broken "XÃ HỘI" in old web copies
    return re.sub(r"[^\W\d_]{4,}", lambda m: _split_known(_split_glued(m.group(0))), line)


# Pairs of words often run together that the tone rule cannot split (one of them has no tone mark).
_KNOWN_PAIRS = ("ban hành", "đơn vị", "cơ quan", "nhân dân", "giai đoạn", "kèm theo", "đồng nhân", "ủy ban", "uỷ ban",
                "văn hóa", "phát triển", "hội đồng", "theo quyết")
_KNOWN = {pair.replace(" ", ""): len(pair.split()[0]) for pair in _KNOWN_PAIRS}


def _split_known(word: str) -> str:
    """"BANHÀNH" → "BAN HÀNH", "đơnvị" → "đơn vị" (a short list of common pairs)."""
    cut = _KNOWN.get(unicodedata.normalize("NFC", word).lower())
    return f"{word[:cut]} {word[cut:]}" if cut else word


def web_copy_lines(raw_lines: list[str]) -> list[str]:
    """Undo what copying a document from a web page does to its header.

    Legal-document sites print the header as a table: copied, its cells come out as lines
    ending in " |" or as one line "THỦ TƯỚNG CHÍNH PHỦ ----- Số: 24/CT-TTg | CỘNG HÒA … |".
    Cells become lines of their own and the dashed rules between them are dropped. Lines
    with a Tab (real table rows) are left alone.
    """
    out: list[str] = []
    for raw in raw_lines:
        raw = _deglue(raw)
        if "\t" in raw or "|" not in raw:
            out.append(raw)
            continue
        for cell in raw.split("|"):
            for piece in _WEB_RULE.split(cell):
                if piece.strip():
                    out.append(piece.strip())
        out.append("")
    return out
