"""What a state says its own side did ('its jets struck', 'our forces are pounding', 'the
army used artillery to target ...'): the acts that make a statement its claim."""

from __future__ import annotations

import re

STATE_SELF = re.compile(
    r"\b(?:(?:we|our|it|its|their)\s{1,3}(?:own\s{1,3})?(?:[\w-]+\s{1,3}){0,2}(?:forces|troops"
    r"|army|military|air force|navy|units?|jets?|aircraft|missiles?|drones?|artillery|soldiers"
    r"|air defen[cs]es|fighters|warplanes?|rockets?|strikes?|bombers?|helicopters?|warships?|submarines?)"
    r"|it|we|they|the country)\s{1,3}(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?"
    r"(?:(?:also|again|successfully|recently)\s{1,3})?\"?(?:carried out|conducted|undertook|launched"
    r"|struck|targeted|hit|destroyed"
    r"|attacked|fired|killed|shelled|bombed|raided|disabled|damaged|sank|sunk|downed|shot down"
    r"|blew up|sent\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:drones?|troops|soldiers|jets?|aircraft|planes?)"
    r"|inflicted|caused\s{1,3}(?:[\w-]+\s{1,3})?(?:damage|losses|casualties))\b"
    # 'we have used air power against military targets': its own
    r"|\b(?:we|it|they)\s{1,3}(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?used\s{1,3}(?:[\w-]+\s{1,3}){1,2}?"
    r"against\b"
    # 'it is carrying out precise strikes': its own, in progress ('was targeting': background)
    r"|\b(?:it|we|they|(?:its|our)\s{1,3}(?:[\w-]+\s{1,3}){0,2}(?:forces|troops|army|military|jets"
    r"|aircraft|warplanes))\s{1,3}(?:is|are|(?:has|have)\s{1,3}been)\s{1,3}(?:now\s{1,3})?"
    r"(?:carrying out|conducting|launching|striking|targeting|attacking|hitting|bombing|shelling|pounding"
    r"|engaging in)\b"
    # 'the army used artillery to target launch pads', 'coalition forces had hit': its own
    r"|(?:\b(?:the|our|coalition)\s{1,3}|^\W{0,3})(?:army|military|armed forces|air force|navy|troops"
    r"|forces)\s{1,3}"
    r"(?:had\s{1,3}|has\s{1,3})?(?:hit|used\s{1,3}(?:[\w-]+\s{1,3}){1,2}to\s{1,3}(?:target|hit|strike"
    r"|destroy)|carried out|conducted|struck|targeted|destroy(?:ed|s)|attack(?:ed|s)|shell(?:ed|s)"
    r"|bomb(?:ed|s)|pounded|strikes|hits|downs)\b"
    # 'its drone and missile attack on Israel had struck an air base': its own, as a noun
    r"|\b(?:its|our|their)\s{1,3}(?:[\w-]+\s{1,3}){0,5}?(?:attacks?|strikes?|barrage|operation"
    r"|salvo|bombardment)\s{1,3}(?:on|against)\b[^,.;]{0,60}?\b(?:had\s{1,3}|has\s{1,3}"
    r"|have\s{1,3})?(?:struck|hit|destroyed|targeted|damaged)\b"
)
# 'uncertain how many missiles were fired and where exactly they hit': a question, no act
_ASKED = re.compile(r"\b(?:where|whether|how|what|which|if)\s{1,3}(?:[\w-]+\s{1,3}){0,2}$")


def self_act(content: str) -> bool:
    """Does the content assert an act of the speaker's own side (not ask about one)?"""
    return any(not _ASKED.search(content, max(0, m.start() - 30), m.start())
               for m in STATE_SELF.finditer(content))


_NAMED_ACTS = re.compile(r"(?:'s\s{1,3}(?:[\w-]+\s{1,3}){0,2}?)?\s{0,3}(?:had\s{1,3}|has\s{1,3}"
                         r"|have\s{1,3})?(?:carried out|launched|conducted|struck|bombed|attacked|shelled"
                         r"|fired|targeted)\b")


def name_acts(content: str, at: int, name: str) -> bool:
    """'that Sudan had carried out the raid', 'that Sudan's air force bombed', said by Sudan."""
    return bool(name) and content.startswith(name, at) and (
        _NAMED_ACTS.match(content, at + len(name)) is not None)


# 'confirmed a cross-border missile operation into Pakistani territory': an operation nobody else
# is named as running, on someone else's ground, that a state confirms is its own
AN_OPERATION = re.compile(r"\s{0,3}(?:that\s{1,3})?(?:an?|the|its)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?"
                           r"(?:operation|strikes?|airstrikes?|raids?)\s{1,3}(?:into|on|in|against|inside)\b")


# 'the AA said the military has launched attacks in Maungdaw': told by a group, its enemy's act
ARMY_BEFORE = re.compile(r"\b(?:military|army|forces|troops|junta|regime)\s{1,3}"
                         r"(?:(?:has|had|have)\s{1,3})?$")


# 'it had neutralised Armenian firing positions', 'Turkish forces neutralised 12 PKK militants in
# northern Iraq': a state's fire on another side's guns or fighters abroad, not a defence
GROUND_SILENCED = re.compile(
    r"\b(?:it|we|they|(?:its|our|their|the|[\w-]+)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:forces|troops|army|units?"
    r"|artillery|military|jets|aircraft|warplanes|drones))\s{1,3}(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?"
    r"(?:neutrali[sz]ed|suppressed|silenced|eliminated)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?(?:positions"
    r"|firing\s{1,3}points|posts|launchers|artillery|emplacements|batteries|guns|militants|terrorists"
    r"|fighters|insurgents|rebels)\b")
