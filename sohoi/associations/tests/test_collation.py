"""Vietnamese alphabetical order: a ă â b c d đ e ê ..., tones after the base letter."""

from __future__ import annotations

from sohoi.associations.collation import sort_key
from sohoi.associations.filters import AssociationFilter
from sohoi.associations.models import Association


def test_letters_then_tones():
    names = ["Hội Âm nhạc", "Hội Đông y", "Hội Ăn uống", "Hội Dược liệu", "Hội An toàn", "Hội Ạ", "Hội À", "Hội A",
             "Hội Ơ", "Hội Ô", "Hội O", "Hội Ư", "Hội Uy", "Hội Ẽ", "Hội Ê"]
    assert sorted(names, key=sort_key) == [
        "Hội A", "Hội À", "Hội Ạ", "Hội An toàn", "Hội Ăn uống", "Hội Âm nhạc", "Hội Dược liệu", "Hội Đông y",
        "Hội Ẽ", "Hội Ê", "Hội O", "Hội Ô", "Hội Ơ", "Hội Uy", "Hội Ư"]
    assert sort_key("Hội Dz") < sort_key("Hội Đa")  # every D word before the first Đ word
    assert sort_key("HỘI AN") == sort_key("hội an") and sort_key("Hội  An,") == sort_key("Hội An")
    assert sort_key("Hội An") < sort_key("Hội An toàn")  # a prefix first
    assert sort_key("x" * 1000).isdigit() and len(sort_key("ẫ" * 1000)) <= Association._meta.get_field(
        "name_sort").max_length


def test_register_list_sorts_in_vietnamese_order(users):
    """Saved rows keep their key, and the list (and its reverse) sort by it in the database."""
    base = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    made = []
    for name in ("Hội Âm nhạc thử", "Hội Đa dạng thử", "Hội Ăn uống thử", "Hội Dz thử", "Hội An toàn thử"):
        a = Association(name=name, unit=_unit(name), field=base.field, scope_level="province")
        a.save()
        made.append(a)
    rows = [a.name for a in AssociationFilter({"q": "thu"}, queryset=Association.objects.filter(
        pk__in=[m.pk for m in made])).qs.order_by("name_sort")]
    assert rows == ["Hội An toàn thử", "Hội Ăn uống thử", "Hội Âm nhạc thử", "Hội Dz thử", "Hội Đa dạng thử"]
    reverse = AssociationFilter({"o": "-name"}, queryset=Association.objects.filter(pk__in=[m.pk for m in made])).qs
    assert [a.name for a in reverse] == rows[::-1]
    made[0].name = "Hội Ă thử"
    made[0].save(update_fields=["name"])
    made[0].refresh_from_db()
    assert made[0].name_sort == sort_key("Hội Ă thử")


def _unit(name):
    from sohoi.orgs.models import Unit

    return Unit.objects.create(name=name, kind="association", path="/")
