"""Print how pdfminer.six and pypdf read the test PDFs, and the reader's speed per PDF page.

    python tests/reading/measure_pdf.py

A measurement, not a test. For each PDF under tests/data (golden/pdf and pdf/), each
extraction's text is read by the text rules and compared with the reading of the file the PDF
was printed from: how much of its spoken words come back in order (difflib's ratio over the two
word sequences), whether the turns (label, speaker, words) are the same, and the extraction's
CPU time per page (best of a few runs). "reader" is archive.reading's own: pdfminer.six's layout
analysis plus this project's page rules. The last line times the whole read() per page.
"""

from __future__ import annotations

import difflib
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from pdfminer.high_level import extract_text  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from archive.reading import Metadata, read  # noqa: E402
from archive.reading.pdf import pdf_text  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "golden"
REPEATS = 3


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdfminer_text(data: bytes) -> str:
    return extract_text(io.BytesIO(data))


def reader_text(data: bytes) -> str:
    pdf_text.cache_clear()
    return pdf_text(data).text


EXTRACTORS = {"pypdf": pypdf_text, "pdfminer": pdfminer_text, "reader": reader_text}


def original_of(pdf: Path) -> Path:
    """Return the file a PDF was printed from (the two-column PDF is the seed's)."""
    if pdf.parent.name != "pdf" or pdf.parent.parent.name != "golden":
        return next((GOLDEN / "text").glob("*.txt"))
    return next(p for p in GOLDEN.glob(f"*/{pdf.stem}.*") if p.suffix not in (".pdf", ".json"))


def timed(function, data) -> tuple[float, float, object]:
    """Return the best wall and CPU seconds of a few calls, and the result."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(data)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def spoken(reading) -> list[str]:
    return [w for u in reading.utterances for w in u.text.split()]


def turns(reading) -> list[tuple]:
    return [(u.label, reading.speaker(u.speaker).name, u.text.split()) for u in reading.utterances]


def main() -> None:
    pdfs = sorted((GOLDEN / "pdf").glob("*.pdf")) + sorted((ROOT / "tests/data/pdf").glob("*.pdf"))
    totals = {name: [0.0, 0.0, 0.0, 0] for name in [*EXTRACTORS, "read()"]}
    print(f"{'pdf':42} {'pages':>5}  " + "  ".join(f"{n:>22}" for n in EXTRACTORS))
    for pdf in pdfs:
        data, source = pdf.read_bytes(), original_of(pdf)
        original = read(source.read_bytes(), metadata=Metadata(filename=source.name))
        pages = len(PdfReader(io.BytesIO(data)).pages)
        cells = []
        for name, extractor in EXTRACTORS.items():
            wall, cpu, text = timed(extractor, data)
            reading = read(text, metadata=Metadata(filename=pdf.name))
            ratio = difflib.SequenceMatcher(
                None, spoken(original), spoken(reading), autojunk=False
            ).ratio()
            same = "=" if turns(reading) == turns(original) else "≠"
            cells.append(f"{ratio:5.3f} {same} {cpu / pages * 1000:5.0f} ms/p")
            totals[name][0] += wall
            totals[name][1] += cpu
            totals[name][2] += ratio
            totals[name][3] += pages
        pdf_text.cache_clear()
        wall, cpu, _ = timed(lambda d: (pdf_text.cache_clear(), read(d))[1], data)
        totals["read()"][0] += wall
        totals["read()"][1] += cpu
        totals["read()"][3] += pages
        print(f"{pdf.stem[:42]:42} {pages:5}  " + "  ".join(f"{c:>22}" for c in cells))
    count = len(pdfs)
    print("\nratio: the original's spoken words found in order; =: the same turns are read")
    for name, (wall, cpu, ratio, pages) in totals.items():
        quality = f"mean ratio {ratio / count:.3f}, " if name != "read()" else ""
        print(
            f"{name:9} {quality}{pages} pages: {wall / pages * 1000:5.1f} ms wall, "
            f"{cpu / pages * 1000:5.1f} ms CPU a page"
        )


if __name__ == "__main__":
    main()
