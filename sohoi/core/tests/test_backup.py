import gzip
import hashlib
import json

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command

from sohoi.core.backup import _ExactEncoder, _models
from sohoi.core.models import AuditEntry
from sohoi.orgs.models import Unit


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    """The test's transaction is rolled back, bringing the old content-type ids back: forget the new ones."""
    from django.contrib.contenttypes.models import ContentType

    yield
    ContentType.objects.clear_cache()


def fingerprint() -> dict[str, str]:
    result = {}
    for model in _models():
        data = serializers.serialize("json", model._default_manager.order_by("pk"), use_natural_foreign_keys=True,
                                     cls=_ExactEncoder)
        result[model._meta.label_lower] = hashlib.sha256(data.encode()).hexdigest()
    return result


@pytest.mark.django_db
def test_backup_and_restore_round_trip_the_whole_database(tmp_path, users):
    before = fingerprint()
    assert Unit.objects.count() > 100
    path = tmp_path / "sohoi.json.gz"
    call_command("backup", str(path))
    Unit.objects.filter(code="BDVTU").update(name="Đã sửa sau sao lưu")
    users["dandan"].delete()
    assert fingerprint() != before
    audits = AuditEntry.objects.count()
    call_command("restore", str(path), "--yes")
    after = fingerprint()
    # The restore records itself in the restored trail (one row more); every other table is identical.
    assert {k: v for k, v in after.items() if k != "core.auditentry"} == \
        {k: v for k, v in before.items() if k != "core.auditentry"}
    assert AuditEntry.objects.exclude(action="core.backup.restored").count() == audits
    assert Unit.objects.get(code="BDVTU").name == "Ban Dân vận Thành ủy"


@pytest.mark.django_db
def test_restore_refuses_a_file_from_a_newer_schema_and_changes_nothing(tmp_path):
    path = tmp_path / "newer.json.gz"
    call_command("backup", str(path))
    with gzip.open(path, "rt", encoding="utf-8") as src:
        lines = src.read().split("\n")
    header = json.loads(lines[0])
    header["migrations"].append("associations.9999_from_the_future")
    lines[0] = json.dumps(header)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines))
    units = Unit.objects.count()
    with pytest.raises(CommandError, match="phiên bản Sổ Hội mới hơn"):
        call_command("restore", str(path), "--yes")
    assert Unit.objects.count() == units


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    path = tmp_path / "rac.json.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(CommandError, match="không phải tệp sao lưu"):
        call_command("restore", str(path), "--yes")
