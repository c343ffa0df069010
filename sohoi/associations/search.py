"""Name search over the register through the database's own full-text index, so it stays an index lookup at
national size instead of a scan of every folded name (issue 14: a contains-scan cost 360 ms over 140,000 names).

The index is the database's: PostgreSQL's GIN index on `to_tsvector('simple', name_folded)`, SQLite's FTS5
table (external content, kept by triggers). Both index the folded name that every writer already fills (save(),
the register import, the generator), so no write path has to know about search. `ensure_index()` runs after
every migrate (apps.ready -> post_migrate): SQLite drops a table's triggers when a migration rebuilds the
table, so the triggers are re-created and the index rebuilt whenever they are missing.

Semantics: every word typed is a word of the name, in any order, and the last one may be only its beginning
(typing in progress): "khuyen hoc ninh kieu" and "hoc khuy" both find "Hội Khuyến học quận Ninh Kiều". Prefix
matching only the last word keeps the index lookups exact for the others (a prefix of a common word such as
"hoi" merges every word that starts with it). Text with no indexable word falls back to a contains match.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from sohoi.core.text import fold

_WORD = re.compile(r"[0-9a-z]+")
MAX_WORDS = 12  # a longer query says nothing more; bounds the query text

# What is indexed: the folded name and the short name ("LHPN"), so one index answers both (an OR with a
# case-insensitive LIKE on the short name would make the database scan every row). Constant SQL; the typed
# words are bound parameters.
PG_MATCH = ("SELECT id FROM associations_association WHERE "
            "to_tsvector('simple', name_folded || ' ' || short_name) @@ to_tsquery('simple', %s)")
PG_INDEX = ("CREATE INDEX IF NOT EXISTS association_search_tsv ON associations_association "
            "USING gin (to_tsvector('simple', name_folded || ' ' || short_name))")
SQLITE_MATCH = "SELECT rowid FROM associations_search WHERE associations_search MATCH %s"
# Contentless (content=''): it holds only the index; triggers give it the text.
SQLITE_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS associations_search USING fts5(words, content='', "
                "tokenize='unicode61 remove_diacritics 2')")
SQLITE_TRIGGERS = {
    "associations_search_ai":
        "CREATE TRIGGER IF NOT EXISTS associations_search_ai AFTER INSERT ON associations_association BEGIN "
        "INSERT INTO associations_search(rowid, words) VALUES (new.id, new.name_folded || ' ' || new.short_name); "
        "END",
    "associations_search_ad":
        "CREATE TRIGGER IF NOT EXISTS associations_search_ad AFTER DELETE ON associations_association BEGIN "
        "INSERT INTO associations_search(associations_search, rowid, words) "
        "VALUES ('delete', old.id, old.name_folded || ' ' || old.short_name); END",
    "associations_search_au":
        "CREATE TRIGGER IF NOT EXISTS associations_search_au AFTER UPDATE OF name_folded, short_name "
        "ON associations_association BEGIN "
        "INSERT INTO associations_search(associations_search, rowid, words) "
        "VALUES ('delete', old.id, old.name_folded || ' ' || old.short_name); "
        "INSERT INTO associations_search(rowid, words) VALUES (new.id, new.name_folded || ' ' || new.short_name); "
        "END",
}
SQLITE_REBUILD = (
    "INSERT INTO associations_search(associations_search) VALUES ('delete-all')",
    "INSERT INTO associations_search(rowid, words) SELECT id, name_folded || ' ' || short_name "
    "FROM associations_association",
)


def words(value: str) -> list[str]:
    return _WORD.findall(fold(value))[:MAX_WORDS]


def name_q(value: str) -> Q:
    """Associations whose folded name has each word of `value` (the last one as a beginning of a word)."""
    found = words(value)
    if not found:
        return Q(name_folded__contains=fold(value))
    if connection.vendor == "postgresql":
        query, sql = " & ".join([*found[:-1], f"{found[-1]}:*"]), PG_MATCH
    elif connection.vendor == "sqlite" and _sqlite_ready():
        query, sql = " ".join([*(f'"{w}"' for w in found[:-1]), f'"{found[-1]}"*']), SQLITE_MATCH
    else:
        return Q(*[Q(name_folded__contains=w) for w in found])
    return Q(pk__in=RawSQL(sql, [query]))  # noqa: S611 - constant SQL, bound words


_ready: dict[str, bool] = {}


def _sqlite_ready() -> bool:
    """FTS5 is in every Python build we know of; a build without it searches by scanning."""
    key = connection.settings_dict["NAME"]
    if key not in _ready:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='associations_search'")
            _ready[key] = cursor.fetchone() is not None
    return _ready[key]


def ensure_index(using: str = "default", **_kwargs) -> None:
    """Create the index if it is missing (idempotent; post_migrate)."""
    from django.db import connections

    conn = connections[using]
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(PG_INDEX)
            return
        if conn.vendor != "sqlite":
            return
        try:
            cursor.execute(SQLITE_TABLE)
        except Exception:  # noqa: BLE001 - SQLite built without FTS5: search scans instead
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='associations_association'")
        if set(SQLITE_TRIGGERS) <= {row[0] for row in cursor.fetchall()}:
            return
        for statement in SQLITE_TRIGGERS.values():
            cursor.execute(statement)
        for statement in SQLITE_REBUILD:
            cursor.execute(statement)
    _ready.pop(conn.settings_dict["NAME"], None)
