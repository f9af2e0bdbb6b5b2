"""/docs renders the API in a real browser with the network off: Swagger UI comes from the
installed package, the spec from this server, nothing from a CDN."""
from __future__ import annotations

import shutil
import tempfile
import threading

import pytest
from werkzeug.serving import make_server

from ..conftest import IN_CI

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def test_docs_page_uses_only_local_assets(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "//" not in page.replace("<!doctype", "")   # no absolute (CDN) URL at all
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200


@pytest.fixture
def served(corpus_app):
    server = make_server("127.0.0.1", 0, corpus_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def test_docs_render_offline_in_headless_chromium(served):
    if not (CHROMIUM and DRIVER):
        reason = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    profile = tempfile.mkdtemp(prefix="newsfacts-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 # Only this machine resolves: any CDN or other host would fail to load.
                 '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    try:
        driver.get(served + "/docs")
        WebDriverWait(driver, 60).until(ready.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
        paths = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
        title = driver.find_element(By.CSS_SELECTOR, ".info .title").text
        failed = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    assert "newsfacts" in title
    assert {"/v1/figures", "/v1/actors/{actor_id}/figures", "/v1/search"} <= {p.replace("\u200b", "")
                                                                              for p in paths}
    assert failed == [], failed


