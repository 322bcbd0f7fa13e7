"""A deterministic corpus of ~3 KB English news articles for the benchmark.

Most articles are the everyday news a world feed carries (politics, business, sport, weather,
space launches, science, culture, technology), some of it full of words the extractor must not
be fooled by ("rocket", "launched", "strike", "shot", "denied"). A configured share are the
articles the service exists for: an armed group claims a cross-border rocket or drone attack and
the target state denies it, so each one raises an alert.

Every sentence here is written for this benchmark. Article `i` depends only on the seed and `i`,
so any slice of the corpus is reproducible without generating what comes before it.

The corpus clock advances so that the same (group, target country) pair recurs every
`repeat_days` days: each relevant article opens a new incident and produces one new alert,
which is what lets the benchmark time article -> alert for every relevant article.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import orjson

from schemas.article import Article

_BASIS = 10_000  # shares are handled in parts per ten thousand, so selection is exact


@dataclass(frozen=True)
class CorpusConfig:
    """What to generate. `relevant_share` is exact over any run of 1/share articles."""

    size: int
    relevant_share: float = 0.03
    seed: int = 20240501
    start: date = date(2023, 1, 1)
    repeat_days: float = 12.0
    declared_language_share: float = 0.75  # the rest leave language detection to the extractor

    def __post_init__(self) -> None:
        if self.size < 0:
            raise ValueError("size must be >= 0")
        if not 0.0 <= self.relevant_share <= 1.0:
            raise ValueError("relevant_share must be within [0, 1]")

    @property
    def relevant_parts(self) -> int:
        return round(self.relevant_share * _BASIS)


@dataclass(frozen=True)
class BenchArticle:
    article: Article
    relevant: bool
    target_country: str | None  # ISO code of the attacked country, for relevant articles
    topic: str

    def to_json(self) -> bytes:
        """The wire form, as an upstream feed would publish it."""
        a = self.article
        record: dict[str, object] = {
            "id": a.id, "title": a.title, "body": a.body, "source": a.source, "url": a.url,
            "published_at": a.published_at.isoformat() if a.published_at else None,
        }
        if a.language:
            record["language"] = a.language
        return orjson.dumps(record)


def is_relevant(index: int, config: CorpusConfig) -> bool:
    """Evenly spread: exactly floor(n * share) relevant articles among the first n."""
    parts = config.relevant_parts
    return ((index + 1) * parts) // _BASIS > (index * parts) // _BASIS


def generate(config: CorpusConfig, first: int = 0) -> Iterator[BenchArticle]:
    """Articles `first` .. `first + config.size - 1`."""
    for index in range(first, first + config.size):
        yield make_article(config, index)


def make_article(config: CorpusConfig, index: int) -> BenchArticle:
    rng = random.Random(config.seed * 1_000_003 + index)
    published = _published(config, index)
    source, domain = rng.choice(_OUTLETS)
    language = "en" if rng.random() < config.declared_language_share else None
    if is_relevant(index, config):
        rank = (index * config.relevant_parts) // _BASIS
        pair = _PAIRS[rank % len(_PAIRS)]
        title, body = _relevant(rng, pair, published)
        topic, target = "conflict", pair.target
    else:
        topic = rng.choice(_TOPIC_NAMES)
        title, body = _everyday(rng, topic, published)
        target = None
    slug = "-".join(title.lower().replace(",", "").replace("'", "").split()[:8])
    article = Article(
        id=f"bench-{config.seed}-{index:09d}",
        title=title,
        body=body,
        source=source,
        url=f"https://{domain}/{published.isoformat()}/{slug}-{index}",
        language=language,
        published_at=published,
    )
    return BenchArticle(article, target is not None, target, topic)


def _published(config: CorpusConfig, index: int) -> date:
    share = config.relevant_parts / _BASIS
    days_per_article = share * config.repeat_days / len(_PAIRS) if share else 0.0
    return config.start + timedelta(days=int(index * days_per_article))


# --- everyday news -------------------------------------------------------------------------

_OUTLETS = [
    ("The Daily Ledger", "dailyledger.example"), ("Harbour Times", "harbourtimes.example"),
    ("Global Wire Service", "globalwire.example"), ("The Morning Standard", "mstandard.example"),
    ("Continental Post", "contpost.example"), ("Northern Courier", "ncourier.example"),
    ("Metro Observer", "metroobserver.example"), ("Eastern Chronicle", "echronicle.example"),
]
_FIRST = ["Maria", "James", "Aiko", "Olu", "Lena", "Rahul", "Sofia", "Daniel", "Mei", "Tomas",
          "Grace", "Ibrahim", "Clara", "Kwame", "Elena", "Lucas", "Amara", "Henrik", "Nadia",
          "Pedro", "Yuki", "Fatima", "Oscar", "Ingrid"]
_LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Brennan", "Kowalski", "Haddad",
         "Novak", "Castillo", "Fischer", "Mensah", "Larsen", "Duarte", "Whitfield", "Romero",
         "Sato", "Petrov", "Adeyemi", "Nakamura", "Villeneuve", "Ostrowski", "Gallagher"]
_CITIES = ["Lisbon", "Osaka", "Toronto", "Lyon", "Manchester", "Melbourne", "Denver", "Hamburg",
           "Seoul", "Valencia", "Rotterdam", "Auckland", "Vancouver", "Porto", "Gothenburg",
           "Montreal", "Brisbane", "Glasgow", "Kyoto", "Curitiba", "Cape Town", "Wellington"]
_COUNTRIES = ["Portugal", "Canada", "Japan", "Brazil", "Norway", "Chile", "Indonesia", "Ghana",
              "Ireland", "New Zealand", "Finland", "Uruguay", "Poland", "Malaysia", "Kenya",
              "Austria", "Peru", "Vietnam", "Denmark", "Senegal"]
_COMPANIES = ["Northwind Logistics", "Halvorsen Energy", "Brightline Foods", "Meridian Bank",
              "Corvane Systems", "Tidewater Shipping", "Altamira Mining", "Kestrel Airlines",
              "Bluefield Pharma", "Orrin Motors", "Silverpine Retail", "Quantis Semiconductors"]
_TEAMS = ["Riverside United", "Harbour City", "the Northern Hawks", "Eastbrook Rovers",
          "Valley Athletic", "Kingsport Wanderers", "the Coastal Sharks", "Redmoor Town",
          "Ashford Albion", "the Capital Lions"]
_PARTIES = ["the Progressive Alliance", "the Civic Union", "the Green Future party",
            "the National Renewal bloc", "the Social Democrats", "the Liberal Forum"]
_LAUNCHERS = ["Falcon 9", "Ariane 6", "Electron", "Vega-C", "H3", "Long March 5", "New Glenn"]
_MISSIONS = ["a weather satellite", "a batch of broadband satellites", "a lunar lander",
             "an Earth observation satellite", "a cargo capsule bound for the space station",
             "a deep-space probe", "a navigation satellite"]
_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

_TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "politics": (
        ["{party_cap} wins narrow majority in {country} election",
         "{country} parliament approves budget after marathon session",
         "Coalition talks drag on in {country} as deadline nears"],
        [
            "Voters in {country} returned {party} to power on {weekday}, giving it {n1} more seats than at the last election.",
            "Turnout was {pct} percent, the highest in more than a decade, according to the electoral commission.",
            "Prime minister {person} told supporters in {city} that the result was a mandate to press ahead with pension reform.",
            "Opposition leader {person2} conceded defeat shortly before midnight but said her party would hold the government to its promises.",
            "The finance minister denied reports that the new budget would raise income tax for middle earners.",
            "Negotiations between {party} and two smaller parties are expected to last several weeks.",
            "Analysts said housing costs and hospital waiting lists had dominated the campaign.",
            "The government spokesman said the cabinet would meet on {weekday} to discuss the timetable for the next parliamentary session.",
            "Several ministers are expected to keep their posts, although the foreign ministry is likely to change hands.",
            "Lawmakers debated the bill for {n2} hours before approving it by {n3} votes to {n4}.",
            "Critics argue that the plan does too little for rural regions, where unemployment remains stubbornly high.",
            "A senior official rejected suggestions that the vote had been rushed, saying committees had studied the text for months.",
            "Polls published last week had suggested a much closer race in the capital.",
            "The president is due to formally ask the winning party to form a government by the end of the month.",
            "Student groups staged a peaceful march through central {city} calling for lower tuition fees.",
            "Independent observers said the count had been orderly and transparent.",
        ],
    ),
    "business": (
        ["{company} profits beat forecasts as demand recovers",
         "Shares in {company} jump after surprise merger announcement",
         "{company} to cut costs as orders slow"],
        [
            "{company} reported quarterly revenue of {n1}.{n2} billion dollars on {weekday}, ahead of analysts' expectations.",
            "Shares in the company rose {pct} percent in early trading before settling slightly lower.",
            "Chief executive {person} said the firm would launch a new product line in {city} next spring.",
            "The company denied that it was in talks to sell its logistics arm, calling the reports speculation.",
            "Operating margins narrowed because of higher energy and shipping costs, the statement said.",
            "The board approved a dividend of {n3} cents per share and a new buyback programme.",
            "Investors have been wary of the sector since interest rates began to climb last year.",
            "The broader market index closed {n4} points higher, led by technology and consumer stocks.",
            "Analysts at several banks raised their price targets after the results were published.",
            "The firm employs about {n5},000 people and operates factories in {n6} countries.",
            "A spokesman said the company expected supply-chain pressures to ease in the second half of the year.",
            "Regulators in {country} are reviewing the proposed acquisition, which would create the region's largest operator.",
            "Some shareholders criticised the pay package awarded to senior executives at the annual meeting.",
            "The company said it would invest heavily in automation at its plant outside {city}.",
            "Bond yields edged up after the central bank signalled that borrowing costs would stay high for longer.",
        ],
    ),
    "sport": (
        ["{team_cap} snatch late winner to stay top of the league",
         "Injury blow for {team} ahead of cup final",
         "{team_cap} coach defends tactics after heavy defeat"],
        [
            "{team_cap} beat {team2} {n1}-{n2} on {weekday} evening in front of a sell-out crowd in {city}.",
            "The striker fired a low shot into the bottom corner in the 89th minute to settle the match.",
            "Their coach, {person}, said the team had attacked with more purpose after the interval.",
            "The visitors struck the post twice in the first half and will feel they deserved at least a point.",
            "A penalty appeal in stoppage time was rejected by the referee after a lengthy video review.",
            "The result lifts the home side {n3} points clear at the top of the table with {n4} games left.",
            "Midfielder {person2} limped off with a hamstring problem and is doubtful for next week.",
            "Supporters celebrated long after the final whistle, singing in the stands and outside the ground.",
            "The club denied reports that it had agreed a fee for its young goalkeeper with a rival.",
            "Attendance figures this season are the highest the league has recorded since it was founded.",
            "The defence looked solid throughout, conceding only one shot on target all evening.",
            "Next up is an away trip to the capital, where they have not won in {n5} years.",
            "Both teams observed a minute's applause before kick-off in memory of a former captain.",
            "The winger's cross from the left found the captain unmarked at the far post.",
            "League officials said the fixture list for the cup rounds would be published on {weekday}.",
        ],
    ),
    "weather": (
        ["Heatwave grips {country} as temperatures top {t1} degrees",
         "Storm brings flooding and power cuts to {city}",
         "Forecasters warn of heavy snow across the north of {country}"],
        [
            "Forecasters issued an amber warning for {city} and the surrounding region on {weekday}.",
            "Temperatures reached {t1} degrees Celsius in the afternoon, close to the national record.",
            "Heavy rain overnight flooded several roads and forced the closure of a railway line.",
            "Around {n1},000 homes were left without electricity after strong winds brought down power lines.",
            "Emergency services said they had received hundreds of calls but that no one had been seriously hurt.",
            "The national weather service expects conditions to ease by the weekend as a cooler air mass moves in.",
            "Farmers have warned that the dry spell could reduce the wheat harvest by as much as {pct} percent.",
            "Residents were advised to drink plenty of water and avoid travelling during the hottest hours.",
            "Schools in the worst-affected districts will remain closed until at least {weekday}.",
            "Meteorologists said the storm had intensified rapidly as it crossed unusually warm coastal waters.",
            "Snowploughs worked through the night to keep the main motorways open.",
            "The city council opened cooling centres in libraries and community halls.",
            "Rainfall totals in some valleys exceeded {n2} millimetres in 24 hours.",
            "Airlines cancelled dozens of flights and warned of further delays.",
            "Scientists say such extremes are becoming more frequent as the climate warms.",
        ],
    ),
    "space": (
        ["{launcher} rocket launches {mission}",
         "Launch of {mission} delayed by weather",
         "Space agency hails successful test flight"],
        [
            "A {launcher} rocket lifted off on {weekday} morning carrying {mission}.",
            "The launch took place at {hour}:{minute} local time after a short hold for upper-level winds.",
            "The first stage separated about two and a half minutes into the flight and later landed on a drone ship.",
            "Mission controllers confirmed that the payload had reached its planned orbit about an hour after launch.",
            "It was the {ordinal} launch from the site this year, a record for the programme.",
            "Engineers had scrubbed an earlier attempt when a sensor on the launch pad reported an unexpected reading.",
            "The satellite will spend several weeks raising its orbit before beginning science operations.",
            "Crowds gathered on nearby beaches to watch the rocket climb through a clear sky.",
            "The agency said the spacecraft's solar panels had deployed and its instruments were healthy.",
            "Officials said the next mission, a crewed flight, could launch as early as the autumn.",
            "The rocket's upper stage fired twice to release the satellites into separate orbits.",
            "Industry analysts expect the number of commercial launches to keep growing over the decade.",
            "A company spokesperson said telemetry from the flight would be reviewed over the coming days.",
            "The probe will swing past the Moon before heading toward its target asteroid.",
            "Launch costs have fallen sharply since reusable boosters entered service.",
        ],
    ),
    "science": (
        ["Researchers in {city} report advance in battery chemistry",
         "Study links sleep patterns to heart health",
         "Ancient settlement discovered beneath {city} car park"],
        [
            "Researchers at the University of {city} published their findings in a peer-reviewed journal on {weekday}.",
            "The study followed {n1},000 volunteers for more than {n2} years.",
            "Lead author {person} said the results were encouraging but needed to be confirmed in larger trials.",
            "The team used a new imaging technique that allowed them to observe cells in real time.",
            "Archaeologists uncovered pottery, tools and the foundations of several houses.",
            "Funding for the project came from a national research council and two private foundations.",
            "Independent experts described the work as careful and said it opened promising avenues.",
            "The prototype battery retained {pct} percent of its capacity after a thousand charging cycles.",
            "Participants who slept fewer than six hours a night had a noticeably higher risk, the authors found.",
            "The researchers plan to share their data so that other groups can check the analysis.",
            "Some scientists cautioned that the sample was drawn from a single region.",
            "Excavation work will continue through the summer before the site is covered again.",
            "The discovery could change what historians believe about trade routes in the region.",
            "Laboratory tests showed the material remained stable at temperatures up to {t1} degrees.",
        ],
    ),
    "culture": (
        ["Film festival in {city} opens with crowd-pleasing comedy",
         "Museum unveils restored masterpiece after five-year project",
         "{person} wins top literary prize for debut novel"],
        [
            "The festival opened in {city} on {weekday} with the premiere of a comedy about a family restaurant.",
            "Organisers said more than {n1},000 tickets had been sold in the first week.",
            "Director {person} thanked the cast and crew, many of whom had worked on the project for years.",
            "The restored painting goes on display in the museum's main gallery from next month.",
            "Conservators spent thousands of hours removing layers of varnish and old repairs.",
            "The judges praised the novel's vivid portrait of a coastal town changing over three generations.",
            "The prize is worth {n2},000 euros and is one of the most prestigious in the country.",
            "Critics have compared the author's style to some of the great storytellers of the last century.",
            "Tickets for the closing gala sold out within minutes of going on sale.",
            "The orchestra will tour {n3} cities in the spring, finishing with two nights in {city}.",
            "A retrospective of the photographer's work will open at the national gallery in the autumn.",
            "Local businesses say the festival brings a welcome boost to hotels and restaurants.",
            "The theatre reopened after a long renovation that preserved its original ceiling.",
            "Several of the films in competition were made on very small budgets.",
        ],
    ),
    "technology": (
        ["{company} unveils new chip aimed at data centres",
         "Regulators open inquiry into app store fees",
         "Start-up in {city} raises funds for delivery robots"],
        [
            "{company} unveiled its latest processor at an event in {city} on {weekday}.",
            "The company says the chip uses {pct} percent less power than its predecessor.",
            "Chief technology officer {person} said the first customers would receive samples this quarter.",
            "Regulators said they would examine whether the fees charged to developers were fair.",
            "The start-up raised {n1} million dollars from investors, including two large pension funds.",
            "Its robots have completed more than {n2},000 deliveries in a pilot scheme.",
            "Security researchers warned that a flaw in a popular router could be exploited remotely.",
            "The firm denied that user data had been exposed, saying the issue had been fixed within hours.",
            "Analysts expect demand for artificial intelligence hardware to remain strong for several years.",
            "The company plans to open a new research centre and hire about {n3} engineers.",
            "Consumer groups welcomed the inquiry and called for clearer rules on subscriptions.",
            "The update will be rolled out to phones and tablets over the next few weeks.",
            "Critics say the industry has been slow to address energy use in large data centres.",
            "The software will be available in {n4} languages at launch.",
        ],
    ),
    "defence_industry": (
        ["{country} signs deal for new air defence system",
         "Defence ministry orders patrol boats from {company}",
         "Arms makers see record orders at {city} trade fair"],
        [
            "The defence ministry of {country} signed a contract on {weekday} for a new air defence system worth {n1} million dollars.",
            "The system is designed to intercept missiles and drones at short range, the ministry said.",
            "Deliveries are due to begin in {n2} years, with local firms assembling some components.",
            "Officials denied that the purchase was linked to any specific threat, describing it as routine modernisation.",
            "{company} will also supply training and maintenance under a separate agreement.",
            "Exhibitors at the trade fair in {city} showed armoured vehicles, radar systems and surveillance drones.",
            "Parliament's budget committee must still approve the final payment schedule.",
            "Analysts said rising defence budgets across the region were driving strong demand.",
            "The navy's new patrol boats will mainly be used for fisheries protection and search and rescue.",
            "Opposition lawmakers questioned whether the contract had been put out to open tender.",
            "The ministry said the army would retire its oldest artillery pieces over the next decade.",
            "Shares in several defence contractors have doubled over the past two years.",
        ],
    ),
}
_TOPIC_NAMES = sorted(_TOPICS)
_FILLER = [
    "The details were first reported by local media and later confirmed in a written statement.",
    "Further information is expected to be released in the coming days.",
    "The announcement drew mixed reactions on social media.",
    "Officials have promised to publish a full report before the end of the year.",
    "Similar measures have been tried elsewhere with varying degrees of success.",
    "It is not yet clear how the changes will affect households.",
    "The issue is likely to feature prominently in next year's debates.",
]


def _slots(rng: random.Random, published: date) -> dict[str, str]:
    def person() -> str:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    team, team2 = rng.sample(_TEAMS, 2)
    party = rng.choice(_PARTIES)
    return {
        "person": person(), "person2": person(), "city": rng.choice(_CITIES),
        "country": rng.choice(_COUNTRIES), "company": rng.choice(_COMPANIES),
        "team": team, "team_cap": team[:1].upper() + team[1:], "team2": team2,
        "party": party, "party_cap": party[:1].upper() + party[1:],
        "launcher": rng.choice(_LAUNCHERS), "mission": rng.choice(_MISSIONS),
        "weekday": _WEEKDAYS[(published.weekday() - rng.randint(0, 3)) % 7],
        "n1": str(rng.randint(2, 90)), "n2": str(rng.randint(1, 9)), "n3": str(rng.randint(2, 60)),
        "n4": str(rng.randint(1, 40)), "n5": str(rng.randint(2, 30)), "n6": str(rng.randint(2, 25)),
        "pct": str(rng.randint(3, 70)), "t1": str(rng.randint(30, 44)),
        "hour": f"{rng.randint(0, 23):02d}", "minute": f"{rng.randint(0, 59):02d}",
        "ordinal": rng.choice(["fifth", "ninth", "twelfth", "20th", "31st"]),
    }


def _paragraphs(rng: random.Random, sentences: list[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        take = rng.randint(2, 4)
        out.append(" ".join(sentences[i : i + take]))
        i += take
    return "\n\n".join(out)


def _fill(rng: random.Random, pool: list[str], slots: dict[str, str], target: int,
          have: int) -> list[str]:
    """Sentences from `pool` (each used once per pass, reshuffled) until `target` characters."""
    out: list[str] = []
    order: list[str] = []
    while have < target:
        if not order:
            order = rng.sample(pool, len(pool))
        sentence = order.pop().format(**slots)
        out.append(sentence)
        have += len(sentence) + 1
    return out


def _everyday(rng: random.Random, topic: str, published: date) -> tuple[str, str]:
    titles, pool = _TOPICS[topic]
    slots = _slots(rng, published)
    target = rng.randint(2750, 3300)
    sentences = _fill(rng, pool + _FILLER[:2], slots, target, 0)
    return rng.choice(titles).format(**slots), _paragraphs(rng, sentences)


# --- the articles the service is for ---------------------------------------------------------

@dataclass(frozen=True)
class _Pair:
    aliases: tuple[str, ...]
    origin: str  # where the group fires from
    target: str  # ISO code
    target_name: str
    demonym: str
    places: tuple[str, ...]


_PAIRS: tuple[_Pair, ...] = (
    _Pair(("ISKP", "Islamic State Khorasan Province", "IS-K"), "Afghanistan", "TJ",
          "Tajikistan", "Tajik", ("Kulob", "Khujand")),
    _Pair(("ISKP", "Islamic State Khorasan Province"), "Afghanistan", "UZ", "Uzbekistan",
          "Uzbek", ("Termez",)),
    _Pair(("The Houthis", "Houthi rebels", "The Houthi movement"), "Yemen", "SA", "Saudi Arabia",
          "Saudi", ("Jazan", "Najran", "Abha")),
    _Pair(("Hezbollah", "Hizbollah"), "Lebanon", "IL", "Israel", "Israeli",
          ("Nahariya", "Safed")),
    _Pair(("The Islamic Resistance in Iraq", "Kataib Hezbollah"), "Iraq", "JO", "Jordan",
          "Jordanian", ("Mafraq", "Irbid")),
    # not the PKK in Turkey: it wages Turkey's own insurgency, so its attacks there are domestic
    _Pair(("The ADF", "The Allied Democratic Forces"), "Congo", "UG", "Uganda", "Ugandan",
          ("Kasese", "Bundibugyo")),
    _Pair(("PJAK", "The Party of Free Life of Kurdistan"), "Iraq", "IR", "Iran", "Iranian",
          ("Piranshahr", "Sardasht")),
    _Pair(("Jaish al-Adl", "Jaish ul-Adl"), "Pakistan", "IR", "Iran", "Iranian",
          ("Zahedan", "Saravan")),
    # not the TTP: a Pakistani group, whose attacks in Pakistan are domestic
    _Pair(("ISKP", "Islamic State Khorasan Province", "IS-K"), "Afghanistan",
          "PK", "Pakistan", "Pakistani", ("Chitral", "Peshawar")),
    _Pair(("Al-Shabaab", "Al-Shabab"), "Somalia", "KE", "Kenya", "Kenyan",
          ("Mandera", "Garissa", "Lamu")),
    _Pair(("JNIM", "Jamaat Nusrat al-Islam wal-Muslimin"), "Mali", "NE", "Niger", "Nigerien",
          ("Tillaberi",)),
    _Pair(("ISWAP", "Islamic State West Africa Province"), "Nigeria", "NE", "Niger", "Nigerien",
          ("Diffa",)),
    _Pair(("The Polisario Front", "Polisario"), "Western Sahara", "MA", "Morocco", "Moroccan",
          ("Guelmim",)),
    _Pair(("M23", "The M23 rebels"), "Congo", "RW", "Rwanda", "Rwandan",
          ("Gisenyi", "Rubavu")),
    _Pair(("The Arakan Army",), "Myanmar", "BD", "Bangladesh", "Bangladeshi",
          ("Teknaf", "Bandarban")),
    _Pair(("The IMU", "The Islamic Movement of Uzbekistan"), "Afghanistan", "KG", "Kyrgyzstan",
          "Kyrgyz", ("Batken",)),
    _Pair(("Jamaat Ansarullah",), "Afghanistan", "TJ", "Tajikistan", "Tajik", ("Kulob",)),
    _Pair(("The Houthis", "Houthi rebels"), "Yemen", "AE", "the United Arab Emirates",
          "Emirati", ("Abu Dhabi", "Dubai")),
    _Pair(("Al-Shabaab",), "Somalia", "ET", "Ethiopia", "Ethiopian", ("Dolo",)),
    _Pair(("Boko Haram",), "Nigeria", "NE", "Niger", "Nigerien", ("Diffa", "Bosso")),
)

_WEAPONS = [("rockets", "rocket"), ("drones", "drone"), ("missiles", "missile"),
            ("mortar shells", "mortar")]

_CLAIMS = [
    "{group} said its fighters had fired {count} {weapons} into {target} on {day}, according to "
    "a statement posted on its Telegram channel.",
    "{group} claimed responsibility for an attack on {day} in which {count} {weapons} were "
    "launched at a border post near {place}, {target}.",
    "In a video released by its media wing, {group} said it had launched {count} {weapons} from "
    "{origin} at an army base in {target} on {day}.",
    "{group} took responsibility for what it called a cross-border strike, saying its units fired "
    "{count} {weapons} at a military depot near {place} in {target} on {day}.",
    "A statement attributed to {group} claimed that {count} {weapons} had struck a garrison in "
    "{place}, {target}, on {day}.",
]
_CLAIM_FOLLOW = [
    "The group said the {weapon} attack was retaliation for raids on its positions and promised "
    "more operations.",
    "It published blurred footage that it said showed the launch, though the images could not "
    "be independently verified.",
    "The statement gave no evidence, and the location of the launch site was unclear.",
    "The claim was carried by outlets that usually relay the group's messages.",
]
_DENIALS = [
    "{demonym} officials denied that any {weapons} had landed on their territory.",
    "{target_cap}'s defence ministry rejected the claim as baseless and said no {weapons} had "
    "crossed the border.",
    "The {demonym} border guards said only stray bullets had been fired across the frontier and "
    "dismissed the statement as propaganda.",
    "{demonym} authorities denied the report, saying no attack had taken place near {place}.",
    "The {demonym} interior ministry dismissed the claim as fabricated and said residents of "
    "{place} had heard nothing unusual.",
]
_DENIAL_FOLLOW = [
    "A local administrator told reporters that life in the district was continuing as normal.",
    "The ministry urged the public to rely only on official sources of information.",
    "Journalists who visited the area later in the week found no visible signs of damage.",
    "Officials said patrols along the frontier had been reinforced as a precaution.",
]
_BACKGROUND = [
    "The border between the two countries runs for hundreds of kilometres through remote and "
    "often mountainous terrain.",
    "Diplomats from both capitals are due to meet next month to discuss trade and water rights.",
    "Aid agencies say thousands of families on both sides depend on cross-border markets.",
    "Analysts said such statements are often aimed at recruits and supporters rather than at "
    "governments.",
    "The region's economy relies heavily on farming, livestock and small-scale trade.",
    "Travel advisories issued by several embassies were not changed after the statement.",
    "Local journalists have long complained of restrictions on reporting from the border area.",
    "Independent researchers who track such announcements say many are exaggerated.",
    "Residents interviewed by telephone said markets and schools were open as usual.",
    "Observers noted that the group has lost territory and funding over the past two years.",
    "The government has invested in new roads and checkpoints along the frontier.",
    "Officials from neighbouring states have called for closer cooperation on border security.",
    "Humanitarian groups have appealed for more funding for displaced families in the area.",
    "A regional summit later this year is expected to focus on trade corridors and energy.",
]


def _relevant(rng: random.Random, pair: _Pair, published: date) -> tuple[str, str]:
    incident = published - timedelta(days=rng.randint(0, 1))
    weapons, weapon = rng.choice(_WEAPONS)
    slots = {
        "group": rng.choice(pair.aliases), "origin": pair.origin, "target": pair.target_name,
        "target_cap": pair.target_name[:1].upper() + pair.target_name[1:],
        "demonym": pair.demonym, "place": rng.choice(pair.places),
        "weapons": weapons, "weapon": weapon, "count": rng.choice(_NUMBERS),
        "day": f"{_MONTHS[incident.month - 1]} {incident.day}",
    }
    group = slots["group"]
    slots["group"] = group[:1].upper() + group[1:]
    first = [rng.choice(_CLAIMS).format(**slots), rng.choice(_CLAIM_FOLLOW).format(**slots)]
    second = [rng.choice(_DENIALS).format(**slots), rng.choice(_DENIAL_FOLLOW)]
    have = sum(len(s) + 1 for s in first + second)
    rest = _fill(rng, _BACKGROUND, slots, rng.randint(2750, 3300), have)
    body = "\n\n".join([" ".join(first), " ".join(second), _paragraphs(rng, rest)])
    title = rng.choice([
        f"{slots['group']} claims {weapon} attack on {pair.target_name}; {pair.demonym} "
        "officials deny it",
        f"{pair.demonym} government rejects militant claim of cross-border {weapon} strike",
        f"Claim of {weapon} attack on {pair.target_name} disputed",
    ])
    return title[:1].upper() + title[1:], body
