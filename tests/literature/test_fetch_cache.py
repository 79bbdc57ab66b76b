"""The store's fetch cache (E-utilities responses keyed by request)."""

from __future__ import annotations

from curbside.store import Store
from curbside.store.fetch_cache import CacheEntry


def test_put_get_replace_count_clear(store: Store) -> None:
    assert store.cache_get("esearch:x") is None
    store.cache_put("esearch:x", "esearch", '{"term": "x"}', "<eSearchResult/>")
    store.cache_put_many([CacheEntry("pubmed:1", "efetch", '{"id": "1"}', "<PubmedArticle>1</PubmedArticle>"),
                          CacheEntry("pubmed:2", "efetch", '{"id": "2"}', "<PubmedArticle>2</PubmedArticle>")])
    assert store.cache_get("esearch:x") == "<eSearchResult/>"
    assert store.cache_get_many(["pubmed:2", "pubmed:3", "pubmed:1"]) == {
        "pubmed:1": "<PubmedArticle>1</PubmedArticle>", "pubmed:2": "<PubmedArticle>2</PubmedArticle>"}
    store.cache_put("pubmed:1", "efetch", '{"id": "1"}', "<PubmedArticle>1b</PubmedArticle>")
    assert store.cache_get("pubmed:1") == "<PubmedArticle>1b</PubmedArticle>"
    assert (store.cache_count(), store.cache_count("efetch"), store.cache_count("esearch")) == (3, 2, 1)
    assert store.cache_clear("efetch") == 2 and store.cache_count() == 1
    assert store.cache_clear() == 1 and store.cache_count() == 0


def test_max_age_hides_stale_entries(store: Store) -> None:
    store.cache_put("esearch:old", "esearch", "{}", "old")
    assert store.cache_get("esearch:old", max_age_s=3600) == "old"
    store.conn.execute("UPDATE fetch_cache SET fetched_at = '2001-01-01T00:00:00+00:00'")
    assert store.cache_get("esearch:old", max_age_s=3600) is None
    assert store.cache_get("esearch:old") == "old"  # no age limit: kept until refreshed


def test_many_keys_are_read_in_chunks(store: Store) -> None:
    entries = [CacheEntry(f"pubmed:{i}", "efetch", "{}", str(i)) for i in range(1234)]
    store.cache_put_many(entries)
    found = store.cache_get_many(e.key for e in entries)
    assert len(found) == 1234 and found["pubmed:1233"] == "1233"
