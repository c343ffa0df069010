"""Letters a PDF's text layer dropped: "QUY T Đ NH", "Hà N i", "Đi u 1.".

A PDF made with a font that lacks the Vietnamese Extended block (ạ ả ấ ... ỹ)
loses exactly those letters when its text is extracted; each leaves a space
(or nothing, next to a real space). Such a page also tends to arrive run onto
one line. The letters are put back where the text clearly lost them: a piece
that is not a Vietnamese syllable (a bare "T", "N", "CH") joined to its
neighbour through one missing letter gives a syllable the document itself, or
the wording of every administrative header, uses. Lines without that damage
are left alone.
"""

from __future__ import annotations

import re
from collections import Counter

from .legacy import _COMMON

# The letters such fonts lack: the Latin Extended Additional block's Vietnamese letters.
_DROPPABLE_LOWER = "".join(chr(c) for c in range(0x1EA1, 0x1EFA, 2))
_DROPPABLE_UPPER = "".join(chr(c) for c in range(0x1EA0, 0x1EF9, 2))
_DROPPABLE = _DROPPABLE_LOWER + _DROPPABLE_UPPER
_DROPPABLE_RE = re.compile(f"[{_DROPPABLE}]")
# Syllables of the header and enacting formula every document carries.
_HEADER_WORDS_TEXT = """cộng hòa hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc số ngày tháng năm quyết định
    điều ủy uỷ ban nhân dân bộ trưởng thủ tướng chính phủ căn cứ nghị thông tư chỉ thị kế hoạch báo
    cáo của về việc hành thi các được những người này trên đối với theo đề xét tổ chức nhiệm vụ quyền
    hạn cơ cấu tại có trách phòng cục viện trực thuộc đơn vị liên quan hiệu lực kể từ ký bãi bỏ
    quy chế độ nội"""
_HEADER_WORDS = frozenset(_HEADER_WORDS_TEXT.split())
_CONSONANT_PIECE_RE = re.compile(r"(?<!\S)[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]{1,2}(?!\S)")
_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_LINE = 200
_MIN_PIECES = 8


def _damaged(line: str) -> bool:
    """Many bare consonant pieces and no letter of the dropped block."""
    if len(line) < _MIN_LINE or _DROPPABLE_RE.search(line):
        return False
    pieces = len(_CONSONANT_PIECE_RE.findall(line))
    return pieces >= _MIN_PIECES and pieces * 30 >= len(line.split())


def _key(word: str) -> str:
    return word.lower()  # the text is NFC already (normalize), and so are the precomposed fills


# Phrases of every header: they settle "CH" before "NGHĨA" (CHỦ, not CHỈ) and "T" before "do".
_HEADER_PHRASES = (
    "cộng hòa xã hội chủ nghĩa việt nam", "độc lập tự do hạnh phúc", "hà nội", "ủy ban nhân dân",
    "quyết định", "nghị định", "căn cứ", "bộ trưởng", "thủ trưởng", "chủ nhiệm", "chủ tịch", "chế độ",
)
_PUNCT = ",.;:)"


class _Lexicon:
    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()

    def add(self, words: list[str]) -> None:
        keys = [_key(w) for w in words]
        self.words.update(keys)
        self.pairs.update(zip(keys, keys[1:], strict=False))

    def best(self, candidates: list[str], before: str, after: str) -> str | None:
        """The candidate the document (or a header) uses most, next to its neighbours; none on a tie."""
        b, a = _key(before), _key(after)
        scored = sorted(
            (
                (self.words[k] + 5 * (self.pairs[(b, k)] + self.pairs[(k, a)]), c)
                for c in candidates
                if self.words[k := _key(c)]
            ),
            reverse=True,
        )
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return scored[0][1]


def _fills(word: str, neighbour: str = "") -> str:
    """Capital letters inside a word in capitals; a lone capital ("T do") is a word in title case."""
    if len(word) == 1 and word.isupper() and neighbour:
        return _DROPPABLE_UPPER if neighbour.isupper() else _DROPPABLE_LOWER
    return _DROPPABLE_UPPER if word.isupper() else _DROPPABLE_LOWER


def _repair_line(line: str, lex: _Lexicon) -> str:
    raw = line.split(" ")
    cores = [t.rstrip(_PUNCT) for t in raw]
    out: list[str] = []
    i = 0
    while i < len(raw):
        core = cores[i]
        before = out[-1].rstrip(_PUNCT) if out else ""
        valid = bool(lex.words[_key(core)]) or not core.isalpha()
        nxt = cores[i + 1] if i + 1 < len(raw) and raw[i].isalpha() else ""
        if core.isalpha() and nxt.isalpha() and (not valid or not lex.words[_key(nxt)]):
            # "T C" -> "TỘC", "Đi u" -> "Điều", "N i," -> "Nội,": one letter lost inside a word
            after = cores[i + 2] if i + 2 < len(raw) else ""
            merged = lex.best([core + c + nxt for c in _fills(core[-1] + nxt[:1])], before, after)
            if merged:
                out.append(merged + raw[i + 1][len(nxt):])
                i += 2
                continue
        if not valid and core.isalpha():
            # "S 291" -> "Số 291", "CH NGHĨA" -> "CHỦ NGHĨA" (its last letter), "Y BAN" -> "ỦY BAN" (its first)
            after = cores[i + 1] if i + 1 < len(raw) else ""
            fill = _fills(core, after if after.isalpha() else before)
            merged = lex.best([core + c for c in fill] + [c + core for c in fill], before, after)
            if merged:
                out.append(merged + raw[i][len(core):])
                i += 1
                continue
        out.append(raw[i])
        i += 1
    return " ".join(out)


def restore_dropped(text: str) -> str:
    """Put back the letters a PDF dropped in the lines that show that damage."""
    if "\n" not in text and len(text) < _MIN_LINE:
        return text
    lines = text.split("\n")
    damaged = [i for i, line in enumerate(lines) if len(line) >= _MIN_LINE and _damaged(line)]
    if not damaged:
        return text
    # The document's own words, from lines that kept the letters (so no fragment is taken for a word).
    lex = _Lexicon()
    for line in lines:
        if _DROPPABLE_RE.search(line):
            lex.add(_WORD_RE.findall(line))
    # Words of both lists count twice: the commonest ("số", not "sở", before a number).
    lex.words.update(_COMMON)
    lex.words.update(_HEADER_WORDS)
    for phrase in _HEADER_PHRASES:
        lex.add(phrase.split())
    for i in damaged:
        lines[i] = _repair_line(lines[i], lex)
    return "\n".join(lines)
