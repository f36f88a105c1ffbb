"""The web view in a real browser: Debian's headless Chromium drives the page served by a real uvicorn
over a store ingested from examples/ plus an article carrying script payloads. External requests are
blocked and any the page makes fails the test; a screenshot is saved."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from sitrep.ingest_job import ingest

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip("no Chromium: install Debian's chromium and chromium-driver to run the browser tests",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PAYLOAD = (
    "Gunmen killed three villagers in Maiduguri on Monday, police said. "
    "<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> was written on a wall."
)
SHOT = os.environ.get("SITREP_SCREENSHOT")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from sitrep.serve import create_app

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": "payload", "text": PAYLOAD, "published": "2024-03-05",
                                   "title": "<b>Maiduguri</b> attack", "source": "Test"}) + "\n", "utf-8")
    db = folder / "web.db"
    ingest([EXAMPLES, hostile], db, progress=False)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic", "--window-size=1400,900",
                 # every host but this machine's loopback is unreachable: an external request fails, and is seen
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=DRIVER or ""))
    yield driver
    driver.quit()


def _requests(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def _wait(driver: Any, script: str, timeout: float = 20) -> Any:
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))


def test_page_map_timeline_filter_evidence_and_no_external_request(server: str, browser: Any, tmp_path: Path) -> None:
    browser.get(server + "/")
    markers = int(_wait(browser, "return Number(document.getElementById('map').dataset.markers || 0)"))
    assert markers >= 5
    drawn = browser.find_elements(By.CSS_SELECTOR, ".event-marker, .marker-cluster")
    assert drawn, "no marker or cluster on the map"
    days = int(_wait(browser, "return Number(document.getElementById('timeline').dataset.days || 0)"))
    assert days >= 3 and browser.find_elements(By.CSS_SELECTOR, "#timeline rect.day-bar")
    assert browser.find_elements(By.CSS_SELECTOR, "path.country"), "no country outline drawn"
    # the seed article's ceasefire is shaded on the timeline, violence during it ringed on the map
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.truce[data-start='2016-10-20']")
    total = len(browser.find_elements(By.CSS_SELECTOR, "#events li"))
    assert total >= markers

    # a filter narrows the list and the map together
    Select(browser.find_element(By.NAME, "type")).select_by_value("Battles")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    _wait(browser, f"return document.querySelectorAll('#events li').length < {total}")
    items = browser.find_elements(By.CSS_SELECTOR, "#events li")
    assert items and all("clash" in i.text.lower() or "territory" in i.text.lower() for i in items)
    narrowed = int(browser.execute_script("return Number(document.getElementById('map').dataset.markers)"))
    assert narrowed < markers

    # clicking an event shows its article with the evidence and the fields' words highlighted
    items[0].click()
    _wait(browser, "return document.querySelector('#detail mark.evidence') !== null")
    assert browser.find_elements(By.CSS_SELECTOR, "#detail mark.field")

    # payloads in an article are shown as text, never run
    browser.find_element(By.ID, "clear").click()
    _wait(browser, f"return document.querySelectorAll('#events li').length === {total}")
    box = browser.find_element(By.NAME, "text")
    box.send_keys("Maiduguri")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    _wait(browser, "return document.querySelectorAll('#events li').length === 1")
    browser.find_element(By.CSS_SELECTOR, "#events li").click()
    # the panel still shows the event clicked before until this one's article arrives
    _wait(browser, "const t = document.querySelector('#detail .text');"
                   " return t !== null && t.textContent.includes('Maiduguri on Monday')")
    detail = browser.find_element(By.ID, "detail")
    assert "<script>window.__pwned = 1</script>" in detail.text and "onerror" in detail.text
    assert "<b>Maiduguri</b> attack" in detail.text
    assert browser.execute_script("return window.__pwned === undefined")
    assert not detail.find_elements(By.TAG_NAME, "img") and not detail.find_elements(By.TAG_NAME, "script")

    browser.find_element(By.ID, "clear").click()
    _wait(browser, f"return document.querySelectorAll('#events li').length === {total}")
    browser.find_elements(By.CSS_SELECTOR, "#events li")[0].click()
    _wait(browser, "return document.querySelector('#detail mark.evidence') !== null")
    shot = tmp_path / "web-view.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if SHOT:
        shutil.copy(shot, SHOT)

    outside = [u for u in _requests(browser) if not u.startswith((server, "data:", "blob:"))]
    assert outside == [], f"the page asked for {outside}"
