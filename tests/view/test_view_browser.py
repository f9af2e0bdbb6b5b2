"""The viewer in headless Chromium with the network off: on every corpus document each evidence
span is highlighted exactly over its text (compared with the API's evidence.text), in colours
the stylesheet really applies; Tab reaches a highlight and shows its fact; the page fits a phone."""
from __future__ import annotations

import pytest

from .reading import actor_mentions_of, expected_spans, highlight_mismatches
from .test_view_access import contrast

# The article as the browser holds it: each text node, with the facts of the mark around it.
PIECES_JS = """
const root = document.getElementById('text'), out = [];
const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const mark = walk.currentNode.parentElement.closest('mark.hl');
  out.push([mark ? mark.dataset.facts : '', walk.currentNode.data]);
}
return out;"""
# Each distinct highlight style as rendered: its classes, text colour and background colour.
COLOURS_JS = """
const seen = {};
document.querySelectorAll('#text mark.hl').forEach(m => {
  const s = getComputedStyle(m);
  seen[m.className.replace(' active', '')] = [s.color, s.backgroundColor];
});
return seen;"""


def rgb_hex(css: str) -> str:
    parts = css[css.index("(") + 1:css.index(")")].split(",")
    assert len(parts) == 3 or float(parts[3]) == 1, f"not opaque: {css}"
    return "#" + "".join(f"{int(p):02x}" for p in parts[:3])


def test_every_document_highlights_its_evidence_exactly_in_chromium(served, browser, corpus_app, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    api = corpus_app.test_client()
    documents = [d["id"] for d in api.get("/v1/documents?per_page=500").get_json()["data"]]
    assert documents
    mismatches, spans, styles = [], 0, {}
    for document_id in documents:
        browser.get(f"{served}/view/documents/{document_id}")
        WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "text")))
        pieces = [(tuple(keys.split()), text) for keys, text in browser.execute_script(PIECES_JS)]
        expected = expected_spans(api, document_id, actor_mentions_of(corpus_app, document_id))
        spans += len(expected)
        mismatches += [f"{document_id} {m}" for m in highlight_mismatches(pieces, expected)]
        styles.update(browser.execute_script(COLOURS_JS))
        failed = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]   # CSP refusals too
        assert failed == [], failed
    assert spans > 100 and mismatches == []
    # Every highlight style is painted (the stylesheet loaded) and its text passes WCAG AA on it.
    for classes, (colour, background) in styles.items():
        assert contrast(rgb_hex(colour), rgb_hex(background)) >= 4.5, classes

    # Keyboard: Tab from the top reaches the first highlight's label, which shows its fact.
    browser.get(f"{served}/view/documents/{documents[0]}")
    WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "text")))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(40):
        focused = browser.switch_to.active_element
        if "tag" in (focused.get_attribute("class") or "").split():
            break
        focused.send_keys(Keys.TAB)
    else:
        pytest.fail("Tab never reached a highlight")
    key = focused.get_attribute("data-key")
    assert focused.get_attribute("aria-label")
    popup = browser.find_element(By.ID, "popup")
    card = browser.find_element(By.ID, focused.get_attribute("aria-describedby"))
    heading = card.find_element(By.CLASS_NAME, "heading").get_attribute("textContent")
    assert popup.is_displayed() and heading in popup.text
    outlined = browser.find_elements(By.CSS_SELECTOR, "#text mark.active")
    expected = expected_spans(api, documents[0], actor_mentions_of(corpus_app, documents[0]))
    assert "".join(m.get_attribute("textContent") for m in outlined) == expected[key][1]
    shot = tmp_path / "document.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    # Escape hides it again; Enter opens the fact's page.
    focused.send_keys(Keys.ESCAPE)
    assert not popup.is_displayed()
    target = focused.get_attribute("href")
    focused.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(ready.url_to_be(target))
    assert browser.find_element(By.TAG_NAME, "h1").text

    # A statement's page links back into the article: that statement focused, its card shown.
    statement = api.get(f"/v1/documents/{documents[0]}/facts").get_json()["statements"][-1]
    browser.get(f"{served}/view/statements/{statement['id']}")
    browser.find_element(By.LINK_TEXT, "read it in the article").click()
    WebDriverWait(browser, 30).until(ready.presence_of_element_located((By.ID, "text")))
    assert browser.switch_to.active_element.get_attribute("data-key") == f"statement-{statement['id']}"
    assert browser.find_element(By.ID, "popup").is_displayed()


def test_document_page_fits_a_phone_and_hover_shows_every_covering_fact(served, browser, corpus_app):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    document_id = corpus_app.test_client().get("/v1/documents?per_page=1").get_json()["data"][0]["id"]
    browser.set_window_size(390, 844)
    browser.get(f"{served}/view/documents/{document_id}")
    width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    overlap = browser.find_element(By.CSS_SELECTOR, "#text mark.over")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", overlap)
    ActionChains(browser).move_to_element(overlap).perform()
    popup = browser.find_element(By.ID, "popup")
    assert popup.is_displayed()
    keys = overlap.get_attribute("data-facts").split()
    cards = popup.find_elements(By.CLASS_NAME, "card")
    assert len(keys) >= 2 and len(cards) >= 2
    # Actor names switched off: their labels leave the page (and the tab order), the rest stay.
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not popup.is_displayed()
    toggle = browser.find_element(By.ID, "show-actors")
    assert toggle.is_displayed()
    toggle.click()
    labels = browser.find_elements(By.CSS_SELECTOR, "#text a.tag")
    assert not any(t.is_displayed() for t in labels if "k-actor" in t.get_attribute("class"))
    assert any(t.is_displayed() for t in labels if "k-actor" not in t.get_attribute("class"))
