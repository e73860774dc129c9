"""Decoding uploads: UTF-8, UTF-16 with a BOM, Windows-1252 with a warning, else refused."""

import codecs

import pytest

from archive.upload.decoding import UndecodableUpload, decode_upload


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
