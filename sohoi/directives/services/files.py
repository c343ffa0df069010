from __future__ import annotations

import hashlib
import re

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def store_content(data: bytes, filename: str, folder: str) -> str:
    """Content-addressed storage: the same bytes are stored once, whatever the number of uploads (a rolled
    back import or a repeated demo load leaves no second copy)."""
    digest = hashlib.sha256(data).hexdigest()
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", filename or "tep")[-80:]
    name = f"directives/{folder}/{digest[:2]}/{digest[:16]}-{safe}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name
