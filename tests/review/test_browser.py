"""The review pages of every fixture in a real browser: Debian's headless Chromium, driven by
Selenium through Debian's chromium-driver (same package version as the browser, so the two
always match; nothing is downloaded at run time).

For each fixture: one box per extracted item, on the page its provenance names (checked
against the parser's JSON and against the hand-checked gold); clicking a panel item shows
its box (selected, scrolled into view, on a loaded page image, on top); clicking a box selects
its panel item; j/k move to the next/previous item. A screenshot per fixture is written under
out/review-test/ and its path printed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.review.common import (
    EXPECTED,
    FIXTURES,
    KEEP,
    fixture_names,
    load,
    parsed_fixtures,
    reviewed_fixtures,
    walk,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    assert not missing, (
        f"{', '.join(missing)} missing: run scripts/setup.sh as root "
        "(apt-get install chromium chromium-driver)"
    )
    import os

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    profile = tempfile.mkdtemp(prefix="planparse-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


DOM_BOXES = """
return Array.from(document.querySelectorAll('.box')).map(b => [
  b.dataset.item, b.dataset.kind, b.dataset.uid, Number(b.closest('.page').dataset.page)]);
"""

IN_VIEW = """
const el = arguments[0], view = document.getElementById(arguments[1]).getBoundingClientRect();
const r = el.getBoundingClientRect();
const visible = r.width > 0 && r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1
  && r.left >= view.left - 1 && r.right <= view.right + 1;
const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
const img = el.closest('.page') ? el.closest('.page').querySelector('img') : null;
return {visible: visible, onTop: top === el || el.contains(top),
        imageLoaded: img ? (img.complete && img.naturalWidth > 0) : null,
        selected: el.classList.contains('selected')};
"""


def _open(driver: Any, name: str) -> dict[str, Any]:
    reviewed_fixtures()
    page = parsed_fixtures() / "review" / f"{name}.html"
    assert page.exists(), f"no review page for {name}"
    driver.get(page.as_uri())
    doc = load(parsed_fixtures() / f"{name}.json")
    return doc


def _wait(driver: Any, script: str, *args: Any, timeout: float = 5.0) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script, *args))


@pytest.mark.parametrize("name", fixture_names())
def test_review_page_in_chromium(browser: Any, name: str) -> None:
    from selenium.webdriver.common.by import By

    doc = _open(browser, name)
    boxes = browser.execute_script(DOM_BOXES)

    # One box per extracted item with a position, on the page its provenance names.
    expected = Counter(
        (kind, item["uid"], item["provenance"]["page"]) for kind, item in walk(doc)
    )
    assert Counter((k, uid, p) for _, k, uid, p in boxes) == expected
    assert len({item for item, *_ in boxes}) == len(boxes)
    # ... and on the pages the hand-checked gold gives for each kind of item.
    gold = load(EXPECTED / f"{name}.json")
    assert Counter((k, p) for _, k, _, p in boxes) == Counter(
        (kind, item["provenance"]["page"]) for kind, item in walk(gold)
    )
    panel = browser.execute_script(
        "return Array.from(document.querySelectorAll('#panel .item')).map(li => li.dataset.item)"
    )
    assert sorted(panel) == sorted(item for item, *_ in boxes)

    if not boxes:
        return
    # Click a panel item far down the document: its box is selected and shown.
    target_id = boxes[-1][0] if len(boxes) < 3 else boxes[len(boxes) * 3 // 4][0]
    li = browser.find_element(By.CSS_SELECTOR, f'#panel .item[data-item="{target_id}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", li)
    li.click()
    box = browser.find_element(By.CSS_SELECTOR, f'.box[data-item="{target_id}"]')
    state = _wait(
        browser,
        "const s = (function(){" + IN_VIEW + "}).apply(null, arguments); return s.imageLoaded && s.visible ? s : null;",
        box,
        "pages",
    )
    assert state == {"visible": True, "onTop": True, "imageLoaded": True, "selected": True}
    assert "selected" in li.get_attribute("class")

    KEEP.mkdir(parents=True, exist_ok=True)
    shot = KEEP / f"{name}.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

    # Keys: j selects the next item in the panel, k goes back.
    order = browser.execute_script(
        "return Array.from(document.querySelectorAll('#panel .item')).map(li => li.dataset.item)"
    )
    at = order.index(target_id)
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    if at + 1 < len(order):
        assert browser.execute_script(
            "return document.querySelector('#panel .item.selected').dataset.item"
        ) == order[at + 1]
        browser.find_element(By.TAG_NAME, "body").send_keys("k")
    assert browser.execute_script(
        "return document.querySelector('#panel .item.selected').dataset.item"
    ) == target_id

    # Click a box (one not covered by another at its centre): its panel item is selected.
    other = browser.execute_script(
        """
        const ids = [];
        for (const b of document.querySelectorAll('.box')) {
          if (b.dataset.item === arguments[0]) continue;
          b.scrollIntoView({block: 'center'});
          const r = b.getBoundingClientRect();
          const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
          if (hit === b) return b.dataset.item;
        }
        return null;
        """,
        target_id,
    )
    assert other is not None, "every box is covered by another"
    browser.find_element(By.CSS_SELECTOR, f'.box[data-item="{other}"]').click()
    li = browser.find_element(By.CSS_SELECTOR, f'#panel .item[data-item="{other}"]')
    assert "selected" in li.get_attribute("class")
    state = browser.execute_script(IN_VIEW, li, "panel")
    assert state["visible"] and state["selected"]


def test_item_without_position_in_chromium(browser: Any, tmp_path: Path) -> None:
    """An item whose provenance has no usable box is in the panel, marked, with no box."""
    import json

    from planparse.review import review_json

    src = parsed_fixtures() / "solleftea-malavstamning-t2-2024.json"
    doc = load(src)
    first = doc["goals"][0]
    first["provenance"]["bbox"] = [0, 0, 0, 0]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page = review_json(edited, FIXTURES / "solleftea-malavstamning-t2-2024.pdf", tmp_path / "r.html")
    browser.get(page.resolve().as_uri())
    text = browser.execute_script(
        "const li = document.querySelector('#panel .item.nopos');"
        "return li ? [li.dataset.uid, li.innerText, !!document.querySelector("
        "'.box[data-item=\"' + li.dataset.item + '\"]')] : null;"
    )
    assert text is not None
    uid, shown, has_box = text
    assert uid == first["uid"] and "no position" in shown and not has_box
