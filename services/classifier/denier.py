"""Whether a state that denies is the target answering a claim, or another party: the accused
('strikes by Pakistani forces', 'militants from Pakistan attacked ...', a claim Pakistan rejected)
or a state contradicting another state's account of its own operation; and whether a 'claim'
is an accusation ('the Taliban's claim that Pakistani jets struck Khost')."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.disowning import LEAD_IN
from services.classifier.frames import Frame
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.targets import Target, find_target

_ACCOUNT_AFTER = re.compile(r"(?:'s)?\s{1,3}(?:[\w-]+\s{1,3})?(?:account|version|statement|denial"
                            r"|narrative)s?\b")  # not 'assertion': 'rejected X's assertion that P' denies P


_FLAT_DENIALS = frozenset({"rejected", "rejects", "denied", "denies", "dismissed", "dismisses", "refuted",
                           "refutes"})


def answers_another_state(clause: Clause, frame: Frame, voice: Voice) -> bool:
    """'contradicting a Russian account': the speaker affirms its own version of another state's
    attack; it denies nothing about an attack on itself."""
    if frame.verb in _FLAT_DENIALS:
        return False  # 'Russia rejected Ukraine's version of events': it denies that version
    head = frame.content[0] + 40
    return any(m.entry.kind is Kind.STATE and m.entry.value != voice.country
               and _ACCOUNT_AFTER.match(clause.sub(m.end, m.end + 40))
               for m in clause.within(frame.content[0], head))


# munitions brought down by the speaker's side, or its air defence acting: a defence, no attack
_DOWNED_BY = re.compile(
    r"(?:missiles?|rockets?|drones?|uavs?|projectiles?|shells?|munitions)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?"
    r"(?:were|was|had\s{1,3}been|have\s{1,3}been)\s{1,3}(?:shot\s{1,3}down|downed|intercepted|destroyed"
    r"|neutrali[sz]ed)\s{1,3}by\s{1,3}(?:the\s{1,3})?$")
_AIR_DEFENCE = re.compile(r"(?:'s)?\s{1,3}air[\s-]{1,3}defen[cs]es?\b")


def defends(clause: Clause, m: Mention) -> bool:
    """'missiles were shot down by Russian air defence': the state named acts in defence."""
    return bool(_DOWNED_BY.search(clause.sub(m.start - 60, m.start))
                or _AIR_DEFENCE.match(clause.sub(m.end, m.end + 30)))


# 'strikes by Pakistani forces', 'blamed Pakistan for', 'accused Iran of': the speaker accused
# (not 'intercepted by Israel', 'a position held by Cameroonian soldiers': those are the target)
_ACCUSED_BEFORE = re.compile(r"\b(?:(?:(?:air|drone)?strikes?|attacks?|raids?|shelling|fire|bombing"
                             r"|bombardment|drones?|rockets?|missiles?|shells?)\s{1,3}(?:[\w-]+\s{1,3}){0,6}?by"
                             # 'were shelled by Azerbaijani forces'
                             r"|(?:shelled|struck|attacked|targeted|bombed)\s{1,3}by"
                             r"|blam\w+|accus\w+)\s{1,3}(?:the\s{1,3})?(?:(?:units?|forces|troops|soldiers)"
                             r"\s{1,3}of\s{1,3}(?:the\s{1,3})?)?$")
_FROM_BEFORE = re.compile(r"\b(?:(?:came|come|comes|coming|crossed|crossing|infiltrated|launched|fired"
                         r"|operat\w+|based|attacks?)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?(?:from|out of)"
                         r"|(?:operat\w+|based)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?in"  # not 'an attack on X in'
                         r"|across from)\s{1,3}(?:the\s{1,3})?$")


def came_from(clause: Clause, content: tuple[int, int], voice: Voice) -> bool:
    """What the speaker denies has the attack coming from its own soil, or done by its own forces
    ('strikes by Pakistani forces', 'blamed Pakistan for'): the accused speaks."""
    return any(m.entry.kind is Kind.STATE and m.entry.value == voice.country and not defends(clause, m)
               and (_FROM_BEFORE.search(clause.sub(m.start - 60, m.start))
                    or _ACCUSED_BEFORE.search(clause.sub(m.start - 40, m.start)))
               for m in clause.within(*content))


# 'Armenia's army's shelling attack on ...', 'Sudanese air raids': the state named as attacking
# (not 'attack': 'the Niger attack', 'a Turkish attack helicopter')
_OWN_ATTACK_AFTER = re.compile(r"(?:'s?)?\)?\s{1,3}(?:(?:army|military|forces|troops)(?:'s?)?\s{1,3})?"
                               r"(?:[\w'-]+\s{1,3}){0,2}?(?:shelling|(?:air|drone)?strikes?|raids?|bombing"
                               r"|bombardment)\b"
                               # 'Pakistani aircraft struck civilian homes in Khost'
                               r"|\)?\s{1,3}(?:[\w-]+\s{1,3})?(?:jets?|aircraft|planes?|warplanes?|drones?|forces|troops"
                               r"|army|military|artillery|units|soldiers|navy|warships?|helicopters?|missiles?"
                               r"|rockets?)\s{1,3}(?:had\s{1,3}|have\s{1,3})?(?:struck|bombed|shelled"
                               r"|attacked|targeted|pounded|fired\s{1,3}(?:on|at|into)|(?:perpetrated|carried"
                               r"\s{1,3}out|conducted)\s{1,3}(?:an?\s{1,3})?(?:[\w'-]+\s{1,3})?(?:shelling|attack"
                               r"|strike|raid|bombing))\b")
# 'North Korea's claims', 'allegations by Rwanda', 'Eritrea accused Ethiopia': who accuses
_ACCUSER_AFTER = re.compile(r"(?:'s?)?\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:claims?|claiming|alleging"
                            r"|allegations?|accusations?|statement|reports?)\b|\s{1,3}(?:\w+\s{1,3})?accused\b")
# 'it did not target Polish sites': the state the accused denies aiming at
_NOT_AIMED_AT = re.compile(r"\b(?:not|never|no)\s{1,3}(?:[\w-]+\s{1,3})?(?:target|attack|strike|hit|shell"
                           r"|bomb|fire\s{1,3}(?:at|on|into)|intend\w*\s{1,3}to\s{1,3}(?:target|attack|hit))\w*"
                           r"\s{1,3}(?:any\s{1,3})?(?:the\s{1,3})?$")
# another state's allegations or charges, denied: against the speaker (its claims are of attacks)
_ALLEGATION = r"(?:allegations?|accusations?|charges?)"
_ALLEGED_AFTER = re.compile(r"(?:'s?)?\s{1,3}(?:(?!(?:that|which|the|a|an)\b)[\w-]+\s{1,3}){0,2}?"
                            + _ALLEGATION + r"\b")
_BY = r"\s{1,3}(?:made\s{1,3})?(?:by|from)\s{1,3}(?:the\s{1,3})?$"
_ALLEGED_BEFORE = re.compile(r"\b" + _ALLEGATION + _BY)  # 'rejected charges from Venezuela that ...'
_ACCUSER_BEFORE = re.compile(r"\b(?:claims?|accused|" + _ALLEGATION + ")" + _BY)


# 'denied that its forces executed seven soldiers': the speaker's own side is the one accused
_OWN_FORCES = re.compile(r"(?:its|their|our)\s{1,3}(?:own\s{1,3})?(?:forces|troops|army"
                         r"|military|soldiers|jets|warplanes|aircraft|drones|artillery)\s{1,3}(?:had\s{1,3})?"
                         r"(?!been\b|were\b|was\b)\w+ed\b")


_STRUCK_AFTER = re.compile(r"\s{1,3}(?:had\s{1,3}|has\s{1,3})?(?:allegedly\s{1,3}|also\s{1,3})?"
                           r"(?:carried out|conducted|launched|struck|attacked|bombed|shelled|hit"
                           r"|fired)\b")


def _own_forces(said: str) -> bool:
    lead = LEAD_IN.match(said)
    return bool(_OWN_FORCES.match(said, lead.end() if lead else 0))


def agent_state(clause: Clause, content: tuple[int, int]) -> str | None:
    """The state a proposition opens by naming as the one attacking ('air strikes by Pakistani
    jets killed ...', 'Armenian army shelling of ...'), not a state merely hit or mentioned
    ('the destroyer was targeted to avenge US raids': an attack is told before it)."""
    opening = next(iter(clause.within(content[0], content[0] + 30)), None)
    if (opening is not None and opening.entry.kind is Kind.STATE and opening.entry.role != "demonym"
            and LEAD_IN.fullmatch(clause.sub(content[0], opening.start))
            and _STRUCK_AFTER.match(clause.sub(opening.end, opening.end + 40))):
        return opening.entry.value  # 'that Pakistan carried out two air strikes in Afghan territory'
    told = False
    for m in clause.within(content[0], content[0] + 40):
        if m.entry.kind is Kind.STATE and not defends(clause, m) and (
                (not told and _OWN_ATTACK_AFTER.match(clause.sub(m.end, m.end + 50)))
                or _ACCUSED_BEFORE.search(clause.sub(m.start - 40, m.start))):
            return m.entry.value
        told = told or m.entry.kind is Kind.ATTACK
    return None


_AGAINST_BEFORE = re.compile(r"\b(?:alleged\s{1,3})?(?:attacks?|assaults?|shooting|firing|strikes?)\s{1,3}"
                             r"(?:against|on|at)\s{1,3}(?:the\s{1,3})?$")


_TROOPS_AFTER = re.compile(r"\s{1,3}(?:[\w-]+\s{1,3})?(?:troops|soldiers|forces|positions|posts|patrols?"
                           r"|border\s{1,3}guards|servicem[ae]n|personnel)\b")


def accused_of(clause: Clause, content: tuple[int, int], voice: Voice, named: str | None,
               memory: Memory, known: bool = False) -> str | None:
    """Whose attack a state's denial is about when the state itself is the one accused.

    The accused answers the accuser: 'Armenia called Azerbaijan's statement about Armenian
    shelling of its positions untrue' is about Azerbaijan; 'Khartoum dismissed the allegations',
    after South Sudan's report of Sudanese air raids, is about South Sudan. None when the state
    is not the accused, or when whom it answers is not said. `known`: the stance already says it
    denies doing it ('denied carrying out the strike')."""
    own = voice.country
    accused = known or came_from(clause, content, voice) or _own_forces(clause.sub(*content)) or any(
        m.entry.kind is Kind.STATE and m.entry.value != own  # "dismissed Armenia's breach allegations"
        and (_ALLEGED_AFTER.match(clause.sub(m.end, m.end + 50)) or _ALLEGED_BEFORE.search(
            clause.sub(m.start - 30, m.start))) for m in clause.within(*content)) or any(
        m.entry.kind is Kind.STATE and m.entry.value == own
        and _OWN_ATTACK_AFTER.match(clause.sub(m.end, m.end + 50))
        for m in clause.within(*content)) or any(
        m.entry.kind is Kind.STATE and m.entry.value != own  # 'an alleged attack against Guyanese troops'
        and _AGAINST_BEFORE.search(clause.sub(m.start - 30, m.start))
        and _TROOPS_AFTER.match(clause.sub(m.end, m.end + 30)) for m in clause.within(*content))
    if not accused and named is None and memory.last_attacker == own:
        accused = memory.last_target not in (None, own)  # the allegation just reported
    if not accused:
        return None
    denied = next((m.entry.country for m in clause.within(*content) if m.entry.kind is Kind.STATE
                   and m.entry.country not in (None, own)
                   and _NOT_AIMED_AT.search(clause.sub(m.start - 40, m.start))), None)
    if denied is not None or named not in (None, own):
        return denied or named  # 'did not target Polish sites in an attack on Ukraine': Poland
    return _accuser(clause, own) or (memory.last_target if memory.last_target != own else None)


def _accuser(clause: Clause, own: str | None) -> str | None:
    for m in clause.mentions:
        if m.entry.kind is Kind.STATE and m.entry.value != own and (
                _ACCUSER_AFTER.match(clause.sub(m.end, m.end + 40))
                or _ACCUSER_BEFORE.search(clause.sub(m.start - 30, m.start))):
            return m.entry.value
    return None


def hit_accuser(clause: Clause, content: tuple[int, int], voice: Voice, target: Target) -> str | None:
    """'Yerevan denies Baku's claims about firing upon Azerbaijani positions': the state whose
    claim says its own positions were hit is the victim; the denier answers it as the accused."""
    if target.strength < 3 or target.country in (None, voice.country):
        return None
    if _accuser(clause, voice.country) != target.country:
        return None
    return target.country if any(
        m.entry.kind is Kind.STATE and m.entry.value == target.country
        and _HIT_BEFORE.search(clause.sub(m.start - 30, m.start)) for m in clause.within(*content)) else None


_HIT_BEFORE = re.compile(r"\b(?:upon|at|against|targeting|targeted|hit|struck|shelled|(?:fired|fire"
                         r"|attacks?|strikes?|shelling)\s{1,3}on)\s{1,3}(?:the\s{1,3})?$")


# 'Contrary to Ukrainian claims, Russian media said the ship was damaged by an explosion'
_CONTRARY = re.compile(r"\b(?:contrary to|in contrast to|despite|rejecting|countering)\s{1,3}(?:the\s{1,3})?"
                       r"(?:[\w'-]+\s{1,3}){0,3}?(?:claims?|reports?|assertions?|allegations?)\b")


def told_against_a_claim(clause: Clause, frame: Frame) -> bool:
    """A state's account set against another's claim in the same breath is its denial."""
    return bool(_CONTRARY.search(clause.sub(clause.start, frame.verb_start)))


def own_asset_hit(clause: Clause, frame: Frame, voice: Voice, lexicon: Lexicon, memory: Memory) -> bool:
    """'Baku's claims about firing upon Azerbaijani positions': what a state is said to claim
    hit its own positions; it accuses, it claims no strike."""
    hit = find_target(clause, frame.content, lexicon, memory)
    return hit.country == voice.country and hit.strength >= 3
