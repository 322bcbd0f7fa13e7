"""The verbs that open a frame, by cue: saying, claiming, denying, confirming.

'claimed responsibility', 'owned the attack' and 'took credit' claim whatever follows them;
'said', 'told', 'announced' only say, and the content decides what was said.
"""

from __future__ import annotations

import re

from services.classifier.frame_model import Cue

_RESPONSIBILITY = (
    r"(?:claimed|claims|claim|claiming|took|taken|takes|take|taking|accepted|accepts|accept"
    r"|assumed|assumes|assume|bear|bears|bore)\s+(?:full\s+|the\s+)?(?:responsibility|credit)"
    # 'the TTP owned the attack', 'owned up to the raid' (not 'state-owned')
    r"|(?<![-\w])own(?:ed|s|ing)?(?:\s+up\s+to)?(?=\s+(?:the|this|that|these|an?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|bombings?|assaults?|raids?|ambush(?:es)?|operations?|shelling)\b)"
)
_VERBS = {
    Cue.CLAIM: _RESPONSIBILITY + r"|claimed|claims|claim|claiming|boasted|alleged(?= that| it)"
    r"|alleging(?= that)"
    r"|alleges",
    Cue.DENY: (
        r"denied|denies|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses"
        r"|dismissing|refuted|refutes|refute|refuting|disputed|disputes|dispute|disputing|rebuffed|rebuffing"
        r"|rebuffs|contradicted|contradicting|contradicts|debunked|debunk|rebutted|countered"
        r"|played down|downplayed|downplays|downplaying|brushed aside|brushes aside|brushing aside"
        r"|waved away|waves away|shrugged off|shrugs off|poured cold water on|pours cold water on"
        r"|rubbished|rubbishes|rubbishing"
    ),
    Cue.CONFIRM: (
        r"confirmed|confirms|confirm|confirming|acknowledged|acknowledges|acknowledging"
        r"|admitted|admits|admitting|verified"
    ),
    Cue.SAY: (
        r"according to|said|says|say|saying|told|tells|added|adding|stated|states|stating"
        r"|announced|announces|announcing|reported|reports|declared|declares|wrote|writes|posted"
        r"|report(?=\s{1,3}(?:in|on|via|that)\b)"  # 'the two units report in a video that ...'
        r"|tweeted|insisted|insists|explained|specified|noted|remarked|stressed|asserted"
        r"|emphasi[sz]ed|emphasi[sz]es|reiterated|reiterates|underlined|underscored|denounced"
        r"|denounces|denouncing|condemned|condemns|condemning|mentioned(?=\s{1,3}that\b)"
        r"|maintained|maintains|informed|quoted|quoting|cited|citing|published|released|showed|asserts"
        r"|called|calls|described|describes|termed|branded|labell?ed|urged|asked|accused|accuses|accusing"
        # 'put the toll at two soldiers killed': a count given as the speaker's own account
        r"|(?<=[,\"] )read(?=\s{1,3}(?:an?|the|its)\s{1,3}(?:[\w-]+\s{1,3})?(?:statement|communiqu\w+|post"
        r"|message|release)\b)"  # '"P," read the statement': the statement's author says P
        r"|(?:put|puts|putting)(?=\s{1,3}(?:the|its|their)\s{1,3}(?:death\s{1,3}|casualty\s{1,3})?"
        r"(?:toll|number|figure|losses|casualties)\s{1,3}at\b)"
    ),
}
VERB = re.compile(
    r"\b(?:" + "|".join(f"(?P<{cue.value}>{pattern})" for cue, pattern in _VERBS.items()) + r")\b"
)
# 'The group attacked a base, claiming it killed 66': the verb of the act before the participle;
# the words before it, not its object, name who claims
ACTED = re.compile(r"\s(?:attacked|struck|fired|launched|stormed|killed|targeted|hit|raided|ambushed"
                   r"|shelled|bombed|seized|overran|carried out)\b")
