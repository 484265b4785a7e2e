"""Reading grade: Flesch-Kincaid via textstat 0.7.8, offline."""

from __future__ import annotations

import subprocess
import sys

from petcasefinder.readability import reading_grade


def test_plain_text_grades_low_and_dense_text_high() -> None:
    plain = "The dog got better. The cat ate well. We found two reports."
    dense = ("Immune-mediated haemolytic anaemia was managed with immunosuppressive corticosteroid "
             "therapy and adjunctive mycophenolate mofetil administration.")
    assert reading_grade(plain) < 3
    assert reading_grade(dense) > 15


def test_known_value() -> None:
    # 0.39 * 10 words + 11.8 * 15/10 syllables - 15.59
    assert abs(reading_grade("2 of the 3 dogs given a steroid (prednisolone) recovered.") - 6.01) < 0.01


def test_empty_text_is_zero() -> None:
    assert reading_grade("") == 0.0
    assert reading_grade("   ") == 0.0


def test_works_with_the_network_blocked() -> None:
    """textstat 0.7.9+ downloads NLTK's cmudict on first use; ours must never touch the network."""
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from petcasefinder.readability import reading_grade\n"
        "print(round(reading_grade('We found 6 case reports about dogs. The dog recovered.'), 2))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 5
