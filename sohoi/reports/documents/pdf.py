"""PDF: the .docx converted by LibreOffice headless (Debian: libreoffice-writer-nogui; `make install-office`),
so that the PDF is the very document the clerk would edit. Each run has its own profile directory, so two
conversions at once do not fight over LibreOffice's lock."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT = 180  # seconds; a report of a few pages converts in a few seconds


class ConversionError(RuntimeError):
    pass


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(content: bytes) -> bytes:
    program = soffice()
    if program is None:
        raise ConversionError(_("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF: cài gói "
                                "libreoffice-writer-nogui (make install-office) hoặc chọn định dạng .docx."))
    with tempfile.TemporaryDirectory(prefix="sohoi-pdf-") as tmp:
        src = Path(tmp) / "bao-cao.docx"
        src.write_bytes(content)
        try:
            argv = [program, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", "pdf", "--outdir", tmp, str(src)]
            subprocess.run(argv, check=True, timeout=TIMEOUT, capture_output=True)  # noqa: S603 - fixed program, our temp file
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ConversionError(_("LibreOffice không chuyển được báo cáo sang PDF (%(e)s).") % {"e": exc}) from exc
        out = Path(tmp) / "bao-cao.pdf"
        if not out.exists():
            raise ConversionError(_("LibreOffice không tạo ra tệp PDF."))
        return out.read_bytes()
