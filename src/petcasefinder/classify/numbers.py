"""Numbers in running text, and counts of animals: "twelve", "thirty-four", "19 guinea pigs", "four dogs and a cat".

A count keeps its field, offset and exact quote, like every other piece of evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.mentions import SpeciesMention
from ..lexicon.plural import may_be_plural

NUM_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"]
_NUM_VALUE = {w: i + 1 for i, w in enumerate(NUM_WORDS[:20])} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_NUM_ALT = "|".join(NUM_WORDS)
NUM = rf"(?:\d{{1,5}}|(?:{_NUM_ALT})(?:[- ](?:{_NUM_ALT}))?)"  # "12", "twelve", "thirty-four"
# the number nearest the animal first: "20 neoplasias from 19 guinea pigs" counts 19 guinea pigs
_COUNT_BEFORE = [re.compile(r"(?<![\w.,])(" + NUM + rf")\s+((?:[\w'-]+\s+){{{k}}})$", re.IGNORECASE) for k in range(4)]
_NOT_A_COUNT = re.compile(
    r"\b(?:year|years|month|months|week|weeks|day|days|d|old|kg|mg|g|ml|l|h|hr|hrs|hours?|min|minutes?|times|of|"
    r"and|or|the|a|an|to|in|on|at|for|with|after|before|from|by|was|were|is|are|had|has|per|than|cm|mm)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """'19 guinea pigs': how many animals of which species one phrase names."""

    n: int
    species: str
    field: str
    quote: str
    start: int  # where the quote starts in its field: a quote can occur twice
    kind: str = "species"  # the counted name's kind: "lay" for sex and age words ("one male calf"), "experimental"
    # for animals dosed to reproduce the disease ("experimental reproduction in 3 rabbits")


_BODY_PARTS = (r"(?:stifles|limbs|eyes|joints|ears|teeth|fractures|lesions|tumou?rs|masses|feet|paws|legs|hips|"
               r"elbows|knees|claws|digits|kidneys|tendons|teats|quarters|hooves|horns)\b")
_RATE_BEFORE = re.compile(r"\b(?:one|1|a)\s+(?:in|out of)$", re.IGNORECASE)  # "one in 10 cats": a rate
# "48 of 134 chickens" is part of a total; "ten stifles of eight dogs" counts the dogs (a body part is no total)
_PART_OF = re.compile(r"\b" + NUM + r"\s+(?:\(\d+(?:\.\d+)?\s*%\)\s+)?(?!" + _BODY_PARTS + r")(?:[\w-]+\s+){0,2}?(?:out\s+)?of$",
                      re.IGNORECASE)
# the units a prevalence or laboratory study tests, not patients: for counting samples tested, for "found in one
# roe deer sample" (a sample, not a case) and for "four wild boar isolates" (not four animals)
SAMPLE_NOUN = r"(?:samples?|specimens?|swabs?|sera|serum|isolates?|strains?)\b"
# Where animals are kept together.  After an animal ("a rabbit holding", "two sheep farms") the word names the place,
# not the animals; before a number ("a herd of 60 cows", "a litter of five kittens") it sizes the one group an outbreak
# report is about.
_HOLDINGS = ("herd", "flock", "farm", "holding", "colony", "kennel", "cattery", "aviary", "loft")
_SITES = ("unit", "operation", "facility", "population")  # only after an animal: "a pig unit", "the cattle population"
HOLDING_AFTER = (r"(?:" + "|".join(h[:-1] + "(?:y|ies)" if h.endswith("y") else h + "s?" for h in _HOLDINGS + _SITES)
                 + r")\b")
GROUP_OF = r"(?:" + "|".join(_HOLDINGS) + r"|family|litter|pond|aquarium|tank|household|batch|lot|pen|shipment|consignment)\b"
VIRUS_NOUN = r"(?:[a-z]*virus(?:es)?\b|(?-i:[A-Z]{1,6}V\d?s?)\b)"  # "lentivirus", "MRVs", "PCV2": a virus, not an animal
_GROUP_AFTER = re.compile(r"[ -]+" + HOLDING_AFTER + r"|[ -]+(?:breeders?|owners?|keepers?|breeds?|species|types?|lines?|"
                          r"producing|producers?|industry|industries|farming|production)\b"
                          # a product, a sample or a virus, maybe after a name or two: "four wild boar (cured) sausages",
                          # "two wild boar HEV strains", "Three Rabbit Endogenous Lentivirus Type K Viruses"; not "two
                          # dogs and their samples"
                          r"|[ -]+(?:(?!(?:and|or|with|from|of|in|whose|were|was|had|the|their|its)\b)[\w-]+[ -]+){0,2}?"
                          r"(?:(?:sausages?|salamis?|meats?|hams?|products?|fillets?|milk|cheeses?|eggs?|foods?|livers?)\b"
                          r"|" + SAMPLE_NOUN + "|" + VIRUS_NOUN + ")",
                          re.IGNORECASE)  # "two sheep breeds" counts breeds; "the four largest salmon producing regions"
# regions
_EXPERIMENT_BEFORE = re.compile(r"\b(?:experiment\w*|reprodu\w*|inoculat\w*)\b[^.;]*$", re.IGNORECASE)


# "two major migratory bird flyways": a singular animal word after a number above one names the kind of the plural
# noun after it
_NOUN_NEXT = re.compile(r"[ -]+((?!(?:this|thus)\b)[a-z]{2,}[^s\W]s)\b")
_A_BEFORE = re.compile(r"\b(?:a|an)$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_AND_ONE = re.compile(r"\band ((?:a|an)\s+(?:[\w'-]+\s+){0,2})$", re.IGNORECASE)
_LISTED = re.compile(r"[^.;()]{0,80}?\band\s+", re.IGNORECASE)  # the rest of a list of counts: "... with tumours and "
_RANGE_AND = re.compile(r"(?:\bbetween\b[^,;]{0,20}|\b" + NUM + r"(?:\s*%)?)\s+and$", re.IGNORECASE)


def find_counts(field: str, text: str, mentions: list[SpeciesMention]) -> list[Count]:
    """Every count of animals in a field: "19 guinea pigs", "two dogs with tumours and one cat"."""
    out = []
    last_end = -1
    for x in mentions:
        at = max(0, x.start - 60)
        m = next((c for p in _COUNT_BEFORE if (c := p.search(text[at : x.start]))), None)
        one = _AND_ONE.search(text, at, x.start) if last_end >= 0 else None
        if one and _LISTED.fullmatch(text, last_end, one.start(1)):  # "in four dogs and a cat": the cat is one
            out.append(Count(1, x.species, field, text[one.start(1) : x.end], one.start(1), x.kind))
            last_end = x.end
            continue
        if not m or _NOT_A_COUNT.search(m.group(2)) or "(" in m.group(2) or _GROUP_AFTER.match(text, x.end):
            continue  # "two industrial pig herds" counts herds, not pigs
        start = at + m.start()
        pre = text[at:start].rstrip().lower()
        if _A_BEFORE.search(pre) or (_YEAR.fullmatch(m.group(1)) and not m.group(2) and not x.said.lower().endswith("s")):
            continue  # "a 1000 sows farm" sizes the one farm; "the 2010 Rabbit Hemorrhagic Disease Virus" is a year
        listed = last_end >= 0 and _LISTED.fullmatch(text, last_end, start) is not None
        if (pre.endswith("and") and not listed) or _RANGE_AND.search(pre) or _PART_OF.search(pre) \
                or _RATE_BEFORE.search(pre):
            continue  # "one dead and two live lambs": not patients, unless a count of patients comes just before
            # ("two dogs with tumours and one cat"); "between 2 and 5 dogs" is a range; "48 of 134 chickens" a total
        n = number(m.group(1))
        if n is not None and n > 1 and _modifier(x, text, mentions):
            continue
        if n is not None and 0 < n < 100000:
            # "experimental reproduction ... in 3 rabbits": animals dosed to confirm the diagnosis, not patients
            kind = "experimental" if _EXPERIMENT_BEFORE.search(text, max(0, start - 200), start) else x.kind
            out.append(Count(n, x.species, field, text[start : x.end], start, kind))
            last_end = x.end
    return out


def _modifier(x: SpeciesMention, text: str, mentions: list[SpeciesMention]) -> bool:
    """'bird' in 'two bird flyways' (an English word, lower case, singular, before a plural noun); not '30 elk shot',
    'three sheep grazed', 'two Labrador retriever dogs' or 'two beagle dogs' (the next word is an animal too)."""
    said = x.said
    if not (said.isascii() and said.islower()) or may_be_plural(said):
        return False
    nxt = _NOUN_NEXT.match(text, x.end)
    return nxt is not None and not any(m.start == nxt.start(1) for m in mentions)


def number(s: str) -> int | None:
    """'12', 'twelve', 'twenty-one', 'nine hundred' -> the number; None for anything else."""
    if s.isdigit():
        return int(s)
    parts = re.split(r"[- ]", s.lower())
    vals = [_NUM_VALUE.get(p) for p in parts]
    if any(v is None for v in vals):
        return None
    if len(vals) == 2 and vals[1] == 100 and vals[0] is not None and vals[0] < 10:
        return vals[0] * 100  # "nine hundred" is 900, not 109
    return sum(v for v in vals if v is not None)
