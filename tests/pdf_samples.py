"""Test PDFs made here: transcripts printed by headless Chromium, and the PDFs the reader refuses.

Chromium's --print-to-pdf puts a date and title header and a URL and page-number footer on
every page, as a browser's print of a ministry's page does. Text is shown as a browser shows a
.txt file (a wrapping <pre>); Markdown as its site shows it (the title, the date, the body).
"""

from __future__ import annotations

import datetime
import html
import io
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import markdown
import yaml

from tests.chromium import CHROMIUM_ARGS

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>{style}</style></head>
<body>{body}</body></html>
"""
TEXT_STYLE = "pre {word-wrap: break-word; white-space: pre-wrap;}"
TWO_COLUMNS_STYLE = ".columns {column-count: 2; column-gap: 2em} p {margin: 0 0 .8em}"


def page_of_text(text: str, title: str) -> str:
    """Return a plain-text transcript as the page a browser shows for a .txt file."""
    body = f"<pre>{html.escape(text)}</pre>"
    return PAGE.format(title=html.escape(title), style=TEXT_STYLE, body=body)


def front_matter(text: str) -> tuple[dict, str]:
    """Return the YAML front matter of a Markdown file and its body."""
    if not text.startswith("---"):
        return {}, text
    _, head, body = text.split("---", 2)
    return yaml.safe_load(head) or {}, body


def page_of_markdown(text: str) -> str:
    """Return a Markdown transcript as its site shows it: the title, the date, then the body."""
    meta, body = front_matter(text)
    title = str(meta.get("title", "")).replace("\u00a0", " ")
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    date = meta.get("date")
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    dateline = f"<p>{date:%B} {date.day}, {date.year}</p>" if date else ""
    rendered = markdown.markdown(body)
    # The site names itself above the title and in the page's title, which a browser prints.
    site = "The White House" if "whitehouse" in str(meta.get("source_url", "")) else ""
    masthead = f"<header><p>{site}</p></header>" if site else ""
    return PAGE.format(
        title=html.escape(f"{title} | {site}" if site else title),
        style="",
        body=masthead + heading + dateline + rendered,
    )


def page_of(source: Path) -> str:
    """Return the page a browser shows for a transcript file (HTML as it is)."""
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".md":
        return page_of_markdown(text)
    if source.suffix in (".html", ".htm"):
        return text
    return page_of_text(text, source.name)


LONG_WORD = re.compile(r"\b([a-z]{6})([a-z]{6,})\b")


def page_in_two_columns(text: str, title: str, heading_blocks: int) -> str:
    """Return a page with the first blocks of a text across it and the rest in two columns."""
    blocks = [html.escape(b.strip()) for b in text.split("\n\n") if b.strip()]
    heading = "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks[:heading_blocks])
    # Soft hyphens let the browser break long words at line ends, as a typesetter does.
    columns = "".join(
        "<p>" + LONG_WORD.sub(r"\1&shy;\2", " ".join(b.split())) + "</p>"
        for b in blocks[heading_blocks:]
    )
    return PAGE.format(
        title=html.escape(title),
        style=TWO_COLUMNS_STYLE,
        body=f"{heading}<div class='columns'>{columns}</div>",
    )


def print_to_pdf(page: str, name: str, executable: str) -> bytes:
    """Return a page printed to PDF by headless Chromium, from a file called `name`.html."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}.html"
        target = Path(folder) / f"{name}.pdf"
        source.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                executable,
                "--headless",
                *CHROMIUM_ARGS,
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return target.read_bytes()


# Chromium's own print header and footer, which Playwright's page.pdf() leaves out by default.
HEADER = (
    '<div style="font-size: 8pt; width: 100%; box-sizing: border-box; padding: 0 0.4in; '
    'display: flex;">'
    '<span class="date" style="flex: 1"></span><span class="title" style="flex: 2; min-width: 0; '
    'white-space: nowrap; overflow: hidden; text-overflow: ellipsis"></span></div>'
)
FOOTER = (
    '<div style="font-size: 8pt; width: 100%; box-sizing: border-box; padding: 0 0.4in; '
    'display: flex;">'
    '<span class="url" style="flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; '
    'text-overflow: ellipsis"></span>'
    '<span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'
)
MARGIN = {"top": "0.4in", "bottom": "0.4in", "left": "0.4in", "right": "0.4in"}


def serving(content: str):
    """Return a route handler that answers with the page."""
    body = content.encode("utf-8")
    return lambda route: route.fulfill(body=body, content_type="text/html; charset=utf-8")


def print_from_web(pages: list[tuple[str, str]], executable: str) -> list[bytes]:
    """Return (address, page) pairs printed as a browser prints them from their address."""
    # Served by a route, nothing is fetched: the page only takes the address it was published at.
    with ThreadPoolExecutor(max_workers=1) as thread:  # Playwright's own event loop
        return thread.submit(printed_from_web, pages, executable).result(timeout=600)


def printed_from_web(pages: list[tuple[str, str]], executable: str) -> list[bytes]:
    """Print the pages in a Chromium driven by Playwright (see print_from_web)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())
        printed = []
        for address, content in pages:
            page.route(address, serving(content))
            page.goto(address)
            printed.append(
                page.pdf(
                    format="Letter",
                    display_header_footer=True,
                    header_template=HEADER,
                    footer_template=FOOTER,
                    margin=MARGIN,
                )
            )
            page.unroute(address)
        browser.close()
    return printed


def image_only_pdf(lines: list[str]) -> bytes:
    """Return a one-page PDF that is a picture of text, as a scanner makes, with no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((100, 100 + 40 * i), line, fill=0, font_size=28)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=150)
    return out.getvalue()


def encrypted_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """Return a PDF encrypted with AES; an empty user password opens it without asking."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
