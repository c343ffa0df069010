"""Headers print names in capitals; records cite them in running-text case.

"THÀNH ỦY CẦN THƠ" is cited "Thành ủy Cần Thơ", "SỞ NỘI VỤ" "Sở Nội vụ",
"ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" "Ủy ban nhân dân thành phố Cần Thơ":
the kind of body keeps its own spelling, an administrative unit word is
lowercase, a place name capitalises every syllable and a field of work
(Nội vụ, Dân vận) capitalises only its first.
"""

from __future__ import annotations

# (words in capitals, citation spelling, what follows: place or field)
_PHRASES: tuple[tuple[str, str, str], ...] = (
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương", "field"),
    ("ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh", "field"),
    ("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "field"),
    ("BAN BÍ THƯ", "Ban Bí thư", "field"),
    ("BỘ CHÍNH TRỊ", "Bộ Chính trị", "field"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", "field"),
    ("CHÍNH PHỦ", "Chính phủ", "field"),
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban Thường vụ Quốc hội", "field"),
    ("QUỐC HỘI", "Quốc hội", "field"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam", "place"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC", "Ủy ban Mặt trận Tổ quốc", "place"),
    ("ỦY BAN MTTQ VIỆT NAM", "Ủy ban MTTQ Việt Nam", "place"),
    ("ỦY BAN MTTQ", "Ủy ban MTTQ", "place"),
    ("MẶT TRẬN TỔ QUỐC VIỆT NAM", "Mặt trận Tổ quốc Việt Nam", "place"),
    ("MẶT TRẬN TỔ QUỐC", "Mặt trận Tổ quốc", "place"),
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "place"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân", "place"),
    ("BAN CHẤP HÀNH", "Ban Chấp hành", "field"),
    ("BAN THƯỜNG VỤ", "Ban Thường vụ", "field"),
    ("BAN CÁN SỰ ĐẢNG", "Ban cán sự đảng", "field"),
    ("THÀNH ỦY", "Thành ủy", "place"),
    ("TỈNH ỦY", "Tỉnh ủy", "place"),
    ("HUYỆN ỦY", "Huyện ủy", "place"),
    ("QUẬN ỦY", "Quận ủy", "place"),
    ("THỊ ỦY", "Thị ủy", "place"),
    ("ĐẢNG ỦY", "Đảng ủy", "field"),
    ("ĐẢNG ĐOÀN", "Đảng đoàn", "field"),
    ("ĐẢNG BỘ", "Đảng bộ", "field"),
    ("CHI BỘ", "Chi bộ", "field"),
    ("VĂN PHÒNG", "Văn phòng", "field"),
    ("CHI CỤC", "Chi cục", "field"),
    ("TỔNG CỤC", "Tổng cục", "field"),
    ("TRUNG ƯƠNG", "Trung ương", "field"),
    ("VIỆT NAM", "Việt Nam", "field"),
    ("THÀNH PHỐ", "thành phố", "place"),
    ("THỊ XÃ", "thị xã", "place"),
    ("THỊ TRẤN", "thị trấn", "place"),
    ("TỈNH", "tỉnh", "place"),
    ("HUYỆN", "huyện", "place"),
    ("QUẬN", "quận", "place"),
    ("PHƯỜNG", "phường", "place"),
    ("XÃ", "xã", "place"),
    ("SỞ", "Sở", "field"),
    ("BAN", "Ban", "field"),
    ("BỘ", "Bộ", "field"),
    ("CỤC", "Cục", "field"),
    ("PHÒNG", "Phòng", "field"),
    ("HỘI", "Hội", "field"),
    ("UBND", "UBND", "place"),
    ("HĐND", "HĐND", "place"),
)
_BY_FIRST: dict[str, list[tuple[list[str], list[str], str]]] = {}
for _upper, _cited, _next in _PHRASES:
    for _variant in {_upper, _upper.replace("ỦY", "UỶ")}:
        _BY_FIRST.setdefault(_variant.split()[0], []).append(
            (_variant.split(), _cited.split(), _next)
        )
for _options in _BY_FIRST.values():
    _options.sort(key=lambda o: len(o[0]), reverse=True)

_ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ", "TW", "TP", "TP.", "CP", "VN", "LĐLĐ"})


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _case_run(words: list[str], mode: str) -> list[str]:
    """Case a run of words no phrase matched: a place name or a field of work."""
    out: list[str] = []
    start_of_component = True
    for word in words:
        if word in _ABBREVIATIONS:
            out.append(word)
        elif mode == "place":
            out.append(_cap(word))
        elif word == "VÀ":
            out.append("và")
            start_of_component = True
            continue
        else:
            out.append(_cap(word) if start_of_component else word.lower())
        start_of_component = word.endswith(",")
    return out


def cite_case(name: str) -> str:
    """Running-text spelling of a body's name printed in capitals."""
    name = " ".join(name.split())
    if not name or any(c.islower() for c in name):
        return name  # already in running-text case: keep what the author wrote
    words = name.split()
    out: list[str] = []
    mode = "field"
    run: list[str] = []
    i = 0
    while i < len(words):
        matched = None
        for upper, cited, follows in _BY_FIRST.get(words[i], ()):
            if words[i : i + len(upper)] == upper:
                matched = (upper, cited, follows)
                break
        if matched is None:
            run.append(words[i])
            i += 1
            continue
        out.extend(_case_run(run, mode))
        run = []
        upper, cited, follows = matched
        out.extend(cited)
        mode = follows
        i += len(upper)
    out.extend(_case_run(run, mode))
    text = " ".join(out)
    return text[:1].upper() + text[1:]


# Bodies named inside a position ("THƯỜNG TRỰC BAN BÍ THƯ").
_BODIES_IN_TITLES = tuple(
    (f" {upper.lower()}", f" {cited}")
    for upper, cited in (
        ("BAN BÍ THƯ", "Ban Bí thư"), ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
        ("BAN CHẤP HÀNH", "Ban Chấp hành"), ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
        ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"), ("ỦY BAN KIỂM TRA", "Ủy ban Kiểm tra"),
        ("THÀNH ỦY", "Thành ủy"), ("TỈNH ỦY", "Tỉnh ủy"), ("HUYỆN ỦY", "Huyện ủy"),
        ("QUẬN ỦY", "Quận ủy"), ("ĐẢNG ỦY", "Đảng ủy"),
    )
)


def cite_title(title: str) -> str:
    """"PHÓ BÍ THƯ" -> "Phó Bí thư", "CHÁNH VĂN PHÒNG" -> "Chánh Văn phòng"."""
    words = " ".join(title.split()).lower().split()
    if not words:
        return ""
    words[0] = _cap(words[0])
    if words[0] in {"Phó", "Chánh", "Quyền"} and len(words) > 1:
        words[1] = _cap(words[1])
    text = " ".join(words)
    for lower, cited in _BODIES_IN_TITLES:
        text = text.replace(lower, cited)
    return text
