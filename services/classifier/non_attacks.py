"""What weapons do that is no attack: tests and drills, purchases, and a state harbouring a group
on its soil. A denial or report of these answers no claimed strike."""

from __future__ import annotations

import re

# Weapons fired at nobody: tests, drills, exercises, shows of readiness
EXERCISE = re.compile(r"\b(?:training (?:launch|flight|firing)"
                      r"|test[- ](?:fired|fire|firing|launch\w*|flight)"
                      r"|(?:missile|weapons?) tests?|military (?:exercises?|drills?)|war games"
                      r"|live[- ]fire (?:exercises?|drills?)|(?:exercises?|drills?) (?:in|off|near)"
                      r"|to demonstrate (?:its|their|our) (?:readiness|capabilit\w+))\b")
# Weapons bought, not fired: 'denied a report that the army had agreed to buy 50 drones'
TRADE = re.compile(r"\b(?:agreed to buy|to (?:buy|purchase|acquire|procure)|(?:purchase|sale|delivery) of)\b")
# 'denied that the ELN uses its territory as a rearguard': harbouring, not being hit
HARBOUR = re.compile(
    r"\b(?:uses?|using|used)\s{1,3}[^.;\"]{1,100}?\bas\s{1,3}(?:a\s{1,3})?(?:rear\s?guard"
    r"|base|haven|safe haven|sanctuary|launch(?:ing)?\s{0,3}pad|springboard|staging)\b"
    r"|\b(?:harbou?r\w*|shelter\w*|sheltering|hosting|arming|funding|supporting)\s{1,3}(?:the\s{1,3})?"
    r"(?:[\w'-]+\s{1,3}){0,3}?(?:militants|rebels|fighters|insurgents|guerrillas|terrorists|group)\b"
    # 'it does not allow its territory to be used against other countries'
    r"|\b(?:allow|allows|allowed|allowing|let|lets|permit\w*)\s{1,3}(?:its|their|our|any)?\s{0,3}"
    r"(?:own\s{1,3})?(?:soil|territory|land)\s{1,3}to\s{1,3}be\s{1,3}used\b"
    # 'militants using Afghan soil to launch attacks', 'allegations about militant sanctuaries'
    r"|\b(?:uses?|using|used)\s{1,3}(?:[\w'-]+\s{1,3}){0,2}?(?:soil|territory)\s{1,3}(?:to|for)\b"
    r"|\b(?:militant|terrorist|rebel|insurgent)s?\s{1,3}(?:sanctuar\w+|safe\s{1,3}havens?)\b"
    # 'the group has created safe havens near Iran's borders'
    r"|\b(?:created|established|set up|maintain\w*|has|have|had|enjoy\w*|found)\s{1,3}"
    r"(?:[\w'-]+\s{1,3}){0,2}?(?:safe\s{1,3}havens?|sanctuar(?:y|ies)|hideouts?)\b"
)
