"""Real-browser journeys: Debian's Chromium driven by Playwright against a live Sổ Hội server that this
test run starts on a fresh SQLite database loaded with the demo data. Never downloads a browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SOHOI_CHROMIUM", "/usr/bin/chromium")
# Screenshots go to the user guide only when asked (`make guide-shots`): a test run leaves tracked files
# as they were.
SHOTS = ROOT / "docs" / "guide" / "img" if os.environ.get("SOHOI_GUIDE_SHOTS") == "1" else ROOT / "var" / "e2e-shots"
PASSWORD = "sohoi-demo-2026"  # noqa: S105 - the documented demo password
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_env() -> dict:
    """The environment of the live server (its database): for scripts that prepare rows in it."""
    if os.environ.get("SOHOI_E2E_URL"):
        return dict(os.environ)  # a server you started yourself, on your own database
    tmp = tempfile.mkdtemp(prefix="sohoi-e2e-")
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/e2e.sqlite3", "SOHOI_VAR_DIR": tmp, "DEBUG": "1",
            "MEDIA_ROOT": f"{tmp}/media", "AXES_FAILURE_LIMIT": "50"}


@pytest.fixture(scope="session")
def live_server_url(server_env):
    reuse = os.environ.get("SOHOI_E2E_URL")  # only while writing a journey: a server you started yourself
    if reuse:
        yield reuse.rstrip("/")
        return
    env = server_env
    subprocess.run([sys.executable, "-m", "sohoi.cli", "setup"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, timeout=600)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "sohoi.cli", "runserver", f"127.0.0.1:{port}", "--noreload"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1)  # noqa: S310 - loopback URL built above
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError("Máy chủ thử nghiệm không khởi động được")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def on_server_db(live_server_url, server_env):
    """Run `python -m e2e.<module> args...` against the live server's database (e.g. e2e.bulk_register)."""
    def run(module: str, *args: str) -> None:
        subprocess.run([sys.executable, "-m", f"e2e.{module}", *args], env=server_env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
    return run


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium không có ở {CHROMIUM}: chạy `make e2e` (cài chromium của Debian) hoặc đặt SOHOI_CHROMIUM.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--no-first-run"])
        yield browser
        browser.close()


def _new_page(browser, base_url: str, viewport: dict | None = None):
    context = browser.new_context(viewport=viewport or LAPTOP, locale="vi-VN", base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    return context, page


@pytest.fixture
def page(browser, live_server_url):
    context, page = _new_page(browser, live_server_url)
    yield page
    context.close()


@pytest.fixture
def page_as(browser, live_server_url):
    """A second (third...) browser, each with its own session: `page_as("dandan")` returns a signed-in page,
    for journeys in which one role acts and another sees the result."""
    contexts = []

    def open_as(username: str, viewport: dict | None = None):
        context, page = _new_page(browser, live_server_url, viewport)
        contexts.append(context)
        sign_in(page, username)
        return page

    yield open_as
    for context in contexts:
        context.close()


def sign_in(page, username: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda u: "/dang-nhap/" not in u)


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def shot_of(locator, name: str) -> None:
    """A screenshot of one part of a page (a form, a table) for the guide."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SHOTS / f"{name}.png"))


def flash(page) -> str:
    """The text of the messages shown after an action (success, warning, error)."""
    return page.locator("ul.messages").inner_text() if page.locator("ul.messages").count() else ""


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def choose(page, label: str, typed: str, option: str) -> None:
    """A search-as-you-type choice (core.lookup): type into the search box of the field labelled `label`,
    wait for the answer and pick the first option whose text contains `option`."""
    box = page.get_by_role("searchbox", name=f"Tìm: {label}")
    box.fill(typed)
    select = page.locator(f"select#{box.get_attribute('aria-controls')}")
    found = select.locator("option", has_text=option).first
    found.wait_for(state="attached")
    select.select_option(found.get_attribute("value"))
