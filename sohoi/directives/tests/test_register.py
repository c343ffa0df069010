"""The register: reading a document into it, duplicates, stubs, unreadable headers, refused inputs."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from sohoi.core.models import AuditEntry
from sohoi.directives.choices import DocType, System
from sohoi.directives.models import Document, Task
from sohoi.directives.services import document_register

pytestmark = pytest.mark.django_db


def test_seed_registers_every_header_field_and_links_its_parent(users, no_letter, seed_bytes):
    stub = Document.objects.get(code="17-CT/TW")
    doc, created = document_register(actor=users["dandan"], data=seed_bytes, filename="752-CV-TU.txt")
    assert created
    assert (doc.code, doc.number, doc.symbol, doc.doc_type, doc.system) == (
        "752-CV/TU", "752", "CV/TU", DocType.CONG_VAN, System.PARTY)
    assert doc.issuer.name == "Thành ủy Cần Thơ" and doc.issuer_name == "Thành ủy Cần Thơ"
    assert doc.date.isoformat() == "2012-10-12" and doc.place == "Cần Thơ"
    assert doc.subject.startswith("V/v chỉ đạo thực hiện Chỉ thị")
    assert doc.distribution == ["Như trên", "Các đ/c Thành ủy viên", "Lưu"]
    assert doc.signer_name == "Nguyễn Hữu Lợi" and doc.signer_title == ""
    assert any("Ban Bí thư" in w for w in doc.warnings)
    # The cited directive is the existing stub (not a second one), and it is the parent in the cascade.
    assert doc.parent == stub and list(doc.cites.all()) == [stub]
    assert Document.objects.filter(code="17-CT/TW").count() == 1
    assert [t["no"] for t in doc.proposal["tasks"]] == ["1", "2", "3", "4", "5", "6"]
    assert doc.original.name and doc.original.read() == seed_bytes
    assert not doc.tasks.exists()  # nothing is assigned before a person confirms


def test_second_upload_finds_the_existing_document(users, letter, seed_bytes):
    before = Document.objects.count()
    doc, created = document_register(actor=users["dandan"], data=seed_bytes, filename="copy.txt")
    assert (doc.pk, created) == (letter.pk, False)
    # A different file of the same document (Windows line ends) is the same entry: issuer + code + date.
    doc2, created2 = document_register(actor=users["dandan"], data=seed_bytes.replace(b"\n", b"\r\n"),
                                       filename="752.txt")
    assert (doc2.pk, created2) == (letter.pk, False)
    assert Document.objects.count() == before


def test_upload_of_a_cited_document_fills_its_stub(users):
    stub = Document.objects.get(code="17-CT/TW", is_stub=True)
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 17-CT/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 8 năm 2012\n\n"
            "CHỈ THỊ\ncủa Ban Bí thư về tiếp tục đổi mới và tăng cường sự lãnh đạo của Đảng đối với các hội quần chúng\n\n"
            "1 - Các cấp ủy đảng quán triệt Chỉ thị này.\n")
    doc, created = document_register(actor=users["dandan"], text=text)
    assert created and doc.pk == stub.pk and not doc.is_stub
    assert doc.text == text or "17-CT/TW" in doc.text
    assert Document.objects.filter(code="17-CT/TW").count() == 1


def test_unreadable_header_is_registered_with_a_warning(users):
    doc, created = document_register(actor=users["dandan"], text="Ghi chú họp giao ban, không có đầu văn bản.")
    assert created and doc.code == "" and doc.date is None
    assert any("số, ký hiệu" in w for w in doc.warnings)
    other, created2 = document_register(actor=users["dandan"], text="Một ghi chú khác, cũng không có số.")
    assert created2 and other.pk != doc.pk  # empty codes never collide with each other


@pytest.mark.parametrize(("data", "filename", "fragment"), [
    (b"", "rong.txt", "Tệp trống"),
    (b"   \n  ", "trang.txt", "Tệp trống"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "anh.txt", "Tệp là ảnh (PNG)"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "scan.pdf", "Tệp là ảnh (JPEG)"),
    (b"\x00\x01\x02\x03" * 50, "data.bin", "nhị phân"),
])
def test_refused_inputs_write_nothing(users, data, filename, fragment):
    before = (Document.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as exc:
        document_register(actor=users["dandan"], data=data, filename=filename)
    assert fragment in " ".join(exc.value.message_dict["file"])
    assert (Document.objects.count(), AuditEntry.objects.count()) == before


@override_settings(SOHOI_MAX_UPLOAD_BYTES=1000)
def test_oversize_file_is_refused(users, seed_bytes):
    before = Document.objects.count()
    with pytest.raises(ValidationError) as exc:
        document_register(actor=users["dandan"], data=seed_bytes, filename="752.txt")
    assert "Tệp quá lớn" in exc.value.message_dict["file"][0]
    assert Document.objects.count() == before


def test_secret_document_needs_named_readers(users):
    with pytest.raises(ValidationError) as exc:
        document_register(actor=users["dandan"], text="Ghi chú mật", meta={"secrecy": "confidential"})
    assert "người được đọc" in exc.value.message_dict["readers"][0].lower()
    assert not Task.objects.filter(document__text="Ghi chú mật").exists()
    assert not Document.objects.filter(text="Ghi chú mật").exists()


def test_a_citation_naming_another_issuer_links_the_registered_document(users):
    from sohoi.directives.models import Document
    from sohoi.directives.services.documents import _stub_for

    registered = Document.objects.get(code="752-CV/TU", is_stub=False)
    found = _stub_for(actor=users["dandan"], ref={"code": "752-CV/TU", "date": "2012-10-12",
                                                  "issuer": "Ban Thường vụ Thành ủy"})
    assert found == registered
    assert Document.objects.filter(code="752-CV/TU").count() == 1
