"""``sohoi parse FILE [--json]``: output, and one line of Vietnamese on failure."""

from __future__ import annotations

import json

import pytest

from sohoi.docparse import parse_file
from sohoi.docparse.cli import main

from .helpers import SEED


def test_json_output_equals_parse_file(capsys):
    assert main([str(SEED), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == parse_file(SEED)
    assert "Thành ủy Cần Thơ" in out  # ensure_ascii=False
    assert out.startswith('{\n  "system"')  # indent=2


def test_flag_may_come_first(capsys):
    assert main(["--json", str(SEED)]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "752-CV/TU"


def test_summary_is_readable_vietnamese(capsys):
    assert main([str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan ban hành: Thành ủy Cần Thơ (Đảng)" in out
    assert "Số, ký hiệu: 752-CV/TU — công văn" in out
    assert "Nơi, ngày ban hành: Cần Thơ, 12/10/2012" in out
    assert "Nhiệm vụ: 6" in out
    assert "Người ký: Nguyễn Hữu Lợi" in out
    assert "Cần kiểm tra:" in out


def _one_line(text: str) -> str:
    lines = text.strip("\n").split("\n")
    assert len(lines) == 1, lines
    assert "Traceback" not in text
    return lines[0]


def test_missing_file(capsys, tmp_path):
    assert main([str(tmp_path / "khong-co.txt"), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert _one_line(err) == "Không tìm thấy tệp: khong-co.txt."


def test_empty_file(capsys, tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert _one_line(err) == "Tệp trống: không có nội dung để đọc."


@pytest.mark.parametrize("argv", [[], ["a.txt", "b.txt"], ["--xml", "a.txt"]])
def test_bad_arguments(capsys, argv):
    assert main(argv) == 2
    assert _one_line(capsys.readouterr().err).endswith("Cách dùng: sohoi parse TỆP [--json]")


def test_unexpected_error_is_one_line(capsys, monkeypatch):
    def explode(_path):
        raise RuntimeError("boom\nwith two lines")

    monkeypatch.setattr("sohoi.docparse.cli.parse_file", explode)
    assert main([str(SEED)]) == 2
    assert _one_line(capsys.readouterr().err).startswith("Không đọc được tệp")


def test_help(capsys):
    assert main(["--help"]) == 0
    assert "sohoi parse" in capsys.readouterr().out
