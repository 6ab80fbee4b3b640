"""The verification page in a real browser (Debian's Chromium, headless, through Selenium): the QR code of a
really issued PDF is decoded and opened, and a PDF is uploaded through the page's form.

Without Chromium the test skips locally and fails in CI (CI=true), where .ci/run installs it."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.desk import Desk
from app.document.disclosure import format_date
from tests.test_certificates import _page_images
from tests.verification_service import SUSPENDED_ON, fill_register, free_port, running_service

CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def _chromium(tmp_path: Path, accept_languages: str = "") -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        message = "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {message}")
        pytest.skip(message)
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if accept_languages:  # what the browser sends as Accept-Language, as a reader's settings would
        options.add_experimental_option("prefs", {"intl.accept_languages": accept_languages})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    yield from _chromium(tmp_path)


@pytest.fixture
def french_browser(tmp_path: Path) -> Iterator[Any]:
    yield from _chromium(tmp_path, "fr-CA,fr,en")


def _wait_for(browser: Any, element_id: str) -> Any:
    """The element once the page that has it is loaded (a click returns before the next page is there)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_element_located((By.ID, element_id))
    )


def _wait_until(browser: Any, condition: Any) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # an element read while the next page replaces it is stale: ask again
    WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def _qr_link(qapp: object, pdf: bytes, tmp_path: Path) -> str:
    import zxingcpp
    from PIL import Image

    [image] = _page_images(qapp, pdf, tmp_path, scale=2)
    path = tmp_path / "page.png"
    image.save(str(path))  # type: ignore[attr-defined]
    with Image.open(path) as picture:
        codes = zxingcpp.read_barcodes(picture)
    assert len(codes) == 1
    return str(codes[0].text)


def test_the_qr_code_opens_the_page_and_a_file_is_checked_through_the_form(
    browser: Any, qapp: object, desk: Desk, data_dir: Path, database_url: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    port = free_port()
    desk.settings.set("verification.url", f"http://127.0.0.1:{port}/cpc")
    register = fill_register(desk)
    desk.close()
    link = _qr_link(qapp, register.suspended.pdf, tmp_path)
    assert link.startswith(f"http://127.0.0.1:{port}/cpc?number={register.suspended.number}&code=")

    with running_service(data_dir, database_url, port=port) as (base, _proc):
        browser.get(link)
        assert "is valid until" in browser.find_element(By.ID, "status").text
        assert browser.find_element(By.ID, "member_name").text == "Sam Suspended"
        assert browser.find_element(By.ID, "addressed_to").text == "Toronto General Hospital"
        assert browser.find_element(By.ID, "member_status").text == "Active"  # as certified
        if os.environ.get("CPC_DESK_SCREENSHOT_DIR"):  # how the page looks on a phone, for the docs
            browser.set_window_size(412, 1400)
            browser.save_screenshot(
                str(Path(os.environ["CPC_DESK_SCREENSHOT_DIR"]) / "verification-page.png")
            )
        changed = browser.find_element(By.ID, "register-changed").text
        assert f"suspended since {format_date(SUSPENDED_ON)}; discipline finding recorded" in changed
        assert ":" in browser.find_element(By.ID, "fingerprint").text
        # the inline style sheet is allowed by its hash: the page is styled and the browser refused nothing
        border = browser.find_element(By.ID, "verdict").value_of_css_property("border-left-width")
        assert border not in ("", "0px")
        assert not [e for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]

        revoked = tmp_path / "revoked.pdf"
        revoked.write_bytes(register.revoked.pdf)
        browser.get(base + "/cpc")
        browser.find_element(By.ID, "pdf").send_keys(str(revoked))
        browser.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]").click()
        verdict = _wait_for(browser, "file-verdict").text
        assert f"This file is exactly certificate {register.revoked.number}" in verdict
        assert "was revoked on" in verdict

        forged = tmp_path / "forged.pdf"
        forged.write_bytes(register.valid.pdf + b"%forged\n")
        browser.get(base + "/cpc")
        browser.find_element(By.ID, "pdf").send_keys(str(forged))
        browser.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]").click()
        assert "NOT a certificate as the College issued it" in _wait_for(browser, "file-verdict").text

        browser.get(base + "/cpc")
        browser.find_element(By.ID, "number").send_keys(register.valid.number.lower())
        browser.find_element(By.ID, "code").send_keys(register.revoked.code)  # another certificate's code
        browser.find_element(By.CSS_SELECTOR, "form[method=get] button[type=submit]").click()
        assert (
            _wait_for(browser, "status").text == "No certificate matches this number and verification code."
        )


def test_a_french_browser_gets_the_page_in_french_and_the_switch_gives_english(
    french_browser: Any, desk: Desk, data_dir: Path, database_url: str
) -> None:
    from selenium.webdriver.common.by import By

    browser = french_browser
    desk.settings.set("issuer.name_fr", "Ordre des médecins et chirurgiens (DÉMO)")
    register = fill_register(desk)
    number, code = register.suspended.number, register.suspended.code
    desk.close()
    with running_service(data_dir, database_url) as (base, _proc):
        browser.get(f"{base}/cpc?number={number}&code={code}")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Ordre des médecins et chirurgiens")
        assert browser.find_element(By.ID, "status").text.startswith(
            f"Le certificat {number} est valide jusqu"
        )
        assert browser.find_element(By.ID, "member_status").text == "Actif"  # as certified, in French
        changed = browser.find_element(By.ID, "register-changed").text
        assert f"suspendu depuis le {format_date(SUSPENDED_ON, 'fr')}; conclusion disciplinaire inscrite" in (
            changed.replace("\xa0", " ")
        )
        if os.environ.get("CPC_DESK_SCREENSHOT_DIR"):  # the French page on a phone, for the docs
            browser.set_window_size(412, 1500)
            browser.save_screenshot(
                str(Path(os.environ["CPC_DESK_SCREENSHOT_DIR"]) / "verification-page-fr.png")
            )
        assert not [e for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]

        # the switch: English, for the same certificate, and the French form keeps the reader's choice
        browser.find_element(By.ID, "language").click()
        _wait_until(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
        assert browser.find_element(By.ID, "status").text.startswith(f"Certificate {number} is valid until")
        assert browser.find_element(By.ID, "language").text == "Français"
        browser.find_element(By.ID, "code").clear()
        browser.find_element(By.ID, "code").send_keys("AAAA-BBBB-CCCC")
        browser.find_element(By.CSS_SELECTOR, "form[method=get] button[type=submit]").click()
        # English still, though the browser asks for French: the reader chose English
        _wait_until(browser, lambda b: "No certificate matches" in b.find_element(By.ID, "status").text)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
