"""Fixtures of the directives tests: the demo world (loaded once per session by the root conftest) plus
small documents written for the tests."""

from __future__ import annotations

import datetime

import pytest

from sohoi.directives.demo import SEED
from sohoi.directives.models import Document

SECRET_TEXT = """THÀNH ỦY CẦN THƠ
*
Số 99-CV/TU
V/v tình hình nội bộ Hội Cựu chiến binh XYZ

ĐẢNG CỘNG SẢN VIỆT NAM
Cần Thơ, ngày 05 tháng 3 năm 2013

Kính gửi: Ban Dân vận Thành ủy

Ban Thường vụ Thành ủy yêu cầu:

1 - Ban Dân vận Thành ủy nắm tình hình nội bộ Hội Cựu chiến binh XYZ, báo cáo Thường trực Thành ủy trước ngày 30/4/2013.

2 - Ban Tổ chức Quận Ô Môn phối hợp với Ban Dân vận Thành ủy xác minh đơn thư.

Nơi nhận:
- Như trên
- Lưu

Nguyễn Văn An
"""
SECRET_SUBJECT = "tình hình nội bộ Hội Cựu chiến binh XYZ"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded originals and attachments go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def letter(db) -> Document:
    """752-CV/TU as the demo registered and confirmed it."""
    return Document.objects.get(code="752-CV/TU")


@pytest.fixture
def no_letter(letter) -> None:
    """Remove the demo's 752-CV/TU (rolled back after the test) so that an upload registers it anew."""
    letter.delete()


@pytest.fixture
def day():
    return datetime.date
