"""What a statement does to an attack: claims it, denies it, confirms it, or reports it.

Read from the frame's verb and from what its content says. Denials come in many shapes: flat
('denied', 'the reports are false', 'no attack took place'), by normality ('operating
normally'), and by a different account ('only bullets', 'intercepted', 'fell in an open
area', 'no damage', 'only eight were hurt'); the last kind leaves the attack standing
(`occurred`) and denies its effect. Not denials: 'declined to comment', 'neither confirmed nor
denied'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.event import EventKind
from services.classifier import denial_cues as cues
from services.classifier.accidents import ACCIDENT
from services.classifier.context import Voice
from services.classifier.disowning import DISOWNS, NOT_DONE, denies_own
from services.classifier.frames import Cue, Frame
from services.classifier.group_acts import SELF_ATTACK, SHOWN_DOING, WEAPON_HIT, fired_at
from services.classifier.lesser_accounts import LESSER, ONLY_OTHER
from services.classifier.own_acts import (
    AN_OPERATION,
    ARMY_BEFORE,
    GROUND_SILENCED,
    self_act,
)
from services.classifier.slots import LOST_MEN
from services.classifier.text import LEADING_ADVERBIAL

_ATTACK = re.compile(
    r"\b(?:attack\w*|strikes?|struck|fired|firing|opened fire|open fire|gunfire|shooting|shots"
    r"|launch\w*|target\w*|hit|hits|shell\w*|bomb\w*"
    r"|rockets?|missiles?|drones?|uavs?|projectiles?|mortars?|artillery|raid\w*|assault\w*"
    r"|operations?|offensive|ambush\w*|storm\w*|explosions?|blasts?|intercept\w*|shot down|downed"
    r"|(?:taken|took|take|seized|seize) (?:full |complete |total )?control of|br[oe]ke? through"
    r"|(?:controll?ed|occupied) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:camp|base|post|barracks|garrison|town)"
    r"|breach\w*|infiltrat\w*|incursions?|invad(?:ed|ing|es)|invasion|crossed into|barrage"
    r"|(?:broken|broke|burst) into|crossed (?:over )?(?:the )?border|made it (?:over|across) the border"
    r"|deaths? of (?:\d+|[a-z]+) (?:of )?(?:its|their|our) (?:soldiers|troops|personnel)"
    r"|(?:armed )?clash(?:es|ed)|salvo|airstrikes?|air strikes?|destroy(?:ed|ing)?|destruction"
    r"|downing|killed|killing|damaged|seized|captured|capture of|overr[au]n|died|wounded|injured|toll"
    r"|sank|sunk|martyred|brought down|caus\w* (?:[\w-]+ )?damage|t(?:aken|ook|akes) out"
    r"|(?:lost|losing) (?:[\w-]+ ){0,2}(?:soldiers|troops|servicem[ae]n|personnel|officers|sailors"
    r"|guards|policemen)|under (?:heavy )?(?:fire|attack)"
    r"|violat\w* (?:of )?(?:its |our )?airspace|airspace violation|engaged)\b"
)
# What a denial may deny without naming the attack: 'denied losing any aircraft', 'the post fell'
_LOSS = re.compile(r"\b(?:fallen|fell|lost|losing|loss|losses|casualties|overrun|overran|sunk"
                   r"|captured|seized|taken over|brought down|abduct\w*|kidnap\w*|(?:were|was) hurt)\b")
_LABELLING = frozenset({"called", "calls", "described", "describes", "termed", "branded",
                        "labelled", "labeled"})
_CLAIM_OBJECT = re.compile(r"\s{0,3}(?:the|these|those|this|that|such|its|their)\s{1,3}(?:[\w-]+\s{1,3})"
                           r"{0,2}?(?:claims?|reports?|allegations?|accusations?|assertions?)\b")
_TRUE = re.compile(r"(?<!not )\b(?:accurate|correct|true|credible|genuine|confirmed)\b")
_ELSEWHERE = re.compile(r"\b(?:fell|landed|exploded|struck)\s{1,3}(?:on|in|inside|within)\s{1,3}"
                        r"(?:the\s{1,3})?(?:[\w'-]+\s{1,3}){1,2}?(?:territory|soil|side)\b")
_ENEMY_LOSS = re.compile(r"\b(?:terrorists?|militants?|attackers?|insurgents?|gunmen|enemy|assailants?"
                         r"|jihadists?|rebels?|raiders?|infiltrators?|intruders?|saboteurs?|bandits?)\b")
_ROLE = re.compile(
    r"\b(?:involvement|involved|responsibility|responsible|role|links?|ties|complicity|behind|any part"
    r"|connection|to do with)\b"
)
# '40 assailants had been neutralised': the attackers' losses, not the attack's failure
_ATTACKERS_DOWN = re.compile(r"\b(?:assailants|attackers|terrorists|militants|insurgents|gunmen)\s{1,3}"
                             r"(?:had\s{1,3}|have\s{1,3})?(?:been|were)\s{1,3}[\"']?(?:neutrali[sz]ed|killed"
                             r"|eliminated)")
_REFERENT = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|news|accusations?|assertions?|statements?"
    r"|figures?|tolls?|numbers|videos?|footage|images?|photos?|photographs?|pictures?|clips?"
    r"|it|this|these|that|them|such|version|account)\b"
)
# 'acknowledged firing rockets at ...': what a group confirms doing, in a gerund
_GERUND_ACT = re.compile(r"\s{0,3}(?:having\s{1,3})?(?:fir(?:ed|ing)|launch(?:ed|ing)|attack(?:ed|ing)"
                         r"|target(?:ed|ing)|carr(?:ied|ying) out|striking|struck|shelling|bombing|downing"
                         r"|shooting down|ambushing)\b")
_SHOWING = frozenset({"showed", "released", "published", "posted"})
_LOSSES_CLAIMED = re.compile(r"\s{0,3}(?:that\s{1,3})?(?:[\w-]+\s{1,3}){0,3}?(?:casualties|losses|dead)\b")
_ADMITTING = frozenset({"admitted", "admits", "acknowledged", "acknowledges", "conceded", "concedes"})
_SHOWN = re.compile(
    r"\s{0,3}(?:what\s{1,3}(?:it|they)\s{1,3}(?:said|says|called|described\s{1,3}as)\s{1,3}"
    r"(?:was\s{1,3}|were\s{1,3})?|(?:footage|a\s{1,3}video|videos|images|pictures|photos)\s{1,3}"
    r"(?:of|showing)\s{1,3})(?:an?\s{1,3}|the\s{1,3}|its\s{1,3}|their\s{1,3})?(?:[\w-]+\s{1,3}){0,2}"
    r"(?:attacks?|strikes?|raids?|ambush\w*|assaults?|operations?|shelling|bombing)\b"
)
_BARE_PLURAL = re.compile(r"\s{0,3}(?:responsibility for\s{1,3})?(?:attacks|strikes|operations"
                          r"|bombings|raids|assaults)\b")
_PLAY = re.compile(  # sport and markets borrow the words of war
    r"\b(?:match|matches|league|season|coach|striker|midfield\w*|penalty"
    r"|interval|half-time|halftime|scored|score|tournament|championship|shares|stocks|index"
    r"|investors|traders|prices|market|markets|earnings|launch pad|satellite|orbit|spacecraft"
    r"|test-fired|test-launch\w*|missile tests?|tested|testing|drills?|exercises?)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|might|may(?!\s{1,3}\d)|if|threaten\w*|vow\w*|warn\w*|prepared to"
    r"|ready to|plans? to|intends? to|aims? to|seeks? to|should|must)\b"
)
_DENIES_FIRST = re.compile(r"^[^.]{0,40}?\b(?:denies|denied|deny|rejects|rejected|refutes|refuted"
                           r"|disowns?|disowned)\b")
# 'confirmed that a drone had been shot down': its own loss, confirmed, not a defence.
PASSIVE_LOSS = re.compile(
    r"\b(?:was|were|had been|has been|have been)\s{1,3}(?:shot down|downed|destroyed|sunk|hit)\b"
    r"(?!\s{1,3}by\s{1,3}(?:its|our|their|the army|the military|air defen))"
)
_PASSIVE_HIT = re.compile(
    r"\b(?:was|were|had been|have been|has been|being)\s{1,3}(?:\w+\s{1,3})?(?:targeted|hit"
    r"|attacked|struck|bombed|shelled|destroyed)\b(?!\s{1,3}by)"
)


@dataclass(frozen=True, slots=True)
class Reading:
    kind: EventKind
    occurred: bool = True
    damage: bool | None = None
    weapon: str | None = None  # the weapon a different account names ('only bullets')
    partial: str | None = None  # the slot a partial denial contests: 'effect' | 'weapon'
    accused: bool = False  # the speaker denies doing it: it answers whoever accused it


@dataclass(frozen=True, slots=True)
class Sides:
    """Who attacks whom in a statement's content, as the names in it tell."""

    own_attack: bool = False  # the speaker's own side attacks ('a Ukrainian sea drone hit')
    foreign_target: bool = False  # the content names a target other than the speaker's country
    foreign_agent: bool = False  # another state opens the content as the one attacking
    none_of_ours: bool = False  # 'no South Korean drone has entered ...', said by South Korea


def read(frame: Frame, voice: Voice, content: str, sides: Sides = Sides()) -> Reading | None:
    """The stance `voice` takes in `frame`, given the frame's content (lower-cased)."""
    content = LEADING_ADVERBIAL.sub("", content, count=1)  # 'said earlier that ...': read from 'that'
    if (frame.negated or cues.history(content)
            or (frame.cue in (Cue.CLAIM, Cue.DENY) and _BARE_PLURAL.match(content))
            or _PLAY.search(content)):
        return None  # 'has claimed several attacks in recent months': history, not news
    attack = bool(_ATTACK.search(content))
    # a group that governs answers and reports as its state does: 'Pakistani aircraft struck
    # homes in Khost', said by the Taliban, is Afghanistan's report of an attack on it
    if voice.is_group and not (voice.governs and (frame.cue in (Cue.CONFIRM, Cue.DENY)
                                                  or sides.foreign_agent)):
        return _group(frame, content, attack, sides)
    return _state(frame, voice, content, attack, sides)


# soldiers named before 'their bases' are whose bases they are
_THEIR_OWNERS = re.compile(r"\b(?:soldiers|troops|servicem[ae]n|policem[ae]n|guards|personnel"
                           r"|peacekeepers)\b")


def _group(frame: Frame, content: str, attack: bool, sides: Sides) -> Reading | None:
    if frame.cue is Cue.DENY:  # kept as a statement; it answers no claim (not the target's)
        role = bool(_ROLE.search(content))  # 'denied it had anything to do with': the accused
        return Reading(EventKind.DENIAL, occurred=False, accused=role) if attack or role else None
    if DISOWNS.match(content):  # 'said it had no link to the rockets': not its attack
        return Reading(EventKind.DENIAL, occurred=False, accused=True)
    itself = cues.STRUCK_ITSELF.search(content)
    if itself and _THEIR_OWNERS.search(content, 0, itself.start()):
        itself = None  # '80 Ethiopian soldiers were killed in an attack on their bases': theirs
    if NOT_DONE.match(content) or (itself and not (SELF_ATTACK.search(content) or sides.own_attack)):
        return None  # 'had not carried out any operations'; 'claimed that drones hit its camps'
    if frame.cue is Cue.CLAIM:  # 'claimed several Israeli casualties': the harm it says it did
        if attack or _takes_credit(frame) or frame.nested or (
                _LOSSES_CLAIMED.match(content)):
            return Reading(EventKind.CLAIM)
        return None
    if cues.early(_HYPOTHETICAL, content, 60) or _DENIES_FIRST.match(content):
        return None  # 'said that it "categorically denies" that its rockets struck': no claim
    if (SELF_ATTACK.search(content) or sides.own_attack or (attack and _PASSIVE_HIT.search(content))
            or (fired_at(content) and not frame.nested and frame.verb != "reports")
            or cues.THEIR_DEAD.search(content)  # 'said that 11 Turkish soldiers had been killed'
            or ((frame.cue is Cue.CONFIRM or frame.verb.startswith("announc"))
                and _GERUND_ACT.match(content))):
        return Reading(EventKind.CLAIM)
    if frame.cue is Cue.SAY and WEAPON_HIT.match(content):
        return Reading(EventKind.CLAIM)  # 'a drone had "hit a military target"': its drone
    if frame.verb in _SHOWING and (_SHOWN.match(content) or SHOWN_DOING.match(content)):
        return Reading(EventKind.CLAIM)  # 'showed what it said was an attack on ...': its own
    if attack and re.search(r"\b(?:operations?|attacks?|raids?|assaults?|ambush|offensive)\b", content) and (
            frame.cue is Cue.SAY):  # 'the raid resulted in severe casualties': its own raid
        done = re.search(r"\b(?:carried out|conducted|launched|successful|resulted in|inflicted"
                         r"|(?:able|managed) to (?:conduct|carry out|launch))\b", content)
        theirs = done and ARMY_BEFORE.search(content, 0, done.start())  # 'the army has launched'
        return Reading(EventKind.CLAIM) if done and not theirs else None
    return None


def _state(frame: Frame, voice: Voice, content: str, attack: bool, sides: Sides) -> Reading | None:
    if cues.EXERCISE.search(content[:160]):
        return None  # 'a training launch of its missile'
    if NOT_DONE.match(content) or DISOWNS.match(content) or sides.none_of_ours:  # '"Rwanda has not fired"'
        return Reading(EventKind.DENIAL, occurred=False, accused=True)
    if frame.cue is Cue.DENY:
        if _ROLE.search(content) and "claim" not in content:  # 'Kyiv denied any involvement'
            return Reading(EventKind.DENIAL, occurred=False, accused=True)
        if cues.HARBOUR.search(content) or cues.TRADE.search(content[:160]):
            return None  # 'denied harbouring militants', 'a report that it agreed to buy drones'
        if cues.ACCUSED.match(content) or denies_own(content, voice.name.lower()):
            # 'rejects baseless US accusations', 'denied that it had struck a consulate'
            return Reading(EventKind.DENIAL, occurred=False, accused=True)
        if not attack and not _LOSS.search(content[:80]) and (
                not _REFERENT.search(content[:80]) or cues.DESCRIBED_REFERENT.search(content[:120])):
            return None  # 'rejected the budget', 'denied a report alleging corruption'
        return _denial(content) or Reading(EventKind.DENIAL, occurred=False)
    denial = _denial(content) or _labelled_false(frame, content) or _landed_elsewhere(content, sides)
    if frame.nested and voice.is_state:  # 'the Russians' claims that they repelled it': no strike
        if denial is not None and not cues.FALSITY.search(content):
            # 'the ministry's claim that no projectiles landed': a denial; but 'Russia's claim
            # is an effort to manipulate' says what the claim is, not what was claimed
            return denial
        return Reading(EventKind.CLAIM) if attack and not cues.defeated(content) else None
    acts = self_act(content)
    if not attack and denial is None and not acts:
        return None  # 'its forces had inflicted losses on ...' is an act, if no attack word
    if not denial and sides.foreign_target and _ELSEWHERE.search(content) and PASSIVE_LOSS.search(content):
        return Reading(EventKind.CONFIRMATION, damage=True)  # 'it was hit and fell in Lebanon'
    if sides.foreign_target and GROUND_SILENCED.search(content):
        return Reading(EventKind.CLAIM)  # 'it had neutralised Armenian firing positions'
    own = (acts or sides.own_attack or cues.TO_HAVE_DONE.match(content) or (
        frame.verb in _SHOWING and _SHOWN.match(content)) or (
        sides.foreign_target and (_PASSIVE_HIT.search(content) or cues.craft_downed(content)
                                  or (frame.cue is Cue.CONFIRM and AN_OPERATION.match(content))
                                  or (frame.verb.startswith("announc") and AN_OPERATION.search(content)))
    )) and not cues.ATTACKED_US.search(content)
    if (voice.is_state or voice.governs) and own and denial is None and not cues.defeated(content):
        return Reading(EventKind.CLAIM)  # also a governing group confirming its forces' operation
    if frame.cue is Cue.CLAIM and voice.is_state and denial is None and not cues.early(
            _HYPOTHETICAL, content, 60):
        # 'the IRGC claimed responsibility for missile attacks on Erbil': a state's own, said so
        owned = _takes_credit(frame) and sides.foreign_target
        return Reading(EventKind.CLAIM) if owned or _PASSIVE_HIT.search(content) else None
    if cues.early(_HYPOTHETICAL, content, 40) and denial is None:
        return None
    conceded = frame.cue is Cue.CONFIRM and (PASSIVE_LOSS.search(content) or (
        frame.verb in _ADMITTING and denial is not None and denial.occurred))  # 'admitted it struck'
    if denial is not None and not conceded:
        return denial
    if frame.cue is Cue.CONFIRM:
        return Reading(EventKind.CONFIRMATION, damage=True if cues.OWN_DAMAGE.search(content) else None)
    motive, damaged = cues.MOTIVE.search(content), cues.OWN_DAMAGE.search(content)
    harm = damaged or LOST_MEN.search(content)
    if motive and (harm is None or motive.start() < harm.start()):  # (a vow to retaliate after it is news)
        return None  # 'retaliation for the strike that killed 89 of its soldiers': a motive, not news
    return Reading(EventKind.ATTACK_REPORT, damage=True if damaged else None)


def _takes_credit(frame: Frame) -> bool:
    """'claimed responsibility', 'took credit': the verb owns the act whatever the content says."""
    return "responsib" in frame.verb or "credit" in frame.verb or frame.verb.startswith("own")


def _labelled_false(frame: Frame, content: str) -> Reading | None:
    """'described the claim as provocation', 'called the reports an attempt to sow panic': a
    claim given any label but a true one is denied."""
    if frame.verb in _LABELLING and _CLAIM_OBJECT.match(content) and not _TRUE.search(content):
        return Reading(EventKind.DENIAL, occurred=False)
    return None


def _landed_elsewhere(content: str, sides: Sides) -> Reading | None:
    """'the rockets fell on Afghan territory': not on ours, whatever was fired; but 'it was hit
    and fell in Lebanon' is the speaker's own loss (see `_state`)."""
    lost = PASSIVE_LOSS.search(content)
    if sides.foreign_target and not sides.own_attack and _ELSEWHERE.search(content) and not lost:
        return Reading(EventKind.DENIAL, occurred=True, damage=False, partial="effect")
    return None


def _denial(content: str) -> Reading | None:
    """A flat denial, or a different account that leaves the attack but not its effect."""
    if cues.FALSITY.search(content) or cues.NOT_OCCURRED.search(content) or cues.NORMAL.search(content) or (
            ACCIDENT.search(content)):
        return Reading(EventKind.DENIAL, occurred=False)
    if only := ONLY_OTHER.search(content):
        return Reading(EventKind.DENIAL, occurred=True, weapon=only["w"] or only["v"], partial="weapon")
    if LESSER.search(content):
        return Reading(EventKind.DENIAL, occurred=True, damage=True, partial="effect")
    damage = cues.OWN_DAMAGE.search(content)
    if damage and not _ENEMY_LOSS.search(content[max(0, damage.start() - 60) : damage.end() + 40]) \
            and not cues.NO_DAMAGE.search(content):
        return None  # its own losses conceded: a report, not a denial
    if cues.HIT_CONCEDED.search(content):
        return None  # 'tried to intercept it, and a projectile struck the base': a hit conceded
    if cues.defeated(_ATTACKERS_DOWN.sub(" ", content)) or cues.NOT_DESTROYED.search(content) or (
            cues.DECOY.search(content)):
        return Reading(EventKind.DENIAL, occurred=True, damage=False, partial="effect")
    if cues.NO_DAMAGE.search(content):  # settled against the rest of the article
        return Reading(EventKind.DENIAL, occurred=True, damage=cues.concedes_damage(content), partial="harm")
    return None
