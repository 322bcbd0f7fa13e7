"""The words of denial: a claim called false, an attack said not to have happened, things said
to be normal, an attack said to have been stopped or to have done no harm, a different account
of the weapon; and a state's own losses, which make a report, not a denial."""

from __future__ import annotations

import re

from services.classifier.non_attacks import EXERCISE as EXERCISE  # re-exported: cues.EXERCISE
from services.classifier.non_attacks import HARBOUR as HARBOUR
from services.classifier.non_attacks import TRADE as TRADE

FALSITY = re.compile(
    r"\b(?:false|fake|fabricat\w*|baseless|untrue|not true|groundless|unfounded"
    # 'lies' the falsehoods, not where a town lies ('lies some 40 miles from the border')
    r"|(?:lies|lie|lying)(?!\s{1,3}(?:some|about|around|roughly|nearly|just|only|\d+|in|on|at|near"
    r"|north|south|east|west|along|between|within|off|across|close|inside|outside|beyond)\b)"
    # ('dropped propaganda leaflets' are leaflets, not a claim called propaganda)
    r"|propaganda(?!\s{1,3}(?:leaflets?|balloons?|materials?|videos?|broadcasts?|loudspeakers?|posters?))"
    r"|disinformation|misinformation|nonsense|fiction\w*|fantas\w*|manipulat\w*|hoax"
    r"|imaginary|figment|psychological (?:operation|warfare|war)|psy-?ops?"
    r"|no truth|not correspond\w*|do(?:es)? not correspond|as true as|exaggerat\w*|absurd"
    r"|(?:not|never) (?:align|accord|tally|square)\w* with (?:the )?(?:facts|reality|truth)"
    r"|ridiculous|(?:not aware|unaware) of any|no (?:evidence|proof|confirmation)|remain just that"
    r"|incorrect|inaccurate|not (?:correct|accurate|the case)|unsubstantiated|invented|made-up"
    r"|slander\w*|(?:no |without (?:any )?)(?:factual |real )?(?:basis|grounds|foundation)"
    r"|(?:meant|aimed|intended|designed|an attempt|attempts?|trying) to (?:boost|raise|lift|shore up)"
    r" (?:the )?(?:\w+ )?morale|to save face|far from (?:the )?(?:truth|reality)"
    r"|(?:do(?:es)?|did) not (?:reflect|match) (?:the )?(?:truth|reality|facts)"
    r"|no (?:[\w-]+ (?:or |and )?){0,2}?(?:information|knowledge|records?|reports?|intelligence)"
    r" (?:about|on|of|supporting|to support|confirming|to confirm|corroborating)"
    r" (?:any|such|an?|the|these|those|this|that)"
    r"|no (?:indication|sign|signs|trace) (?:that|of))\b"
)
NOT_OCCURRED = re.compile(
    r"\bno\s{1,3}(?:such\s{1,3})?(?:[\w-]+\s{1,3}){0,2}(?:attacks?|strikes?|incidents?|shelling"
    r"|rockets?|missiles?|drones?|shells?|projectiles?|explosions?|aircraft|jets?|planes?"
    r"|helicopters?|troops|soldiers|forces|vessels?|boats?|units?|bases?|positions?|posts?)\"?"
    r"\s{1,3}(?:had\s{1,3}|has\s{1,3}|have\s{1,3}|was\s{1,3}|were\s{1,3})?(?:taken place|took place"
    r"|occurred|happened|landed|fell|fallen|hit|struck|reached|crossed|entered|violated|intruded"
    r"|been\s{1,3}\w+|targeted|bombed|attacked|shelled)"
    # 'none of the mortar shells reached the airport'
    r"|\bnone\s{1,3}of\s{1,3}(?:the|its|their)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:rockets|missiles|drones|shells"
    r"|projectiles|bombs)\s{1,3}(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?(?:reached|hit|struck|landed)\b"
    # 'none of India's S-400 systems have been targeted or destroyed'
    r"|\bnone\s{1,3}of\s{1,3}(?:the|its|their|our|them|these|those|[\w-]+'s?)\s{1,3}(?:[\w-]+\s{1,3}){0,4}?(?:had|has|have"
    r"|was|were)\s{1,3}(?:been\s{1,3})?(?:targeted|hit|destroyed|damaged|struck|attacked|shot down|downed)\b"
    r"|\bnot\s{1,3}(?:a\s{1,3}single|one)\s{1,3}(?:[\w-]+\s{1,3}){0,2}(?:rockets?|missiles?|drones?"
    r"|shells?|projectiles?|aircraft|jets?|soldiers?|troops)\s{1,3}(?:had\s{1,3}|has\s{1,3}"
    r"|have\s{1,3}|was\s{1,3}|were\s{1,3})?(?:crossed|landed|fell|fallen|hit|struck|reached"
    r"|entered|penetrated|got through)\b"
    r"|\bthere\s{1,3}(?:is|are|was|were|had been|has been|have been)\s{1,3}no\s{1,3}(?:[\w-]+\s{1,3}){0,2}"
    r"(?:attacks?|strikes?|incidents?|shelling|rockets?|missiles?|drones?|explosions?|enem(?:y|ies)"
    r"|breakthroughs?|incursions?|infiltrat\w+|saboteurs)\b"
    r"|\b(?:did not|didn't|never|had not|hadn't|has not|have not|was not|were not|wasn't|weren't"
    r"|is not|are not|had no)\s{1,3}(?:been\s{1,3})?(?:[\w-]+\s{1,3})?(?:happen\w*|occur\w*"
    r"|take place|took place|land\w*|fall|fell|hit|struck|cross\w*|targeted|attacked|damaged"
    r"|affected|touched|opportunity|overrun|overran|captured|seized|breached|taken|lost|sunk)\b"
    # 'the attack took place outside Jordanian territory': not on its ground
    r"|\b(?:took place|happened|occurred|was carried out|struck|landed|fell)\s{1,3}outside\s{1,3}"
    r"(?:the\s{1,3})?(?:[\w-]+\s{1,3}){0,2}?(?:territory|soil|borders?|airspace)\b"
    r"|\bnothing\s{1,3}(?:of\s{1,3}the\s{1,3}(?:sort|kind)\s{1,3})?(?:\w+\s{1,3})?(?:happened|landed"
    r"|fell|hit)|\bno\s{1,3}such\s{1,3}\w+"
    r"|\bno\s{1,3}(?:direct\s{1,3})?(?:hits?|impacts?)\s{1,3}(?:were|was|have been|has been|had been)"
    r"\s{1,3}(?:recorded|identified|reported|registered|detected|observed|found|confirmed)\b"
    r"|\bno\s{1,3}(?:[\w-]+\s{1,3}){0,3}(?:(?:had|has|have|was|were)\s{1,3}(?:been\s{1,3})?)?(?:targeted"
    r"|hit|attacked|struck|damaged|fired|launched|shot down|downed)\b"
    r"|\b(?:an? |the )?(?:accident|technical (?:fault|failure|malfunction|problem)|mechanical"
    r" (?:failure|problem|fault)|bad weather|pilot error)\b"
    r"|\bno\s{1,3}(?:active\s{1,3})?(?:military\s{1,3})?(?:activity|activities|developments)\b"
    r"|\b(?:has|had|have)\s{1,3}no\s{1,3}(?:[\w-]+\s{1,3})?(?:drones?|aircraft|jets?|planes?"
    r"|helicopters?|troops|soldiers|forces|vessels?|ships?)\s{1,3}(?:operating|flying|deployed"
    r"|stationed|present)\b"
    r"|\b(?:detected|registered|recorded|observed|seen|saw|found)\s{1,3}no\s{1,3}(?:[\w-]+\s{1,3}){0,2}"
    r"(?:launch\w*|attacks?|strikes?|shelling|fire|firing|rockets?|missiles?|drones?|shots|incidents?"
    r"|violations?|impacts?|damage)\b"
)
NORMAL = re.compile(
    r"\b(?:(?:operating|working) normally|as normal|business as usual|(?:operations|production"
    r"|flights|supplies|output) (?:(?:was|were|are|is|remain\w*) )?(?:unaffected|not affected)"
    r"|(?:continue|continues|continued) "
    r"(?:to operate )?normally|functioning normally|normal operations|(?:is|are|were|remain\w*)"
    r" safe|calm (?:prevails|returned|reigns)|(?:calm and normal|normal and calm)|traffic[^.;]{0,80}?"
    r"(?:is|was|were) not (?:disrupted|interrupted)"
    r"|did not (?:disrupt|interrupt) (?:the )?(?:[\w-]+ )?traffic"
    r"|situation (?:(?:in|at|on) (?:[\w'-]+ ){1,4})?(?:is|was|remains"
    r"|remained) (?:stable|calm|normal"
    r"|under control)|(?:is|was) normal"
    r"|(?:is|was|are|were|remains?|remained) (?:still )?(?:intact|secure|in (?:its|our|their) hands"
    r"|under (?:its|our|their|full) control)"
    r"|(?:held|hold|holding|kept|retained) (?:on to )?(?:all )?(?:its|our|their) (?:positions?|ground"
    r"|posts?|base)|(?:were|are|had been|have been) (?:all )?accounted for"
    r"|(?:all|both|every) (?:[\w-]+ ){0,3}?(?:returned|came back|landed) (?:home |to (?:base"
    r"|(?:its|their) bases?) )?safely)\b"  # 'all F-16s returned home safely': none was downed
)
# 'shot down an Armenian warplane': a crewed aircraft downed is a strike on its owner, no defence
_CRAFT = (r"\s{1,3}(?:an?\s{1,3}|the\s{1,3}|two\s{1,3}|\d+\s{1,3})?(?:[\w-]+\s{1,3}){0,2}"
          r"(?:warplanes?|aircraft|(?:fighter )?jets?|helicopters?|planes?|bombers?"
          r"|(?:su|mig|mi|ka|f|jf|j)-\d+\w*|rafales?|mirages?|sukhois?|tucanos?)\b")
# 'three aircraft of the Azerbaijani Air Force were shot down': the passive of the same strike
CRAFT_DOWNED = re.compile(r"(?<!piloted )(?<!unmanned )(?<!pilotless )(?<!drone )"
                          r"\b(?:warplanes?|aircraft|(?:fighter )?jets?|fighters|helicopters?|planes?"
                          r"|bombers?|(?:su|mig|mi|ka|f|jf|j)-\d+\w*)"
                          r"\s{1,3}(?:[\w'-]+\s{1,3}){0,5}?(?:was|were|had been|has been|have been)"
                          r"\s{1,3}(?:\w+\s{1,3})?(?:shot down|downed)\b")
DEFEAT = re.compile(
    r"\b(?:(?:destroyed|downed|shot down|intercepted|neutrali[sz]ed)\s{1,3}(?!by\b)"
    r"(?:\d+\s{1,3}|[a-z]+\s{1,3})?"
    r"(?:[\w-]+\s{1,3})?(?:drones|missiles|rockets|uavs|projectiles|boats)"
    r"|(?:destroyed|sank|sunk|neutrali[sz]ed)\s{1,3}(?:[\w-]+\s{1,3}){0,4}?(?:(?:uncrewed|unmanned"
    r"|explosive-laden|drone)\s{1,3}(?:surface\s{1,3})?(?:vessels|boats)|usvs)"
    r"|(?:drones?|missiles?|rockets?|uavs?|projectiles?|boats?)\s{1,3}(?:was|were|had been|has been"
    r"|have been)\s{1,3}(?:all\s{1,3})?destroyed"
    r"|(?:successfully\s{1,3})?defended\s{1,3}(?:itself|themselves|the country)|defen[cs]es?\s{1,3}against"
    r"|(?:withstood|withstand|fended off|held off)\s{1,3}(?:the\s{1,3})?(?:[\w-]+\s{1,3}){0,2}"
    r"(?:attacks?|assault|offensive|raid)"
    r"|intercept(?!ion systems?)\w*"
    r"|(?:shot down|shooting down|downed)(?!" + _CRAFT + r")|repel\w*|repuls\w*|beat(?:en)? back"
    r"|before (?:it |they )?(?:reach\w*|hit\w*) (?:its|their|the) (?:intended )?targets?"
    r"|fought off|blocked\s{1,3}(?:the\s{1,3}|an?\s{1,3})?(?:[\w-]+\s{1,3})?(?:attacks?|assault|offensive"
    r"|raid|missiles?|drones?|rockets?)"
    r"|pushed back"
    # 'foiled a plot to destabilise the country' is no attack repelled
    r"|(?:thwart\w*|foil\w*)(?!\s{1,3}(?:an?\s{1,3})?(?:[\w-]+\s{1,3})?(?:plot|coup|conspiracy|plans?)\b)"
    r"|neutrali[sz]ed|engaged and defeated|successfully engaged|(?:an )?attempts? (?:was |were )?"
    r"(?:made )?to (?:breach|attack|infiltrate|cross|enter)|tried to (?:breach|infiltrate|cross)"
    r"|destroyed (?:in the air|before"
    r"|the (?:incoming|drone|missile)s?)"
    r"|(?:fell|landed|crashed|c[ao]me down) (?:in|into) the (?:sea|water|desert)"
    r"|(?:fell|fallen) (?:harmlessly|short|in (?:an? )?(?:open|empty"
    r"|uninhabited|unpopulated))|landed in (?:an? )?(?:open|empty|uninhabited)|open (?:areas?|fields?"
    r"|ground|spaces?)|missed|harmlessly|unsuccessful|attempted (?:breach|attack|infiltration)"
    r"|only (?:damaged|breached|hit))\b"
)
NO_DAMAGE = re.compile(
    r"\bno\s{1,3}(?:[\w-]+\s{1,3}){0,2}(?:(?:of|about)\s{1,3}(?:[\w-]+\s{1,3})?)?(?:damage|casualties|injuries|injured"
    r"|victims|deaths"
    r"|fatalities|losses)\b|\bwithout\s{1,3}(?:causing\s{1,3})?(?:any\s{1,3})?(?:damage|casualties"
    r"|injuries)\b|\b(?:no one|nobody) was (?:hurt|injured|killed)\b|\bunharmed\b|\bnot damaged\b"
    r"|\bundamaged\b|\b(?:weren't|were not|was not|wasn't) affected\b"
    r"|\bnone\s{1,3}(?:were|was|had been|have been)\s{1,3}(?:killed|hurt|injured|wounded)\b"
    r"|\bno\s{1,3}(?:[\w-]+\s{1,3})?(?:soldiers?|troops|guards|personnel|civilians|people|policemen|officers"
    r"|servicem[ae]n|crew)\s{1,3}(?:were|was|had been|have been)\s{1,3}(?:killed|hurt|injured|wounded)\b"
    r"|\bnothing\s{1,3}(?:was\s{1,3}|has been\s{1,3}|had been\s{1,3})?(?:damaged|destroyed|hit)\b"
    r"|\b(?:lost|suffered)\s{1,3}no\s{1,3}(?:soldiers?|troops|men|personnel|casualties|losses|lives)\b"
    r"|\b(?:no|none of (?:its|our|the))\s{1,3}(?:[\w-]+\s{1,3})?(?:soldiers?|troops|personnel|one|civilians?"
    r"|people|servicem[ae]n|sailors|crew|citizens?|nationals?|workers?|engineers?|residents?|staff"
    r"|employees?|passengers?)\s{1,3}(?:was|were|had been|has been|have been)\s{1,3}"
    r"(?:killed|hurt|injured|wounded|harmed|captured|kidnapped|abducted|taken hostage"
    r"|taken prisoner)\b"
    # 'no equipment of the Armenian armed forces was destroyed': a thing of its own, unharmed
    r"|\bno\s{1,3}(?:[\w'-]+\s{1,3}){0,6}?(?:was|were|had been|has been|have been)\s{1,3}"
    r"(?:destroyed|damaged|sunk|lost|hit|struck)\b"
)
# 'Russia did not destroy its Patriot system': the strike granted, its claimed effect denied
NOT_DESTROYED = re.compile(r"\b(?:did not|didn't)\s{1,3}(?:[\w-]+\s{1,3})?(?:destroy|damage|sink|shoot down"
                           # (the defender that 'failed to shoot down' the missile concedes the hit)
                           r"|down|disable)\b|\b(?:failed to|could not|couldn't|(?:was|were) unable to)"
                           r"\s{1,3}(?:[\w-]+\s{1,3})?(?:destroy|damage|sink|disable)\b")
OWN_DAMAGE = re.compile(
    r"(?<!no )(?<!not )(?<!without )(?<!any )\b(?:killed|killing|wounded|wounding|injured|injuring"
    r"|hurt|hurting|dead|deaths?|died|damaged|damaging|damage|fire broke out|blaze|casualties"
    r"|martyred)\b"
)
# What only the accused denies: accusations, and doing it ('denied carrying out a strike')
ACCUSED = re.compile(
    r"\W{0,3}(?:(?:the|any|all|these|those|such|baseless|unfounded|[a-z]+)\s{1,3}){0,3}?"
    r"(?:accusations?|allegations? that (?:it|they)\b)"
    r"|\W{0,3}(?:ever\s{1,3})?(?:carrying out|launching|conducting|firing|striking|attacking"
    r"|targeting|shelling|bombing)\b"
)
# A report the content itself says is about something else: 'a report alleging corruption'
DESCRIBED_REFERENT = re.compile(r"\b(?:reports?|claims?|allegations?|rumou?rs?|information|news)\s{1,3}"
                                r"(?:(?!as\b|and\b)[\w-]+\s{1,3}){0,4}?(?:that|alleging|claiming|saying|about|of)\b")
# 'they attempted to attack three of our bases and we killed 46 of them': the state's own
# fire answers an attack on it; its kills are part of that report, not a strike it claims
ATTACKED_US = re.compile(
    r"\b(?:they|the (?:enemy|militants|attackers|terrorists|insurgents|rebels))\s{1,3}(?:[\w-]+\s{1,3})"
    r"{0,2}?(?:attack\w*|tried|attempted|raided|stormed)\b[^.]{0,40}?\bour\b"
)

# A group's claim told as its enemy's dead: 'the PKK said that 11 Turkish soldiers had been killed'
THEIR_DEAD = re.compile(
    r"^\W{0,3}(?:that\s{1,3})?(?:more than\s{1,3}|at least\s{1,3}|over\s{1,3})?(?:\d+|[a-z]+)\s{1,3}"
    r"(?:[\w-]+\s{1,3}){0,2}(?:soldiers|troops|servicem[ae]n|policemen|police officers|officers|guards"
    r"|personnel)\s{1,3}(?:had\s{1,3}been|have\s{1,3}been|were|had)\s{1,3}(?:killed|wounded|injured|died)\b"
)
# 'retaliation for the strike that killed 89 of its soldiers': a motive, not news
MOTIVE = re.compile(r"\b(?:retaliat\w*|revenge|in response to|a response to|reprisals?|aveng\w*)\b")
# 'Ukraine officials claim to have carried out a drone attack': the speaker's own, said after 'claim'
TO_HAVE_DONE = re.compile(r"\s{0,3}to\s{1,3}have\s{1,3}(?:successfully\s{1,3})?(?:carried out|conducted"
                          r"|launched|struck|hit|destroyed|attacked|shot down|downed|killed|targeted)\b")


_NEGATED_CUE = re.compile(r"(?:\bnot|\bnever|n't|\bfailed to|\bwithout being|\bunable to|\bno"
                          # 'made several attempts to intercept the missile but failed': tried, not done
                          r"|\battempts?\s{1,3}to|\btried\s{1,3}to|\btrying\s{1,3}to|\bfailure\s{1,3}to)\s{1,3}"
                          r"(?:be\s{1,3}|been\s{1,3}|being\s{1,3})?$")


def affirmed(pattern: re.Pattern[str], content: str) -> bool:
    """A cue the text does not negate: 'intercepted', not 'was not intercepted'."""
    return any(not _NEGATED_CUE.search(content[max(0, m.start() - 16) : m.start()])
               for m in pattern.finditer(content))


_DENIED_BEFORE = re.compile(r"\b(?:not|no|never|none)\b")


def craft_downed(content: str) -> bool:
    """'three of its jets were shot down', not 'not a single aircraft was shot down'."""
    return any(not _DENIED_BEFORE.search(content, max(0, m.start() - 30), m.end())
               for m in CRAFT_DOWNED.finditer(content))


def defeated(content: str) -> bool:
    """An attack stopped, said without negation; a crewed aircraft shot down is no defence."""
    return affirmed(DEFEAT, CRAFT_DOWNED.sub(" ", content) if craft_downed(content) else content)


# Attacks recalled, not reported: counts of past attacks, spans of months and years
BACKGROUND = re.compile(
    r"\b(?:(?:multiple|several|many|numerous|dozens of|scores of|hundreds of|a series of"
    r"|a string of|repeated|previous|past|earlier|other|similar|(?:more than|over|at least|nearly"
    r"|almost|some)\s{1,3}\d[\d,]*|\d{2,}[\d,]*)\s{1,3}(?:[\w-]+\s{1,3})?"
    r"(?:attacks|strikes|operations|raids|assaults|incidents|bombings|launches)"
    r"|most of (?:those|these|the) (?:attacks|strikes)|both (?:\w+ )?(?:attacks|strikes)"
    # 'these two attacks', 'those earlier strikes': more than the one answered; a bare 'those
    # attacks killed no militants' is the one just told
    r"|(?:those|these) (?:two|three|four|five|\d+|earlier|previous|past|other) (?:\w+ )?(?:attacks|strikes)"
    r"|in recent (?:months|weeks|years)|since the start of|in the past|over the years"
    r"|(?:at least|more than|over|nearly|some)\s{1,3}\d+\s{1,3}times|dozens of times|several times"
    r"|repeatedly|frequently|regularly"
    # 'says the group carries out deadly attacks inside Pakistan': a habit, no incident
    r"|(?:carries|launches|stages|mounts)\s{1,3}(?:out\s{1,3})?(?:[\w-]+\s{1,3}){0,2}?(?:attacks|strikes"
    r"|raids|bombings|operations))\b"
)


def history(content: str) -> bool:
    """'has claimed several attacks in recent months'; not a motive ('in response to repeated
    attacks on civilians', which names why, not what)."""
    past = BACKGROUND.search(content[:120])
    return past is not None and not MOTIVE.search(content, 0, past.start())


# 'claimed that Indian drones targeted their camps', 'the strikes killed three of its members': a
# group telling of an attack on itself, which is no claim of its own
STRUCK_ITSELF = re.compile(
    r"\b(?:targeted|targeting|hit|struck|bombed|shelled|attacked|pounded|on|at|against|killed)\s{1,3}"
    r"(?:(?:\d+|[a-z]+)\s{1,3}of\s{1,3})?(?:their|its)\s{1,3}(?:own\s{1,3})?(?:[\w-]+\s{1,3}){0,2}?"
    r"(?:camps?|bases?|positions?|members|fighters|commanders?|leaders?|hideouts?|headquarters|cadres"
    r"|militants|men)\b"
    r"|\b(?:deaths?|killing)\s{1,3}of\s{1,3}(?:\d+|[a-z]+)\s{1,3}(?:of\s{1,3})?(?:its|their)\s{1,3}"
    r"(?:members|fighters|cadres|commanders|militants|men)\b"
)

# 'causing damage but no casualties': damage conceded, only the harm to people denied
_CONCEDED_DAMAGE = re.compile(r"\b(?:caus(?:ed|ing)|inflict(?:ed|ing)|did)\s{1,3}(?:some\s{1,3}|minor\s{1,3}"
                              r"|light\s{1,3}|slight\s{1,3}|limited\s{1,3}|material\s{1,3})?damage\b"
                              r"|\b(?:was|were|been)\s{1,3}(?:slightly\s{1,3}|lightly\s{1,3})?damaged\b")


def concedes_damage(content: str) -> bool:
    return bool(_CONCEDED_DAMAGE.search(content))


def early(pattern: re.Pattern[str], content: str, limit: int) -> bool:
    """A match that starts within the first `limit` characters (read on the whole content, so
    a lookahead sees past the limit: 'on May 3' is a date, not a 'may')."""
    match = pattern.search(content)
    return match is not None and match.start() < limit


# 'tried to intercept it, and a projectile struck the base': a hit conceded beside a defence
HIT_CONCEDED = re.compile(
    r"\b(?:projectiles?|missiles?|drones?|rockets?|shells?|one|another)\s{1,3}(?:had\s{1,3}|has\s{1,3})?"
    r"(?:struck|hit|landed\s{1,3}(?:on|in|inside))\s{1,3}(?:the|its|a|an)\s{1,3}(?:[\w-]+\s{1,3})?"
    r"(?:base|post|building|facility|barracks|position|camp|airport|port|ship|vessel|house|home)s?\b")
# 'Russia had hit Ukrainian decoy Patriot systems': what was hit was a fake; the effect denied
DECOY = re.compile(r"\b(?:decoys?|dummy (?:targets?|systems?|planes?|aircraft|launchers?)|mock-?ups?)\b")
