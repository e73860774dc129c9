"""Property tests: truncated and mangled PDFs raise only the reader's error, never another."""

from __future__ import annotations

from golden_files import GOLDEN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.reading import ReaderError, read

PDF = (GOLDEN / "pdf" / "CHN_78_2023.pdf").read_bytes()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mangled(draw):
    """Return the bytes of a real PDF cut short, with bytes flipped, dropped or junk put in."""
    data = bytearray(PDF)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "drop", "junk", "zero"]))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "drop":
            del data[at : at + draw(st.integers(1, 4096))]
        elif action == "junk":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[at : at + 64] = bytes(min(64, len(data) - at))
    if draw(st.booleans()):
        data = data[: draw(st.integers(5, max(len(data), 5)))]
    return bytes(data)


def read_or_refuse(data: bytes):
    """Return the reading, or None when the reader refuses the input with ReaderError."""
    try:
        return read(data)
    except ReaderError as error:
        assert str(error) and "\n" not in str(error)  # a one-line reason for the admin
        return None


@SETTINGS
@given(mangled())
def test_mangled_pdfs_read_or_are_refused(data):
    """Whatever is done to a PDF, the reader reads it or refuses it with ReaderError."""
    reading = read_or_refuse(data)
    if reading is not None and data.startswith(b"%PDF-"):
        assert reading.format == "pdf"
        assert all(u.paragraphs or u.notes for u in reading.utterances) or not reading.utterances


@SETTINGS
@given(st.integers(5, PDF.rindex(b"%%EOF") + 4))
def test_a_truncated_pdf_is_refused(cut):
    """A PDF cut anywhere short of its end is refused: none of it is read as if it were whole."""
    try:
        read(PDF[:cut])
    except ReaderError:
        return
    raise AssertionError(f"a PDF cut at byte {cut} of {len(PDF)} was read")


@SETTINGS
@given(st.binary(max_size=2048))
def test_any_bytes_after_the_signature_raise_only_reader_errors(tail):
    read_or_refuse(b"%PDF-1.7\n" + tail)


def test_a_mangled_pdf_whose_type_has_no_size_is_refused_or_read():
    """Hypothesis found this mangled file: its text has size 0, which divided by zero."""
    read_or_refuse((GOLDEN.parent / "pdf" / "mangled-type-size.pdf").read_bytes())
