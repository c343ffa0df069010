"""Name search through the database's full-text index (associations/search.py)."""

import pytest
from django.db import connection

from sohoi.associations import search
from sohoi.associations.filters import search_q
from sohoi.associations.models import Association


def found(text):
    return set(Association.objects.filter(search_q(text)).values_list("name", flat=True))


@pytest.mark.django_db
def test_words_in_any_order_and_word_beginnings_find_the_name():
    a = Association.objects.filter(unit__kind="association").order_by("pk").first()
    words = search.words(a.name)
    assert len(words) >= 2
    assert a.name in found(" ".join(words))
    assert a.name in found(" ".join(reversed(words)))  # a contains-match would miss this
    assert a.name in found(" ".join([*words[:-1], words[-1][: max(1, len(words[-1]) - 1)]]))  # typing
    assert a.name in found(a.name.upper())  # diacritics and case do not matter
    assert a.name not in found(" ".join(words) + " zzqx")  # every word must match


@pytest.mark.django_db
def test_renamed_and_new_associations_are_found_at_once(users):
    a = Association.objects.filter(unit__kind="association").order_by("pk").first()
    a.name = "Hội Nuôi ong Quỳnh Lưu Mới"
    a.save()
    assert found("nuoi ong quynh") == {"Hội Nuôi ong Quỳnh Lưu Mới"}
    # a row written without save() (the register import and the generator write with executemany)
    Association.objects.filter(pk=a.pk).update(name="Hội Thả diều Vàm Xáng", name_folded="hoi tha dieu vam xang")
    assert found("tha dieu vam") == {"Hội Thả diều Vàm Xáng"}
    assert found("nuoi ong quynh") == set()


@pytest.mark.django_db
def test_the_index_is_real_and_comes_back_when_a_migration_drops_its_triggers():
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'association_search_tsv'")
            assert c.fetchone()
        return
    with connection.cursor() as c:
        c.execute("DROP TRIGGER associations_search_au")  # what SQLite's table rebuild does
    Association.objects.filter(unit__kind="association").order_by("pk").update(name_folded="hoi lac troi")
    search.ensure_index()
    assert Association.objects.filter(search_q("lac troi")).exists()
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE 'associations_search_%'")
        assert c.fetchone()[0] == 3


@pytest.mark.django_db
def test_text_without_a_word_still_searches_by_contains():
    assert search.words("---") == []
    assert Association.objects.filter(search_q("---")).count() == 0


@pytest.mark.django_db
def test_the_short_name_is_found_too():
    a = Association.objects.filter(unit__kind="association").order_by("pk").first()
    a.short_name = "HKQX"
    a.save()
    assert a.name in found("hkqx")
    assert a.name in found("HKQX")
