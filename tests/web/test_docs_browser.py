"""/docs renders the API in a real browser with the network off: Swagger UI comes from the
installed package, the spec from this server, nothing from a CDN."""
from __future__ import annotations


def test_docs_page_uses_only_local_assets(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "//" not in page.replace("<!doctype", "")   # no absolute (CDN) URL at all
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200


def test_docs_render_offline_in_headless_chromium(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(served + "/docs")
    WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    title = browser.find_element(By.CSS_SELECTOR, ".info .title").text
    failed = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert "newsfacts" in title
    assert {"/v1/figures", "/v1/actors/{actor_id}/figures", "/v1/search"} <= {p.replace("\u200b", "")
                                                                              for p in paths}
    assert failed == [], failed
