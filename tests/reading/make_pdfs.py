"""Print the golden PDFs and the two-column PDF with headless Chromium (needs Debian's chromium).

Run from the project root, then regenerate the expected readings and review both:

    python tests/reading/make_pdfs.py
    python tests/reading/regenerate_golden.py
    git diff --stat tests/data

Each tests/data/golden/pdf/NAME.pdf is the golden input NAME.txt, .html or .md of another
format folder printed as a browser prints it: a text file from its file (`--print-to-pdf`), a
web page from the address it was published at (its canonical link or front-matter source_url),
so the running foot carries that address. tests/data/pdf/two-columns.pdf is the seed's turns set
in two narrow columns with soft hyphens in its long words.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.pdf_samples import (  # noqa: E402
    front_matter,
    page_in_two_columns,
    page_of,
    print_from_web,
    print_to_pdf,
)

GOLDEN = ROOT / "tests" / "data" / "golden"
PRINTED = [
    "text/2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt",
    "speech/CHN_78_2023.txt",
    "html/secretary-antony-j-blinken-and-german-foreign-minister-heiko-maas-at-a-joint-press-availab.html",
    "html/department-press-briefing-february-9-2022.html",
    "html/secretary-antony-j-blinken-with-osman-ayfarah-of-al-jazeera.html",
    "html/secretary-antony-j-blinken-greenlandic-premier-mute-egede-greenlandic-foreign-minister-pel.html",
    "markdown/2021-08-23-remarks-by-vice-president-harris-and-prime-minister-lee-of-singapore-in-joint-press-conference-singapore-singapore.md",
    "markdown/2024-01-27-background-press-call-on-apnsa-jake-sullivans-meeting-with-foreign-minister-wang-yi-of-the-peoples-republic-of-china.md",
    "markdown/2025-01-25-press-gaggle-by-president-trump-aboard-air-force-one-en-route-to-miami-florida.md",
]
TWO_COLUMNS = ROOT / "tests" / "data" / "pdf" / "two-columns.pdf"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def address(source: Path) -> str:
    """Return the web address a page was published at, or "" for a file of text."""
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".md":
        return str(front_matter(text)[0].get("source_url", ""))
    found = CANONICAL.search(text) if source.suffix == ".html" else None
    return found.group(1) if found else ""


def main() -> None:
    """Print every golden PDF and the two-column PDF."""
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is needed: apt-get install chromium")
    sources = [GOLDEN / name for name in PRINTED]
    web = [s for s in sources if address(s)]
    printed = print_from_web([(address(s), page_of(s)) for s in web], chromium)
    for source, pdf in zip(web, printed, strict=True):
        (GOLDEN / "pdf" / f"{source.stem}.pdf").write_bytes(pdf)
    for source in (s for s in sources if not address(s)):
        pdf = print_to_pdf(page_of(source), source.stem, chromium)
        (GOLDEN / "pdf" / f"{source.stem}.pdf").write_bytes(pdf)
    seed = (GOLDEN / PRINTED[0]).read_text(encoding="utf-8")
    page = page_in_two_columns(seed, "Press Availability", heading_blocks=4)  # the header
    TWO_COLUMNS.parent.mkdir(exist_ok=True)
    TWO_COLUMNS.write_bytes(print_to_pdf(page, "two-columns", chromium))
    for path in sorted((GOLDEN / "pdf").glob("*.pdf")) + [TWO_COLUMNS]:
        print(f"{path.stat().st_size / 1024:7.1f} KiB  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
