"""Whose people or property an attack hit: the target country of a statement.

A target is territory ('into Zedland', 'at Zedtown') or an asset whose owner the text names:
'Westmark's troops', a warship (its navy's state: 'USS ...', 'a Russian missile ship'), an
embassy, a state company ('Aramco'), a merchant ship only when the article names its flag or
operator state. Seas, gulfs, straits and deserts are never targets; neither are datelines, the
country an attack came from ('launched from Yemen'), nor a country that only describes a group
('Yemen's Houthis', 'Iran-backed').
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from schemas.event import Location
from services.classifier.clauses import Clause
from services.classifier.context import Memory
from services.classifier.group_glosses import describes_group, in_group_gloss
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.ship_names import names_a_ship, ship_called, ship_named

_ORIGIN_BEFORE = re.compile(
    r"(?:\bfrom|\bout of|\bacross from|\boriginat\w* in|\bbased in|\bheld by|\bby"
    r"|\b(?:made|manufactured|produced|built|developed)\s{1,3}in)\s{1,3}"
    r"(?:the\s{1,3})?(?:(?!(?:into|at|on|against|toward|towards|to|near|over|targeting|and|that)\b)"
    r"[\w'-]+,?\s{1,3}){0,6}$"
)
_DIRECTED_BEFORE = re.compile(
    r"(?:\binto|\bat|\bagainst|\btoward|\btowards|\btargeting|\btargeted|\bon|\bhit|\bstruck"
    r"|\bstrikes? on|\battacks? on|\bfell (?:in|on)|\blanded (?:in|on)|\binside|\bentered|\bstormed"
    r"|\braided|\boverran|\bshelled|\bbombed|\battacked)\s{1,3}"
    r"(?:the\s{1,3}|a\s{1,3}|an\s{1,3})?(?:[\w'-]+\s{1,3}){0,3}$"
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\bin|\bat|\bnear|\bon|\binto|\btoward|\btowards|\bof|\bover|\bfrom|\binside|\bacross"
    r"|\bcity|\btown|\bport|\bvillage|\bregion|\bprovince|\bdistrict|,"
    r"|\bentered|\bstormed|\braided|\bcaptured|\bseized|\boverran|\bshelled|\bbombed|\battacked)"
    r"\s{1,3}(?:the\s{1,3})?$"
)
_OWNED_BY = re.compile(r"\b(?:owned|operated|managed|chartered)\s{1,3}by\s{1,3}(?:an?\s{1,3}|the\s{1,3})?$")
_PURPOSE_BEFORE = re.compile(
    r"\b(?:in support of|in solidarity with|in response to|in retaliation for|to avenge"
    r"|(?:bound|headed|heading|sailing|en route|destined)\s{1,3}(?:for|to)"  # a ship's destination
    r"|on behalf of|for the sake of|in revenge for|to support|(?:as an?|in) (?:reaction|response) to"
    r"|amid|in the wake of|since the (?:outbreak|start) of)\b[^,.;]{0,90}$"  # the setting, not the hit
)
# 'a district bordering Afghanistan': the neighbour that describes a place is never the target
# (and 'off the coast of Yemen', 'off Yemen': the sea a ship was in, not the coast's state)
_BORDERING = re.compile(r"\b(?:bordering|adjoining|(?:along|on|from|near) the border with|off(?:\s{1,3}the"
                        r"\s{1,3}(?:[\w-]+\s{1,3})?(?:coasts?|coastline|shores?)\s{1,3}of)?)\s{1,3}(?:the\s{1,3})?$")
_CLAIMANT_AFTER = re.compile(r"'s?\s{1,3}(?:[\w-]+\s{1,3})?(?:claims?|assertions?|accounts?|allegations?"
                             r"|accusations?|statements?|version|narrative)\b"
                             r"|\s{1,3}(?:claims|assertions|allegations|accusations)\b")  # 'Pakistani claims'
_NEAR_BEFORE = re.compile(r"\b(?:near|close to|next to|outside|beside|away from|around)\s{1,3}"
                          r"(?:the\s{1,3}|a\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$")
_TARGET_BEFORE = re.compile(
    r"(?:\binto|\bin|\bat|\bon|\bagainst|\btoward|\btowards|\bover|\binside|\bacross|\btargeting"
    r"|\btargeted|\bhit|\bstruck|\bstrike on|\battacks? on|\bfell in|\blanded in|\bwithin|\bnear"
    r"|\bof)\s{1,3}(?:the\s{1,3}|a\s{1,3})?(?:[\w'-]+\s{1,3}){0,3}$"
)
_MODIFIER_AFTER = re.compile(
    r"^-(?:backed|aligned|allied|linked|supported|sponsored|based|funded|run|controlled"
    r"|held|made|affiliated|appointed|installed"
    # 'US-led coalition forces' are the leader's as a target; 'a Saudi-led coalition' is no target
    r"|led(?!\s{1,3}(?:military\s{1,3})?coalition\s{1,3}(?:forces|troops|bases?|personnel"
    r"|servicem[ae]n|soldiers|warships?|aircraft|jets)\b))\b"
    r"|^(?:\s{0,2}(?:-|\s)\w+)?\s{1,3}(?:border|frontier)\b(?!\s{1,3}(?:posts?|guards?|outposts?|towns?"
    r"|villages?|checkpoints?|crossings?|areas?|police|troops|forces|units?|positions?|regions?))"
)
# "a 'Palestine 2' missile", 'a Palestine-2 hypersonic missile': a weapon's name, no target
_MODEL_NUMBER = re.compile(r"^[\s-]?\d{1,2}\b(?![.,:/]\d)(?:['\"\u2019]?\s{1,3}(?:[\w-]+\s{1,3})?"
                           r"(?:missiles?|rockets?|drones?|systems?|cruise|ballistic|hypersonic|launchers?))")
# 'shot down an Israeli drone': the craft brought down is its state's asset
_DOWNED_BEFORE = re.compile(r"\b(?:shot\s{1,3}down|shoot\s{1,3}down|shooting\s{1,3}down|downed|downing"
                            r"|intercepted|hit|struck|targeted|destroyed)\s{1,3}(?:an?\s{1,3}|the\s{1,3}|\w+\s{1,3})?$")
_CRAFT_AFTER = re.compile(r"^\s{1,3}(?:[\w-]+\s{1,3})?(?:drones?|uavs?|unmanned)\b")
# 'the US-controlled al-Tanf base', 'a Turkish-run military outpost': the asset is theirs
_HELD_ASSET_AFTER = re.compile(
    r"^-(?:controlled|run|operated|held|manned)\s{1,3}(?:[\w'-]+\s{1,3}){0,3}?(?:bases?|garrisons?"
    r"|outposts?|posts?|facilit(?:y|ies)|airports?|ports?|airfields?|camps?|installations?)\b"
)
# 'Pakistan-administered Kashmir', 'Moscow-controlled Crimea': the land the state holds
_HELD_LAND_AFTER = re.compile(r"-(?:administered|controlled|held|occupied|annexed)\s{1,3}[A-Z]")
_ASSET_AFTER = re.compile(
    r"^(?:'s?)?\s{0,3}[\"']?\s{0,2}(?:(?!(?:toward|towards|to|into|in|at|on|from|near|against|by"
    r"|and|or|with|for)\b)[\w\"'-]+\s{1,3}){0,3}?(?:warships?|destroyers?|frigates?"
    r"|aircraft carriers?|carriers?|vessels?|ships?|navy|naval|tankers?|boats?|submarines?"
    r"|fleet|bases?|air ?bases?|airfields?|airports?|ports?|embass(?:y|ies)|consulates?|troops"
    r"|soldiers|servicem[ea]n|service ?members|servicemembers|forces|personnel|army|positions|guards"
    r"|policem[ae]n|gendarmes|peacekeepers|civilians|citizens|nationals"
    r"|posts|outposts?|check ?posts?|convoys?|patrols?|refiner(?:y|ies)|facilit(?:y|ies)|pipelines?"
    r"|power plants?|infrastructure|headquarters|barracks|camps?|airstrips?|aircraft|helicopters?|planes?"
    r"|jets?|warplanes?|bombers?|checkpoints?|shipyards?|depots?|interests|assets|military|air force"
    r"|nuclear)\b"
)
_ASSET_OF_BEFORE = re.compile(r"\b(?:headquarters|bases?|facilit(?:y|ies)|embass(?:y|ies)|consulates?"
                             r"|offices?|compound|camps?|positions?)\s{1,3}of\s{1,3}(?:the\s{1,3}|an?\s{1,3})?$")
_IN_STATE = re.compile(r"\b(?:in|inside)\s{1,3}(?:both\s{1,3})?$")  # 'US installations in Qatar'
_TERRITORY_AFTER = re.compile(
    r"^(?:'s?)?\s{0,3}(?:[\w-]+\s{1,3}){0,2}?(?:territory|soil|airspace|cities|city|towns?"
    r"|villages?|regions?|provinces?|sites?|areas?|capital|targets?|settlements?|side|border"
    r"\s{1,3}(?:town|village|area)s?)\b"
)


# 'Benin suffered an assault', 'Chad was attacked': the state that took the blow
_SUFFERED_AFTER = re.compile(r"^\s{1,3}(?:(?:has|had|have)\s{1,3})?(?:suffered|(?:was|were|has been|had been)"
                             r"\s{1,3}(?:attacked|hit|struck|targeted))\b")


@dataclass(frozen=True, slots=True)
class Target:
    country: str | None
    location: Location | None
    origin: str | None
    strength: int = 0  # 3 an asset, 2 territory, 1 a country merely named
    territory: str | None = None  # where an asset abroad stood ('a Mossad base in Erbil': IQ)

_THE_CRAFT = re.compile(r"\b(?:the|that|this)\s{1,3}(?:[\w-]+\s{1,3})?(?:warplane|plane|jet|aircraft"
                        r"|fighter|f-16|helicopter)\b")


def find_target(
    clause: Clause, span: tuple[int, int], lexicon: Lexicon, memory: Memory,
    exclude: frozenset[str | None] = frozenset(),
) -> Target:
    """The strongest target candidate in `span` of the clause, with the place that was hit."""
    best: tuple[int, int, str] | None = None  # (strength, -position, country)
    origin: str | None = None
    ground: str | None = None  # the first place named as territory
    for m in clause.within(*span):
        country = _country(m, memory)
        if country is None or m.entry.kind in (Kind.WATER, Kind.AGENCY, Kind.GROUP):
            continue
        if (m.entry.kind is Kind.PLACE or m.entry.role == "capital") and _placed_elsewhere(clause, m):
            continue  # 'the Al Jawf governorate of northwestern Yemen' is not Saudi Arabia's Al Jawf
        before = clause.sub(m.start - 40, m.start)
        after = clause.sub(m.end, m.end + 60)
        held = _HELD_ASSET_AFTER.match(after) is not None  # 'the US-controlled al-Tanf base'
        land = _HELD_LAND_AFTER.match(clause.text, m.end - clause.start) is not None
        if ((_MODIFIER_AFTER.match(after) and not held and not land) or before.endswith("pro-")
                or _MODEL_NUMBER.match(after)
                or describes_group(clause, m) or names_a_ship(clause, m)
                or in_group_gloss(clause, m)):
            continue
        owner = held or _OWNED_BY.search(before) is not None  # 'a ship owned by an Israeli company'
        if _ORIGIN_BEFORE.search(before) and not owner:
            origin = origin or country
            continue
        if _BORDERING.search(before) or _CLAIMANT_AFTER.match(after):
            continue  # 'bordering Afghanistan'; 'Islamabad's assertion that ...' (who claims)
        if _PURPOSE_BEFORE.search(clause.sub(m.start - 110, m.start)):
            continue  # 'in solidarity with Gaza': whom it was for, not whom it hit
        strength = 3 if owner else 2 if land else _strength(m, before, after, memory)
        if ground is None and strength >= 2 and (m.entry.kind is Kind.PLACE or (
                m.entry.kind is Kind.STATE and (_TERRITORY_AFTER.match(after) or _IN_STATE.search(before)))):
            ground = country  # 'in Erbil', "in Iraq's Kurdish regional capital" (the speaker's too)
        if country in exclude:
            continue
        hosted = lexicon.site_operators.get(m.entry.value) if m.entry.role == "site" else None
        if hosted and hosted not in exclude:
            ground = ground or country  # 'Tower 22': US troops, on Jordan's ground
            country, strength = hosted, 3
        if best is None or (strength, -m.start) > best[:2]:
            best = (strength, -m.start, country)
    ship = lexicon.ship_pattern.search(clause.text, span[0] - clause.start,
                                       span[1] - clause.start) if lexicon.ship_pattern else None
    code = lexicon.ship_prefixes.get(ship.group(1)) if ship else None
    if ship and code and code not in exclude and (best is None or best[0] < 3):
        best = (3, -(clause.start + ship.start()), code)
    if (best is None or best[0] < 3) and memory.ships:
        said = clause.sub(*span).lower()  # 'targeted the Olvia', a ship flagged earlier
        flag = next((c for name, c in memory.ships.items()
                     if c not in exclude and re.search(rf"\b{re.escape(name)}\b", said)), None)
        best = (3, -span[0], flag) if flag else best
    craft = memory.craft  # 'shot down the plane', a Jordanian warplane named before
    if (best is None or best[0] < 3) and craft is not None and craft not in exclude and _THE_CRAFT.search(
            clause.low, span[0] - clause.start, span[1] - clause.start):
        best = (3, -span[0], craft)
    if best is None:
        return Target(None, None, origin)
    country = best[2]
    territory = ground if ground != country and best[0] == 3 else None
    return Target(country, _location(clause, span, country), origin, best[0], territory)


_POSSESSED = re.compile(r"'s?\s{1,3}(?:[A-Z][\w-]+\s{1,3})?$")
_OF_COUNTRY = re.compile(r"(?:\s{1,3}(?:governorate|province|region|district|state|county))?"
                         r"(?:,|\s{1,3}(?:of|in))\s{1,3}(?:the\s{1,3})?(?:[\w-]+\s{1,3})?$")


def _placed_elsewhere(clause: Clause, m: Mention) -> bool:
    """A place the text itself puts in another country than the gazetteer's ('Al Jawf
    governorate of northwestern Yemen'), or whose name holds a capital's ("Somalia's Lower
    Juba region"): the name is another place's."""
    nxt = next((o for o in clause.mentions if o.start >= m.end and o.entry.kind is Kind.STATE
                and o.entry.role in ("name", "demonym")), None)
    if (m.entry.kind is Kind.PLACE and nxt is not None and nxt.start - m.end <= 40
            and nxt.entry.value != m.entry.country
            and _OF_COUNTRY.match(clause.sub(m.end, nxt.start)) is not None):
        return True
    # "Somalia's Lower Juba region": Juba, South Sudan's capital, inside a Somali region's name
    own = next((o for o in reversed(clause.mentions) if o.end <= m.start and o.entry.kind is Kind.STATE),
               None)
    return (own is not None and own.entry.role == "name" and own.entry.value != m.entry.country
            and _POSSESSED.match(clause.text, own.end - clause.start, m.start - clause.start) is not None)


def _country(m: Mention, memory: Memory) -> str | None:
    if m.entry.kind is Kind.COMPANY:
        return memory.company_country.get(m.entry.value)
    return m.entry.country


def _strength(m: Mention, before: str, after: str, memory: Memory) -> int:
    """3: an asset or a place an attack was aimed at; 2: territory; 1: a country named."""
    if m.entry.kind is Kind.PLACE and m.entry.role == "site":  # 'Tower 22': named to be hit
        return 3 if _DIRECTED_BEFORE.search(before) else 2
    if m.entry.kind is Kind.PLACE:
        known = m.entry.country in memory.named or m.entry.role == "major"
        if known and _ASSET_AFTER.match(after):
            return 2  # 'the Ryazan refinery', 'the Kharkiv power plant'
        if re.match(r"^-?\d", after) or not _LOCATIVE_BEFORE.search(before) or not known:
            return 1  # 'Badr-1' is a missile; 'Hurricane' an operation; 'Kato' no one's town
        return 3 if _DIRECTED_BEFORE.search(before) else 2
    near = bool(_NEAR_BEFORE.search(before))
    if m.entry.kind is Kind.COMPANY or (m.entry.kind is Kind.STATE and m.entry.role == "organ"):
        asset = _ASSET_AFTER.match(after) or re.search(r"(?:facilit\w+|plant|vessel) of "
                                                       r"(?:\w+ ){0,2}$", before)
        return 1 if near else 3 if asset else 2
    if m.entry.kind is Kind.STATE and _DOWNED_BEFORE.search(before) and _CRAFT_AFTER.match(after):
        return 3
    if m.entry.kind is Kind.STATE and (_ASSET_AFTER.match(after) or _ASSET_OF_BEFORE.search(before)):
        return 1 if near else 3  # 'Israeli bases', 'the headquarters of the Israeli spy agency'
    if _DIRECTED_BEFORE.search(before):
        return 3
    if _TARGET_BEFORE.search(before) or _TERRITORY_AFTER.match(after) or _SUFFERED_AFTER.match(after):
        return 2
    return 1


def _location(clause: Clause, span: tuple[int, int], country: str) -> Location:
    region: str | None = None
    for m in clause.within(*span):
        if m.entry.kind is Kind.PLACE and m.entry.role == "site":  # hosted forces' too
            return Location(name=m.surface, admin_region=region, country=country)
        if m.entry.kind is Kind.PLACE and m.entry.country == country:
            if m.entry.role in ("city", "major"):
                return Location(name=m.surface, admin_region=region, country=country)
            region = region or m.entry.value
    if region:
        return Location(name=region, admin_region=region, country=country)
    return Location(country=country)



def scene(mentions: list[Mention], norm: str, lexicon: Lexicon, memory: Memory) -> Counter[str]:
    """Countries the article names as hit (territory or assets), weighted by strength.

    Read once per article; a claim that names no target ('claimed the attack') is about the
    place the article reports hit.
    """
    counts: Counter[str] = Counter()
    for i, m in enumerate(mentions):
        if m.entry.kind not in (Kind.STATE, Kind.PLACE, Kind.COMPANY):
            continue
        if (i and ship_named(mentions[i - 1], m)) or ship_called(
                norm[max(0, m.start - 12):m.start], norm[m.end:m.end + 60], m):
            continue  # 'the Maersk Gibraltar', 'the ship (Essex)': the ship's name, no place hit
        country = _country(m, memory)
        if country is None:
            continue
        before = norm[max(0, m.start - 40) : m.start]
        after = norm[m.end : m.end + 60]
        if (_MODIFIER_AFTER.match(after) or before.endswith("pro-") or _ORIGIN_BEFORE.search(before)
                or _BORDERING.search(before)):
            continue
        strength = _strength(m, before, after, memory)
        if strength >= 2:
            counts[country] += strength
    return counts
