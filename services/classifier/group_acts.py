"""What a group says its own side did: 'our fighters stormed the post', 'its drones struck a
warship', footage of 'its men attacking'. Said by the group, these are its claim."""

from __future__ import annotations

import re

from services.classifier.denial_cues import DESCRIBED_REFERENT
from services.classifier.disowning import US_PRONOUN

# What a group says its weapon did, the weapon opening what is said; not what hit 'us'
WEAPON_HIT = re.compile(
    r"^\s{0,3}\"?(?:that\s{1,3})?(?:(?:a|an|the|two|three|four|five|six|\d+)\s{1,3})?"
    r"(?:[\w-]+\s{1,3}){0,2}?(?:drones?|missiles?|rockets?|projectiles?|uavs?)\s{1,3}(?:had\s{1,3}"
    r"|has\s{1,3}|have\s{1,3})?\"?(?:hit|struck|targeted|destroyed|damaged)\b"
    rf"(?![^.]{{0,50}}\b(?:our\b|{US_PRONOUN}))"
)
SHOWN_DOING = re.compile(  # 'showed its fighters overrunning a post': its own men at work
    r"\s{0,3}(?:its|their|the group's)\s{1,3}(?:[\w-]+\s{1,3})?(?:fighters|militants|members|men"
    r"|guerrillas|forces)\s{1,3}(?:[\w-]+\s{1,3})?(?:attacking|storming|overrunning|firing|launching"
    r"|ambushing|raiding|shelling|capturing|seizing|destroying|targeting)\b")
SELF_ATTACK = re.compile(
    r"(?:\b(?:we|our|it|its|they|their|the (?:group|movement|militia|militants|organi[sz]ation"
    r"|mujahideen|fighters|resistance)|his (?:group|forces|fighters|men|militants|mujahideen))"
    # a bare 'fighters killed ...' opening what a group says is its own fighters
    r"|^\s{0,3}(?:(?:on|late|early|last)\s{1,3}\w+\s{1,3})?(?:that\s{1,3})?(?:(?:rebel\s{1,3})?fighters|militants"
    r"|mujahideen|guerrillas|rebels))\b[\s\w'\"-]{0,60}?"
    r"\b(?:fired|launched|attacked|targeted|struck|hit|shelled|bombed|carried out|conducted"
    r"|shot down|downed|destroyed|killed|stormed|raided|ambushed|seized|took control|captured"
    r"|blew up|executed|staged|mounted|inflicted|taken control|bombarded|overran|overrun|sank"
    r"|disabled|damaged|sunk|routed|detonated|set off|planted|liberated|invaded|crossed into"
    r"|(?:broken|broke|burst) into|crossed (?:over )?(?:the )?(?:state )?border|entered"
    r"|(?:was|were) (?:targeting|attacking|striking|firing at|shelling|bombing)"  # progressive
    r"|(?:was|were) behind"
    r"|(?:was|were) responsible for)\b"
)


# 'rockets were fired at Termez', said by a group (a state saying it tells where from, not whose)
_PASSIVE_FIRED = re.compile(r"\b(?:was|were|had been|have been|has been)\s{1,3}(?:fired|launched)\s{1,3}"
                            r"(?:at|into|on|toward|towards|against)\b")


def fired_at(content: str) -> bool:
    """'rockets were fired at Termez', not 'it is investigating reports that rockets were fired'."""
    fired = _PASSIVE_FIRED.search(content)
    return fired is not None and not DESCRIBED_REFERENT.search(content, 0, fired.start()) and not (
        re.search(r"\binvestigat\w*|\blooking into\b|\baware of\b", content[:fired.start()]))
