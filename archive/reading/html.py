"""state.gov article pages: title, date and author bar from the page, bold labels in the body."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from archive.reading.draft import Draft
from archive.reading.event import as_date, event_date, find_date, kind_from_title, web_url
from archive.reading.header import read_header
from archive.reading.people import from_author_bar, from_title, interview_kind, merge
from archive.reading.text import narrator_of, with_lead
from archive.reading.turns import Chunk, clean_inline, segment
from archive.reading.types import EventReading, ReaderError

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
TITLE_SUFFIX = re.compile(
    r"\s+[-|–]\s+(?:United States Department of State|U\.S\. Department of State)$"
)
BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "td")
DROP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "form")
META_CLASSES = ("article-meta", "featured-content__headline")


def parse(text: str) -> lxml.html.HtmlElement:
    """Return the parsed page, or raise ReaderError when it holds no document."""
    try:
        return lxml.html.document_fromstring(XML_DECLARATION.sub("", text))
    except (lxml.etree.ParserError, ValueError) as error:
        raise ReaderError(f"the HTML page could not be parsed: {error}") from error


def first_text(root: lxml.html.HtmlElement, *paths: str) -> str:
    """Return the text of the first element or attribute any of the XPath paths finds."""
    for path in paths:
        for found in root.xpath(path):
            text = found if isinstance(found, str) else found.text_content()
            text = " ".join(str(text).replace("\u00a0", " ").split())
            if text:
                return text
    return ""


def page_facts(root: lxml.html.HtmlElement) -> tuple[str, object, str, str]:
    """Return (title, date, author bar, canonical URL) from the page around the body."""
    title = first_text(root, "//h1", "//meta[@property='og:title']/@content", "//title") or ""
    title = TITLE_SUFFIX.sub("", title)
    date = find_date(first_text(root, "//*[contains(@class, 'publish-date')]"))[0] or as_date(
        first_text(root, "//meta[@property='article:published_time']/@content", "//time/@datetime")
    )
    author = first_text(root, "//*[contains(@class, 'author-bar')]")
    url = first_text(root, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    return title, date, author, web_url(url)


def body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Return the element holding the transcript, page furniture removed."""
    for element in root.xpath("|".join(f"//{tag}" for tag in DROP)):
        element.drop_tree()
    for element in root.xpath("//*[@class]"):
        if any(name in element.get("class", "") for name in META_CLASSES):
            element.drop_tree()
    for path in ("//*[contains(@class, 'entry-content')]", "//article", "//main", "//body"):
        found = root.xpath(path)
        if found:
            return found[0]
    return root


def chunks(container: lxml.html.HtmlElement) -> list[Chunk]:
    """Return one chunk per paragraph-like element; a <br> starts a new chunk."""
    for br in container.iter("br"):
        br.tail = "\n" + (br.tail or "")
    # lxml filters the ancestors itself: no Python object made for each one it walks past.
    elements = [e for e in container.iter(*BLOCKS) if next(e.iterancestors(*BLOCKS), None) is None]
    if not elements:
        elements = [container]
    result = []
    for element in elements:
        line = element.sourceline or 0
        for piece in clean_inline(element.text_content()).split("\n"):
            if piece.strip():
                result.append(Chunk(" ".join(piece.split()), line))
    return result


def read_html(text: str) -> Draft:
    """Return the draft reading of an HTML transcript page."""
    root = parse(text)
    title, date, author, url = page_facts(root)
    kind = kind_from_title(title) or interview_kind(from_title(title))
    found = chunks(body(root))
    if not found:
        raise ReaderError("the HTML page has no text in its body")
    preamble, turns = segment(found)
    header = read_header([c.text for c in preamble], kind, frozenset({author}))
    people = merge([*from_author_bar(author), *header.people, *from_title(title)])
    host = people[0].described() if people and not people[0].journalist else author
    day, dated = event_date(title, header.date, date)
    event = EventReading(title, kind, day, header.venue, header.city, url, host)
    home = "United States" if "state.gov" in url or "Department of State" in text[:3000] else ""
    turns, missing = with_lead(preamble, turns, header.lead)
    narrator = narrator_of(people) if missing else None
    return Draft("html", event, people, turns, dated + missing, home, narrator)
