"""Who leads a task (chủ trì) and who coordinates (phối hợp).

Vietnamese assignments put the body first and the verb after it: "Sở Nội vụ
phân công ...", "Giao Ban Dân vận Thành ủy phối hợp với Ban Tuyên giáo Thành
ủy tổ chức ...", "Giao X chủ trì, phối hợp với Y ...", "Giao Giám đốc: A, B,
C ...". The name ends where the first verb of a known list begins, so the
reader needs no dictionary of bodies, only of verbs and of the words a body's
name starts with.
"""

from __future__ import annotations

import re

from . import patterns as p

# Verbs and modals that end the name of a body. Lowercase on purpose: inside
# a name they are capitalised ("Ban Tổ chức", "Sở Giáo dục và Đào tạo").
_VERBS = """
chủ trì|phối hợp|tổ chức|tạo|phân công|phải|tăng cường|chỉ đạo|triển khai|thực hiện|
xây dựng|có trách nhiệm|chịu trách nhiệm|hướng dẫn|theo dõi|kiểm tra|báo cáo|rà soát|
tham mưu|cần|nghiên cứu|ban hành|quán triệt|đôn đốc|khẩn trương|thường xuyên|lãnh đạo|
bố trí|đẩy mạnh|tiếp tục|nâng cao|phổ biến|tuyên truyền|giám sát|tập trung|quan tâm|
làm tốt|đề xuất|trình|cử|lập|tổng hợp|sơ kết|tổng kết|củng cố|kiện toàn|hỗ trợ|bảo đảm|
đảm bảo|được giao|nắm|định kỳ|căn cứ|chủ động|phấn đấu|tích cực|khảo sát|thẩm định|
bổ sung|xem xét|giải quyết|quản lý|phát động|tiếp nhận|hoàn thành|thành lập|cung cấp|gửi|
thống nhất|tổ chức thực hiện|sớm|nghiêm túc|làm|đề nghị|vận động|tập hợp|phát huy|
chấp hành|hằng|hàng|duy trì|lồng ghép|trực tiếp|có kế hoạch|chuẩn bị|rà soát|thống kê
"""
_VERB_TUPLES: dict[str, list[tuple[str, ...]]] = {}
for _v in (v.strip() for v in _VERBS.replace("\n", "").split("|")):
    if _v:
        _words = tuple(_v.split())
        _VERB_TUPLES.setdefault(_words[0], []).append(_words)
for _options in _VERB_TUPLES.values():
    _options.sort(key=len, reverse=True)
_NOT_BEFORE_VERB = frozenset({"các", "những", "của", "và", "với", "cho", "do", "về", "mọi"})

# First word(s) of a body's name.
_HEADS_1 = frozenset(
    {"Sở", "Ban", "Bộ", "Cục", "Phòng", "UBND", "UBMTTQ", "MTTQ", "HĐND", "Hội", "Đoàn",
     "Trường", "Viện", "Đài", "Báo", "Quỹ", "Các", "LĐLĐ"}
)
_HEADS_2 = frozenset(
    """Văn phòng|Ủy ban|Uỷ ban|Mặt trận|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|
    Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Đảng bộ|Chi bộ|Chi cục|Liên hiệp|
    Liên đoàn|Công an|Trung tâm|Tòa án|Toà án|Kho bạc|Ngân hàng|Thanh tra|Giám đốc|Chủ tịch|
    Phó Chủ|Phó Giám|Chánh Văn|Chánh Thanh|Thủ trưởng|Trưởng ban|Trưởng Ban|Trưởng phòng|
    Bí thư|Thường trực|Hội đồng|Lãnh đạo|Người đứng|Tổ công|Cơ quan|Cấp ủy|Cấp uỷ|Chính quyền|
    Tổng cục|Học viện|Bảo hiểm|Thành phố|Thành đoàn|Tỉnh đoàn|Huyện đoàn|Đồng chí|Bộ Chỉ|
    Đại học|Các cấp|Các cơ|Hội Liên|Ban cán|Ban Chỉ|Ban Thường|Vụ trưởng|Cục trưởng|Viện trưởng|
    Hiệu trưởng|Chánh văn|Trưởng Phòng|Cổng thông|Đoàn giám|Đoàn kiểm|Đoàn công|Đoàn thanh""".replace("\n", "").split("|")
)
_HEADS_2 = frozenset(h.strip() for h in _HEADS_2)
# The same heads with the space a PDF copy drops ("Thủtrưởng cơ quan ngang Bộ").
_GLUED_HEADS = frozenset(h.replace(" ", "") for h in _HEADS_2)

# "Các hình thức ...", "Các nội dung ...": things, not bodies.
_NOT_BODIES = frozenset((
    "hình thức", "nội dung", "văn bản", "nhiệm vụ", "chỉ tiêu", "giải pháp", "hoạt động", "chương trình",
    "kế hoạch", "biện pháp", "số liệu", "quy định", "chính sách", "thủ tục", "điều kiện", "tiêu chí", "dự án",
    "thông tin", "phong trào", "đối tượng", "vấn đề", "ý kiến", "trường hợp", "khoản", "mục tiêu", "nguồn",
    "loại", "mô hình", "công trình", "tài liệu", "báo cáo",
))

# Positions written in lowercase inside a list: "..., giám đốc sở, thủ trưởng cơ quan, ...".
_ROLES_IN_LISTS = frozenset(("giám đốc", "thủ trưởng", "chủ tịch", "chánh văn", "trưởng ban", "bí thư"))
# "tổ chức, cá nhân" / "tổ chức và cá nhân" are who, not what is done.
_NOUN_AFTER_TO_CHUC = frozenset(("và", "cá"))

_GIAO_RE = re.compile(
    r"^(?:Giao|Đề\s+nghị|Yêu\s+cầu|Phân\s+công)(?:\s+(?:cho|nhiệm\s+vụ\s+cho))?\s+"
)
_ROLE_LIST_RE = re.compile(
    r"^(?P<role>Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch|Trưởng|Bí\s+thư)\s*"
    r"(?P<scope>các\s+[^:]{1,40}?)?\s*:\s*(?P<rest>.+)$"
)
_LEAD_THEN_RE = re.compile(r"^(?:chủ\s+trì\s*(?:,|và)?\s*)?phối\s+hợp\s*(?:với|cùng)?\s+")
_CHU_TRI_RE = re.compile(r"^chủ\s+trì\b\s*,?")
_CLAUSE_END_RE = re.compile(r";|\.(?:\s|$)")
_SENTENCE_END_RE = re.compile(r"\.(?:\s|$)")
_LIST_SPLIT_RE = re.compile(r"\s*[,;]\s*")
_AND_RE = re.compile(r"\s+và\s+")
_KEEP_TOGETHER_RE = re.compile(r"^các\s+đoàn\s+thể")
# One office serves two bodies: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 8",
# "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh".
_JOINT_OFFICE_RE = re.compile(
    r"(?:^|\s)Văn\s+phòng\s+(?:Hội\s+đồng\s+nhân\s+dân|HĐND|Đoàn\s+đại\s+biểu\s+Quốc\s+hội|Đoàn\s+ĐBQH)$"
)
_MAX_NAME_WORDS = 70  # "Chánh Văn phòng ..., Giám đốc ...; Chủ tịch ...; các tổ chức, cá nhân ..." lists run long


def _bare(token: str) -> str:
    return token.rstrip(",;:.")


def _verb_at(tokens: list[str], i: int) -> bool:
    options = _VERB_TUPLES.get(_bare(tokens[i]))
    if not options or i == 0:
        return False
    previous = tokens[i - 1]
    if previous.lower() in _NOT_BEFORE_VERB:
        return False
    if (
        tokens[i] == "tổ" and i + 2 < len(tokens) and _bare(tokens[i + 1]) == "chức"
        and (tokens[i + 1].endswith(",") or _bare(tokens[i + 2]) in _NOUN_AFTER_TO_CHUC)
    ):
        return False  # "tổ chức, cá nhân", "tổ chức và cá nhân": a who
    for option in options:
        window = [_bare(t) for t in tokens[i : i + len(option)]]
        if tuple(window) == option:
            # A one-syllable verb after a capital is part of a name: "Đào tạo".
            return not (len(option) == 1 and previous[:1].isupper() and not previous.endswith(","))
    return False


def split_at_verb(text: str) -> tuple[str, str] | None:
    """(name, rest) split where the first verb begins; None if no verb."""
    tokens = text.split()
    for i in range(1, min(len(tokens), _MAX_NAME_WORDS + 1)):
        if i == 1 and not tokens[0].isupper():
            continue  # one ordinary word ("Ban") is not yet a name
        if _verb_at(tokens, i):
            return " ".join(tokens[:i]).rstrip(" ,;:"), " ".join(tokens[i:])
    return None


def _is_head(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    if " ".join(words[:2]) in _HEADS_2 or " ".join(words[:2]) in _ROLES_IN_LISTS or words[0] in _GLUED_HEADS:
        return True
    if text.startswith("tổ chức và cá nhân"):
        return True
    if words[0] not in _HEADS_1:
        return False
    # "Sở Nội vụ", "Ban Dân vận" name a body; "Ban hành", "Hội nghị", "Báo cáo" do not.
    if words[0] == "Các":
        thing = " ".join(words[1:3]).lower()
        return thing not in _NOT_BODIES and thing.split(" ")[0] not in _NOT_BODIES
    # A lone "Ban" is the "các Sở, Ban, ngành" idiom, not a body of its own.
    return words[0].isupper() or (len(words) > 1 and words[1][:1].isupper())


def is_body_name(text: str) -> bool:
    """Whether ``text`` opens with the name of a body or an office holder ("Sở ...", "Thành phố ...")."""
    return _is_head(text)


def split_names(text: str) -> list[str]:
    """"Sở Tài chính, Sở Tư pháp và các quận, huyện" -> three bodies.

    A comma or "và" separates two bodies only when what follows starts like
    a body's name; otherwise it is inside a name ("Sở Văn hóa, Thể thao và
    Du lịch", "Ủy ban nhân dân các quận, huyện").
    """
    pieces: list[str] = []
    for group in text.strip(" ,;.").split(";"):
        # A semicolon always separates two bodies ("Giao Trung tâm Văn hóa, thể thao; Cổng thông tin ...");
        # a comma only when a body's name follows it.
        first = True
        for part in _LIST_SPLIT_RE.split(group.strip(" ,")):
            if not part:
                continue
            if pieces and not first and not _is_head(part):
                pieces[-1] = f"{pieces[-1]}, {part}"
            else:
                pieces.append(part)
            first = False
    names: list[str] = []
    for piece in pieces:
        chunks = _AND_RE.split(piece)
        current = chunks[0]
        for chunk in chunks[1:]:
            if (
                (_is_head(chunk) or chunk.startswith("các "))
                and not _KEEP_TOGETHER_RE.match(chunk)
                and not _JOINT_OFFICE_RE.search(current)
            ):
                names.append(current)
                current = chunk
            else:
                current = f"{current} và {chunk}"
        names.append(current)
    return [n.strip(" ,;.") for n in names if n.strip(" ,;.")]


def _coordinators(rest: str) -> list[str]:
    m = _LEAD_THEN_RE.match(rest)
    if m is None:
        return []
    after = rest[m.end():]
    split = split_at_verb(after)
    if split is None:
        return []
    return split_names(split[0])


def _strip_marker(paragraph: str) -> str:
    """Drop a leading "- ", "a)", "1." or "1.1." so the clause starts with words."""
    text = p.BULLET_RE.sub("", paragraph.strip())
    for marker in (p.LETTER_RE, p.SUBNUM_RE, p.ARABIC_RE):
        text = marker.sub("", text, count=1)
    return text


def _clause_actors(clause: str) -> tuple[list[str], list[str]] | None:
    giao = _GIAO_RE.match(clause)
    if giao:
        clause = clause[giao.end():]
        role_list = _ROLE_LIST_RE.match(clause)
        if role_list:
            role = " ".join(role_list.group("role").split())
            split = split_at_verb(role_list.group("rest"))
            if split is None:
                return None
            leads = [f"{role} {name}" for name in split_names(split[0])]
            return leads, _coordinators(split[1])
    split = split_at_verb(clause)
    if split is None:
        return None
    name, rest = split
    if not name or not (giao or _is_head(name)):
        return None
    return split_names(name), _coordinators(rest)


_ADDRESS_RE = re.compile(r"^(?P<name>[^:;.]{2,120}):\s*$")


def find_actors(text: str, every_paragraph: bool = False) -> tuple[list[str], list[str]]:
    """Leads and coordinators of a task, from the opening clause of its first
    paragraph that names a body ("Sở Nội vụ:" standing alone addresses the
    lines under it to that body).

    With ``every_paragraph`` (an article, "Điều 2. Các ban đảng ... có trách
    nhiệm ..." / "Ban Dân vận Trung ương chủ trì ...") each paragraph that
    opens with a body adds its leads.
    """
    if every_paragraph:
        leads: list[str] = []
        coordinators: list[str] = []
        for paragraph in text.split("\n"):
            if not paragraph.strip():
                continue
            if leads and _strip_marker(paragraph) != paragraph.strip():
                continue  # its numbered clauses ("1. Giao Bộ Nội vụ ...", "2. ...") keep the first lead
            found = find_actors(paragraph)
            leads.extend(n for n in found[0] if n not in leads)
            coordinators.extend(n for n in found[1] if n not in coordinators)
        return leads, coordinators
    for paragraph in text.split("\n"):
        bare = _strip_marker(paragraph)
        address = _ADDRESS_RE.match(bare)
        if address and _is_head(address.group("name")) and len(address.group("name").split()) <= 15:
            return split_names(address.group("name")), []
        clause = _CLAUSE_END_RE.split(bare, maxsplit=1)[0]
        found = _clause_actors(clause)
        if not (found and found[0]) and ";" in clause + bare[len(clause):len(clause) + 1]:
            # "Chánh Văn phòng ...; Giám đốc Sở Nội vụ; ... chịu trách nhiệm thi hành"
            found = _clause_actors(_SENTENCE_END_RE.split(bare, maxsplit=1)[0])
        if found and found[0]:
            return found
    return [], []
