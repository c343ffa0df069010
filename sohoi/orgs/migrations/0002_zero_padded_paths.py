from django.db import migrations


def pad_paths(apps, schema_editor):
    """Rewrite '/1/7/' as '/000000001/000000007/' so that text order is tree order."""
    Unit = apps.get_model("orgs", "Unit")
    for unit in Unit.objects.only("pk", "path").iterator():
        ids = [int(p) for p in unit.path.strip("/").split("/") if p]
        new = "/" + "".join(f"{i:09d}/" for i in ids) if ids else unit.path
        if new != unit.path:
            Unit.objects.filter(pk=unit.pk).update(path=new)


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]
    operations = [migrations.RunPython(pad_paths, migrations.RunPython.noop)]
