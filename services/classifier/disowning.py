"""How the accused answers: 'Rwanda has not fired on Congo', 'had no link to the rockets',
'was not behind the attack'. Said by the side named as the attacker, these disown an attack;
they deny no claim of its own."""

from __future__ import annotations

import re

from services.classifier.own_acts import STATE_SELF, name_acts

# '"Rwanda has not fired on Congo"', 'the movement had not carried out any operations'
NOT_DONE = re.compile(r"\W{0,3}(?:[\w'-]+\s{1,3}){0,4}?(?:has|have|had|did|does|do)\s{1,3}"
                      r"(?:not|never)\s{1,3}(?:(?!been\b)\w+\s{1,3})?(?:fired|attacked|struck|shelled|targeted"
                      r"|bombed|bombarded|launched|violated|carried out|conducted|sent|flown|fire|attack"
                      r"|strike|shell|target|bomb|launch|violate|send|fly)\b"
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

# 'rejected the Taliban's claims that ...': the charge a denial answers
_CHARGE_THAT = re.compile(r"\s{0,3}(?:the\s{1,3})?(?:[\w-]+\s{1,3}){0,3}?(?:[\w-]+'s?\s{1,3})?(?:claims?"
                          r"|allegations?|accusations?|reports?|assertions?)\s{1,3}that\s{1,3}")
# a charge nobody is named to make: 'baseless allegations that', not 'the Indian claim that'
_BARE_CHARGE = re.compile(r"\s*(?:(?:the|these|such|any|baseless|false|unfounded|media|recent)\s+)*"
                          r"(?:claims?|allegations?|accusations?|reports?|assertions?)\s+that\s+")
# what opens a proposition before its subject: "(on Monday) (that) ..." (also read by denier.py)
LEAD_IN = re.compile(r"\s{0,3}(?:(?:on|late on|early on)\s{1,3}\w+\s{1,3})?(?:that\s{1,3})?")


def denies_own(content: str, name: str) -> bool:
    """'denied (on Friday) that it had struck', '... that its forces had shelled', '... that
    Sudan had carried out the raid': what the speaker denies is its own act."""
    at = lead.end() if (lead := LEAD_IN.match(content)) else 0
    if said := _CHARGE_THAT.match(content, at):  # "rejected the Taliban's claims that Pakistan ..."
        if _BARE_CHARGE.fullmatch(said.group(0)) and STATE_SELF.match(content, said.end()):
            return True  # 'rejected allegations that its military fired': nobody else's 'its'
        return name_acts(content, said.end(), name)  # ('X's claim that it': the claimant)
    return STATE_SELF.match(content, at) is not None or name_acts(content, at, name)
