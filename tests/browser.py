"""Headless Chromium for the HTML tests: Debian's /usr/bin/chromium through /usr/bin/chromedriver.

No browser is downloaded: the driver path is given explicitly, so selenium-manager never runs. When
either binary or selenium is missing the tests skip and say why. Screenshots go to out/artifacts/
(gitignored) and their paths are printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ZONGJIE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ZONGJIE_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "artifacts"


def _missing() -> str | None:
    for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)):
        if not (Path(path).is_file() and os.access(path, os.X_OK)) and not shutil.which(path):
            return f"{name} not found at {path} (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium session whose console log the test can read."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1400,1000", "--lang=zh-CN"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    """The page's console messages of level SEVERE (errors), read from the browser log."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def screenshot(driver, name: str, full_page: bool = True) -> Path:
    """Saves a screenshot under out/artifacts/ and prints its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    if full_page:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1400, min(max(height + 40, 600), 6000))
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")
    return path
