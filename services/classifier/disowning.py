"""How the accused answers: 'Rwanda has not fired on Congo', 'had no link to the rockets',
'was not behind the attack'. Said by the side named as the attacker, these disown an attack;
they deny no claim of its own."""

from __future__ import annotations

import re

# '"Rwanda has not fired on Congo"', 'the movement had not carried out any operations'
NOT_DONE = re.compile(r"\W{0,3}(?:[\w'-]+\s{1,3}){0,4}?(?:has|have|had|did|does|do)\s{1,3}"
                      r"(?:not|never)\s{1,3}(?:(?!been\b)\w+\s{1,3})?(?:fired|attacked|struck|shelled|targeted"
                      r"|bombed|bombarded|launched|violated|carried out)\b"
                      # 'Pakistan had conducted no operation inside Afghanistan'
                      r"|\W{0,3}(?:[\w'-]+\s{1,3}){0,4}?(?:has\s{1,3}|have\s{1,3}|had\s{1,3})?(?:conducted"
                      r"|carried out|launched|fired|made)\s{1,3}no\s{1,3}(?:[\w-]+\s{1,3})?(?:operations?"
                      r"|strikes?|attacks?|raids?|incursions?|shots?|missiles?|rockets?)\b")


# 'said it had no link to the rockets', 'was not behind the attack': the accused disowns it
DISOWNS = re.compile(r"\W{0,3}(?:[\w'-]+\s{1,3}){0,4}?(?:(?:has|have|had)\s{1,3}(?:no|nothing)\s{1,3}"
                     r"(?:[\w-]+\s{1,3})?(?:links?|connections?|involvement|role|relation|part|hand"
                     r"|to\s{1,3}do\s{1,3}with)\b|(?:is|was|are|were)\s{1,3}not\s{1,3}(?:behind"
                     r"|involved|responsible)\b|(?:played|plays|play|bears?|bore)\s{1,3}no\s{1,3}"
                     r"(?:part|role|responsibility)\b)")

# 'us' as a pronoun, in lower-cased text where 'a US warship' also reads 'us' ('drones hit us')
US_PRONOUN = (r"us\b(?=\s{0,3}(?:[.,;:!?\"')]|$|(?:in|on|at|and|with|from|near|while|during|after"
              r"|before|as|but|or|again|twice|too|all)\b))")
