"""JSON decoding for untrusted bytes: every failure is a ``JSONDecodeError`` with a position.

``json.loads`` alone lets three hostile inputs through as the wrong error or as
bad data:
* nesting deeper than Python's recursion limit raises ``RecursionError``;
* an integer of more than 4,300 digits raises a plain ``ValueError``;
* an escaped unpaired surrogate (``"\\ud800"``) decodes to a ``str`` that cannot
  be encoded as UTF-8, so it passes the readers and then fails the store.

Here the first is a ``JSONDecodeError`` at the place the nesting gets too deep,
the second keeps its digits as a string (a field that needs a number then
rejects it as it would any other text), and lone surrogates become U+FFFD, the
Unicode replacement character.  Replacing rather than rejecting: a lone
surrogate is one broken character (usually half of an emoji cut by an upstream
UTF-16 bug), not a broken record, and dropping a real article over one glyph
would lose more than it protects; U+FFFD is what ``errors="replace"`` decoding
and browsers put in its place.

``too_deep`` bounds the nesting of one record (walked without recursion), so
later ``json.dumps`` / ``ET.tostring`` calls on it cannot hit the recursion limit.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

MAX_DEPTH = 64  # real Europe PMC / PubMed records nest about 8 levels
_INT_DIGITS = 4000  # below CPython's 4,300-digit int() limit
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= _INT_DIGITS else digits


_DECODER = json.JSONDecoder(parse_int=_int)


def _deep_at(text: str, start: int) -> int:
    """Offset at which nesting first passes MAX_DEPTH (for the error message); linear."""
    depth = 0
    for m in _TOKEN.finditer(text, start):
        c = m.group(0)
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif c in "]}":
            depth -= 1
            if depth <= 0:
                break
    return start


def _scrub(s: str) -> str:
    return _SURROGATE.sub("\ufffd", s)


def scrub(obj: Any) -> Any:
    """Lone surrogates in every string (keys too) replaced by U+FFFD; walked without recursion."""
    if isinstance(obj, str):
        return _scrub(obj)
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, str):
                    node[i] = _scrub(v)
                elif isinstance(v, (list, dict)):
                    stack.append(v)
        elif isinstance(node, dict):
            for k, v in list(node.items()):
                if isinstance(k, str) and _SURROGATE.search(k):
                    del node[k]
                    k = _scrub(k)
                if isinstance(v, str):
                    v = _scrub(v)
                elif isinstance(v, (list, dict)):
                    stack.append(v)
                node[k] = v
    return obj


def _finish(obj: Any, text: str) -> Any:
    return scrub(obj) if _ESCAPED_SURROGATE.search(text) else obj


def loads(text: str) -> Any:
    """``json.loads`` that raises only ``JSONDecodeError`` and never returns a lone surrogate."""
    try:
        return _finish(_DECODER.decode(text), text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, _deep_at(text, 0)) from None


def raw_decode(text: str, start: int) -> tuple[Any, int]:
    """``JSONDecoder.raw_decode`` with the same guarantees as ``loads``."""
    try:
        obj, end = _DECODER.raw_decode(text, start)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, _deep_at(text, start)) from None
    return _finish(obj, text[start:end]), end


def too_deep(obj: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether a decoded JSON value nests more than ``limit`` containers deep (no recursion)."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((c, depth + 1) for c in children if isinstance(c, (list, dict)))
    return False


def xml_too_deep(el: ET.Element, limit: int = MAX_DEPTH) -> bool:
    """Whether an element tree nests more than ``limit`` elements deep (no recursion)."""
    stack: list[tuple[ET.Element, int]] = [(el, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in node)
    return False
