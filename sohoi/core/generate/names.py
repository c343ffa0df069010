"""Syllable lists for synthetic Vietnamese-looking names (persons, associations, documents).

Names are random combinations of common syllables: they name nobody in particular. ID numbers made here
all start with 999 (no real citizen identity number does), see `synthetic_id`.
"""

from __future__ import annotations

import random

from sohoi.core.text import fold

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Châu", "Tăng", "Quách", "Lâm", "Thạch", "Kim", "Sơn", "Tạ", "Lưu", "Trịnh",
            "Mai", "Cao", "Tô", "Hà", "La", "Diệp"]
MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Kim", "Hữu", "Thu", "Bảo", "Gia", "Đức",
           "Xuân", "Hồng", "Anh", "Phương", "Trọng", "Mỹ", "Tuấn"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên",
         "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Tài", "Hiếu", "Nhân", "Trí", "Thảo", "Sang", "Phương",
         "Hùng", "Cường", "Linh", "Ngân", "Đạt", "Hòa", "Lộc", "Nghĩa", "Quang", "Thắng", "Toàn", "Vy", "Trang",
         "Hạnh", "Duyên", "Khoa", "Long", "Thịnh", "Tuyết", "Nhung", "Hưng", "Kiên", "Luân", "Thư"]

# Kinds of association: (field code of associations.FieldOfActivity, name stem).
STEMS = [
    ("study_promotion", "Hội Khuyến học"), ("social_charitable", "Hội Người cao tuổi"),
    ("social_charitable", "Hội Chữ thập đỏ"), ("social_charitable", "Hội Bảo trợ người khuyết tật"),
    ("veterans", "Hội Cựu giáo chức"), ("veterans", "Hội Cựu thanh niên xung phong"),
    ("economic", "Hội Làm vườn"), ("economic", "Hội Nuôi trồng thủy sản"), ("economic", "Hiệp hội Doanh nghiệp"),
    ("professional", "Hội Đông y"), ("professional", "Hội Luật gia"), ("professional", "Hội Kế toán"),
    ("science_technology", "Hội Khoa học Lịch sử"), ("science_technology", "Hội Tin học"),
    ("literature_arts", "Hội Văn nghệ dân gian"), ("literature_arts", "Câu lạc bộ Đờn ca tài tử"),
    ("friendship", "Hội Hữu nghị Việt - Lào"), ("other", "Hội Sinh vật cảnh"), ("other", "Hội Cây cảnh"),
    ("other", "Hội Võ thuật cổ truyền"), ("social_charitable", "Hội Nạn nhân chất độc da cam"),
    ("social_charitable", "Hội Bảo trợ bệnh nhân nghèo"), ("economic", "Hội Nông dân sản xuất giỏi"),
    ("professional", "Hội Y học cổ truyền"), ("other", "Hội Người mù"), ("other", "Hội Thể dục dưỡng sinh"),
]
SUBJECT_VERBS = ["Về việc triển khai", "Về việc tăng cường", "Về việc tổ chức thực hiện", "Về việc sơ kết",
                 "Về việc tổng kết", "Về việc kiểm tra", "Về việc đẩy mạnh"]
SUBJECT_TOPICS = ["công tác dân vận", "hoạt động của các hội quần chúng", "phong trào thi đua yêu nước",
                  "công tác khuyến học, khuyến tài", "công tác phát triển đảng viên", "công tác bảo trợ xã hội",
                  "việc quán triệt nghị quyết", "công tác chuyển đổi số", "công tác phòng, chống thiên tai",
                  "việc củng cố tổ chức hội cơ sở"]
TASK_TEXTS = ["Quán triệt, phổ biến nội dung văn bản đến cán bộ, hội viên.",
              "Xây dựng kế hoạch thực hiện và báo cáo kết quả về cơ quan chủ trì.",
              "Rà soát, củng cố tổ chức, kiện toàn ban chấp hành theo điều lệ.",
              "Tổ chức sơ kết, đánh giá kết quả thực hiện, đề xuất giải pháp.",
              "Phối hợp tuyên truyền, vận động hội viên tham gia phong trào."]

_FOLDED: dict[str, str] = {}


def folded(text: str) -> str:
    """fold() with a cache: person names repeat (a few tens of thousands of combinations)."""
    value = _FOLDED.get(text)
    if value is None:
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        value = _FOLDED[text] = fold(text)
    return value


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"


def synthetic_id(n: int) -> str:
    """A 12-digit identity number no citizen has: 999 followed by a 9-digit counter."""
    return f"999{n % 1_000_000_000:09d}"


def lower_first(name: str) -> str:
    return f"{name[0].lower()}{name[1:]}" if name else name
