"""Different accounts that leave an attack standing but not what was claimed of it: 'only bullets,
not rockets' (another weapon), 'only eight people were injured' (less harm than claimed), 'the
site was a civilian home' (another target than the one claimed)."""

from __future__ import annotations

import re

ONLY_OTHER = re.compile(
    r"\bonly\s{1,3}(?:a few\s{1,3}|some\s{1,3}|several\s{1,3}|stray\s{1,3})?(?P<w>bullets?"
    r"|gunfire|small[- ]arms(?: fire)?|shots|shells?|mortars?|projectiles?)\b"
    r"|\b(?P<v>bullets?|gunfire|small[- ]arms(?: fire)?|shots|shells?|mortars?)\W{0,3},?\s{0,3}"
    r"(?:and\s{1,3})?(?:not|rather than|instead of)\s{1,3}(?:rockets?|missiles?|drones?)\b"
)

# 'only a power substation was damaged', 'only eight people were injured': less than claimed
LESSER = re.compile(
    r"\bonly (?:an? |one |two |three |four |five |six |seven |eight |nine |ten |\d+ |several |a few )"
    r"(?:[\w-]+ ){0,5}?(?:was|were|had been|has been"
    r"|have been) (?:slightly |lightly |partially )?(?:damaged|injured|wounded|hurt)\b"
    # 'the strikes caused limited damage': less than claimed
    r"|\b(?:limited|minor|slight|minimal|negligible)\s{1,3}damage\b"
    # 'the site was a civilian home', 'the building hit was a family house': not the claimed target
    r"|\b(?:site|building|house|target|location|place|compound)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?(?:was|is)"
    r"\s{1,3}(?:only\s{1,3})?(?:an?|the)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:civilian|residential|private|family)"
    r"\s{1,3}(?:home|house|residence|building|farm|property|area|dwelling)"
)
