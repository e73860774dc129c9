"""Decoding uploads: UTF-8, UTF-16 with a BOM, Windows-1252 with a warning, else refused."""

import codecs

import pytest

from archive.reading import ReaderError, read
from archive.upload.decoding import UndecodableUpload, decode_upload

SHORT = "MR SMITH: Olá, and welcome.\n\nMS JONES: Thank you.\n"


def test_utf8_with_or_without_bom():
    assert decode_upload("MR SMITH: Olá".encode()).text == "MR SMITH: Olá"
    assert decode_upload(codecs.BOM_UTF8 + "MR SMITH: Olá".encode()).text == "MR SMITH: Olá"


def test_utf16_with_bom():
    assert decode_upload("MR SMITH: Olá".encode("utf-16")).text == "MR SMITH: Olá"


def test_windows_1252_warns():
    decoded = decode_upload("MR SMITH: “Olá”".encode("cp1252"))
    assert decoded.text == "MR SMITH: “Olá”" and "Windows-1252" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n \r\n", "empty"),
        (b"\x81\x8d", "neither UTF-8 nor Windows-1252"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"text\x00with nul", "binary"),
        ("MR SMITH: " + "\x07" * 50, "binary"),
        ("   ", "empty"),
    ],
)
def test_refusals(data, message):
    with pytest.raises(UndecodableUpload, match=message):
        decode_upload(data)


SAME_BYTES = {
    "utf-8": SHORT.encode(),
    "utf-8 with a BOM": codecs.BOM_UTF8 + SHORT.encode(),
    "utf-16 LE with a BOM": codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le"),
    "utf-16 BE with a BOM": codecs.BOM_UTF16_BE + SHORT.encode("utf-16-be"),
    "windows-1252": SHORT.replace("Olá", "“Olá”").encode("cp1252"),
    "undefined in windows-1252": SHORT.encode("cp1252") + b"\x81\x8d\x8f",
    "utf-16 without a BOM": SHORT.encode("utf-16-le"),
    "a broken utf-16": codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le") + b"\x00\xd8",
    "nul bytes": SHORT.encode() + b"\x00\x00\x01",
    "a PDF": b"%PDF-1.7\n" + SHORT.encode(),
    "a ZIP": b"PK\x03\x04" + SHORT.encode(),
    "an RTF": b"{\\rtf1 " + SHORT.encode(),
    "control characters": SHORT.encode() + b"\x07" * 400,
    "empty": b" \n\t\n",
}


@pytest.mark.parametrize("data", SAME_BYTES.values(), ids=SAME_BYTES.keys())
def test_the_upload_and_the_reader_accept_and_refuse_the_same_bytes(data):
    try:
        text = read(data).utterances[0].text
    except ReaderError as error:
        with pytest.raises(UndecodableUpload) as refused:
            decode_upload(data)
        assert str(error) in str(refused.value)
        return
    decoded = decode_upload(data)
    assert text in decoded.text
    assert read(decoded.text).utterances[0].text == text


def test_utf16_with_a_bom_is_read_by_the_reader():
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        reading = read(bom[encoding] + SHORT.encode(encoding))
        assert reading.utterances[0].text == "Olá, and welcome."
