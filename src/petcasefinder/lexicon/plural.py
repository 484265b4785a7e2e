"""English plurals of animal names: one rule for the lexicon build, the classifier's wording and the search page.

Grammar, not vocabulary: the regular "+s" with its spelling rules, the few irregular animal plurals, and the nouns
that are the same in both numbers ("one sheep", "ten sheep").
"""

from __future__ import annotations

import re

IRREGULAR = {"mouse": "mice", "dormouse": "dormice", "goose": "geese", "ox": "oxen", "calf": "calves", "wolf": "wolves",
             "buffalo": "buffaloes"}
# the same word for one or many ("two sheep", "a herd of bison"), also as the head of a longer name ("crayfish"); a
# breed named in the plural stays so ("a Great Pyrenees")
INVARIANT = ("sheep", "deer", "fish", "cattle", "swine", "bison", "chamois", "poultry", "livestock", "pyrenees")


def plural(term: str) -> str:
    """'dog' -> 'dogs', 'canary' -> 'canaries', 'mouse deer' -> 'mouse deer', 'bird of prey' -> 'birds of prey'."""
    if term.endswith(" of prey"):  # the head takes the plural; not in names like "Glen of Imaal Terrier"
        return plural(term[: -len(" of prey")]) + " of prey"
    first, _, last = term.rpartition(" ")
    if last in IRREGULAR:
        p = IRREGULAR[last]
    elif last.endswith(INVARIANT):
        p = last
    elif re.search(r"[^aeiou]y$", last):
        p = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        p = last + "es"
    else:
        p = last + "s"
    return f"{first} {p}" if first else p


# also written unchanged for many ("30 elk shot", "two moose"), though a regular plural exists
_MAY_BE_UNCHANGED = ("elk", "moose", "salmon", "trout", "carp", "tuna", "bream", "bass", "cod", "buffalo", "caribou",
                     "quail", "grouse", "shrimp", "squid", "antelope", "mink", "wildebeest", "yak", "fowl", "boar")


def may_be_plural(word: str) -> bool:
    """'elk' may name one or many; 'dog' names one."""
    w = word.casefold().rpartition(" ")[2]
    return is_plural(w) or w.endswith(INVARIANT + _MAY_BE_UNCHANGED)


def is_plural(word: str) -> bool:
    """Whether an animal word as written names more than one ('dogs', 'mice', 'geese'); 'sheep' may name either, so
    no."""
    w = word.casefold().rpartition(" ")[2]
    if w.endswith(INVARIANT):
        return False
    return w.endswith(tuple(IRREGULAR.values())) or bool(re.search(r"[^su]s$", w))
