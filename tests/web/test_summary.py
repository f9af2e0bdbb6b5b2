"""Summaries count what the lists list: a property over filter combinations (hypothesis)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest_helpers import follow_pages
from .test_http import assert_problem

# Keys that put every fact in exactly one group: the counts add up to the list's total.
PARTITIONS = {"statements": ("speaker", "kind", "month", "document"),
              "figures": ("subject", "source", "metric", "unit", "month", "document"),
              "events": ("kind", "month")}
KEYS = {"statements": ("speaker", "actor", "kind", "month", "document"),
        "figures": ("subject", "source", "actor", "metric", "unit", "month", "document"),
        "events": ("actor", "kind", "month", "document")}
DOCS = ["000_90bd47314c1e82cc", "001_355be868dd25a266", "003_9eff574804ff61ec"]
FILTERS = {
    "statements": st.fixed_dictionaries({}, optional={
        "kind": st.sampled_from(["direct", "indirect"]), "document": st.sampled_from(DOCS),
        "speaker": st.sampled_from(["kim-jong-un", "dmitry-peskov"]),
        "about": st.sampled_from(["north-korea", "russia"]),
        "said_from": st.sampled_from(["2025-04-27", "2025-04-28"]),
        "q": st.sampled_from(["troops", "treaty"])}),
    "figures": st.fixed_dictionaries({}, optional={
        "metric": st.sampled_from(["troops_deployed", "revenue"]), "document": st.sampled_from(DOCS),
        "actor": st.sampled_from(["north-korea", "south-korea"]),
        "min_value": st.sampled_from([1000, 12000]),
        "qualifier": st.sampled_from(["approximately", "at_least"])}),
    "events": st.fixed_dictionaries({}, optional={
        "kind": st.sampled_from(["pledge", "confirmation", "treaty_signed"]),
        "document": st.sampled_from(DOCS), "actor": st.sampled_from(["north-korea", "russia"]),
        "from": st.sampled_from(["2024-06-01", "2025-01-01"]),
        "to": st.sampled_from(["2024-12-31", "2025-04-30"])}),
}


def query(args: dict) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(args.items()))


def total(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["meta"]["total"]


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_summary_counts_equal_the_lists_they_summarize(client, data):
    resource = data.draw(st.sampled_from(sorted(FILTERS)))
    filters = data.draw(FILTERS[resource])
    by = data.draw(st.sampled_from(KEYS[resource]))
    groups, _ = follow_pages(client, f"/v1/summary/{resource}?by={by}&per_page=2&{query(filters)}")
    listed = total(client, f"/v1/{resource}?{query(filters)}")
    assert len({g["key"] for g in groups}) == len(groups)              # pages neither repeat nor skip
    if by in PARTITIONS[resource]:
        assert sum(g["count"] for g in groups) == listed
    else:                                                              # a fact may count in several
        assert sum(g["count"] for g in groups) >= listed
    for group in groups:
        assert group["count"] > 0
        if group["list"]:
            assert total(client, group["list"]) == group["count"], group


def test_figure_summary_gives_smallest_largest_and_latest_value(client):
    figures, _ = follow_pages(client, "/v1/figures?subject=north-korea&metric=troops_deployed")
    group, = client.get("/v1/summary/figures?by=metric&subject=north-korea&metric=troops_deployed") \
        .get_json()["data"]
    values = [f["value"] for f in figures]
    assert (group["min_value"], group["max_value"]) == (min(values), max(values))
    latest = max(figures, key=lambda f: (f["as_of"] or "", f["id"]))   # latest as_of, then last written
    assert group["latest_value"] == latest["value"] and group["count"] == len(figures)


def test_each_group_latest_value_is_its_latest_figures(client):
    """By actor (a figure's subject or source), month and document: the latest of each group's list."""
    for by in ("actor", "month", "document", "unit"):
        groups, _ = follow_pages(client, f"/v1/summary/figures?by={by}&per_page=5")
        for group in groups:
            if not group["list"]:
                continue
            figures, _ = follow_pages(client, group["list"])
            latest = max(figures, key=lambda f: (f["as_of"] or "", f["id"]))
            assert group["latest_value"] == latest["value"], (by, group)


def test_summary_sorts_by_count_names_actors_and_answers_csv(client):
    groups = client.get("/v1/summary/statements?by=speaker&sort=-count").get_json()["data"]
    counts = [g["count"] for g in groups]
    assert counts == sorted(counts, reverse=True)
    peskov = next(g for g in groups if g["key"] == "dmitry-peskov")
    assert peskov["name"] == "Dmitry Peskov"
    csv = client.get("/v1/summary/events?by=kind&format=csv").get_data(as_text=True).splitlines()
    assert csv[0].startswith("key,name,count,list") and len(csv) > 2


def test_summary_refuses_keys_of_other_resources_and_foreign_cursors(client):
    assert_problem(client.get("/v1/summary/events?by=speaker"), 400)
    assert_problem(client.get("/v1/summary/statements"), 400)
    next_url = client.get("/v1/summary/statements?by=speaker&per_page=1").get_json()["links"]["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    assert_problem(client.get(f"/v1/summary/statements?by=kind&per_page=1&cursor={cursor}"), 400)
