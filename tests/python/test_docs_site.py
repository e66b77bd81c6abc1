"""The static docs site renders in a real browser and shows the project's metadata.

Opens `target/static_index.html` (from `make test-dbt`, which runs
`dbt docs generate --static`; `$DBT_TARGET_PATH` when set) in headless Chromium,
lets the dbt docs app run, and reads the DOM it built: the overview page, a
staging model's page and a code-list seed's page must show their descriptions
(as in `manifest.json` beside the page). Skipped when Chromium is not installed,
except under CI (`CI=true`), where that is a failure (`make browser` installs it).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TARGET_DIR = Path(os.environ.get("DBT_TARGET_PATH") or PROJECT_ROOT / "target")
if not TARGET_DIR.is_absolute():
    TARGET_DIR = PROJECT_ROOT / TARGET_DIR
PAGE = TARGET_DIR / "static_index.html"
MODEL_ID = "model.soscare.stg_soscare__referrals"
SEED_ID = "seed.soscare.code_abuse_type"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=15000",
)


def find_chromium() -> str | None:
    """Path of a Chromium binary, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        reason = "chromium is not installed (run `make browser`, as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}: required under CI=true")
        pytest.skip(reason)
    return binary


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    if not PAGE.is_file():
        pytest.fail(f"{PAGE} not found: run `make test-dbt` (dbt docs generate --static) first")
    data: dict[str, Any] = json.loads((TARGET_DIR / "manifest.json").read_text(encoding="utf-8"))
    return data


class _MarkdownText(HTMLParser):
    """Visible text, and the text of each block the app rendered from markdown (`marked` attribute)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.markdown: list[str] = []
        self._skip = 0
        self._depth = 0
        self._in_markdown: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        self._depth += 1
        if self._in_markdown is None and "marked" in dict(attrs):
            self._in_markdown = self._depth
            self.markdown.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        if self._in_markdown == self._depth:
            self._in_markdown = None
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._in_markdown is not None:
            self.markdown[-1] += data


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def render(chromium: str, route: str) -> _MarkdownText:
    """The DOM of the static page at `#!/<route>` after its scripts ran, parsed."""
    with tempfile.TemporaryDirectory(prefix="soscare-chromium-") as profile:
        result = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", f"{PAGE.as_uri()}#!/{route}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = _MarkdownText()
    parsed.feed(result.stdout)
    return parsed


def opening(description: str, length: int = 60) -> str:
    """The start of a markdown description as it reads once rendered (no markup)."""
    plain = _squash(re.sub(r"[*`#]", "", description.split("[")[0]))
    return plain[:length].strip()


def test_overview_page_renders(chromium: str, manifest: dict[str, Any]) -> None:
    page = render(chromium, "overview")
    text = _squash(" ".join(page.text))
    assert "dbt Docs" in text or "Overview" in text  # the app's chrome, not the raw template
    rendered = " ".join(_squash(block) for block in page.markdown)
    assert "The fourteen modules" in rendered
    assert "Known limitations" in rendered


@pytest.mark.parametrize(("unique_id", "route"), [(MODEL_ID, f"model/{MODEL_ID}"), (SEED_ID, f"seed/{SEED_ID}")])
def test_resource_page_shows_its_description(
    chromium: str, manifest: dict[str, Any], unique_id: str, route: str
) -> None:
    node = manifest["nodes"][unique_id]
    expected = opening(node["description"])
    assert len(expected) >= 20, f"{unique_id} has (almost) no description to look for"
    page = render(chromium, route)
    rendered = [_squash(block) for block in page.markdown]
    assert any(expected in block for block in rendered), (expected, rendered[:3])
    # the column list is rendered too: a documented column's name is on the page
    column = next(iter(node["columns"]))
    assert column in _squash(" ".join(page.text))
