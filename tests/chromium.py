"""How the browser tests start Debian's Chromium: headless, offline, as root."""

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """Return Debian's Chromium; skip without it, but fail in CI, which must have installed it."""
    import os
    import shutil

    import pytest

    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI's .ci/test-suite installs it")
        pytest.skip(message)
    return executable
