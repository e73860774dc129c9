"""The Unicode facts the caseless search relies on still hold on this Python."""

import re
import sys

from archive.reading.caseless import lowers_badly


def test_lowering_keeps_every_character_in_place_but_the_known_three():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or lowers_badly(char):
            continue
        lowered = char.lower()
        if lowered == char:
            continue
        assert len(lowered) == 1, hex(code)
        # re.I must see the lowered character as the same letter the original was.
        assert re.fullmatch(re.escape(lowered), char, re.I), hex(code)


def test_the_known_three_are_caught():
    assert all(lowers_badly(char) for char in "İıſ")
    assert not lowers_badly("Istanbul is in Türkiye")
