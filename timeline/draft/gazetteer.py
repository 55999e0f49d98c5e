"""Words for states and titles that drafting reads without a dataset: names, demonyms, capitals, titles.

A state named in an article and missing from the dataset is proposed as a new
actor with the id and name given here (kind ``state``). The capital stands for
the state's government, as news style uses it ("Moscow said", "talks with
Kyiv"); "the Kremlin" and "the White House" likewise.
"""
from __future__ import annotations

from pathlib import Path

from timeline.draft.countries import merged
from timeline.names import fold

#: The table of names: ``id<TAB>kind<TAB>name|demonym|other names``, one actor a line (``#`` opens a comment).
NEWS_NAMES = Path(__file__).with_name("news_names.tsv")


def read_names(path: Path = NEWS_NAMES) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The names of each actor of the table at ``path`` (name, demonym, then other names) and the kinds of those
    that are no state (blocs, alliances, organisations, armed groups).

    Raises ``ValueError`` naming the line of a row that has not three tab-separated fields.
    """
    names: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{path}:{number}: expected 'id<TAB>kind<TAB>names', got {line!r}")
        ident, kind, words = fields
        names[ident] = tuple(words.split("|"))
        if kind != "state":
            kinds[ident] = kind
    return names, kinds


#: id: name, demonym, then other names (capital first), and the kinds of the entries that are no state.
#: English names as news agencies write them; :data:`STATES` adds every other country
#: (:mod:`timeline.draft.countries`).
NEWS_STATES, KINDS = read_names()

#: Every state of the world: the news forms above, then ``countryinfo``'s (see :mod:`timeline.draft.countries`).
STATES: dict[str, tuple[str, ...]] = merged(NEWS_STATES)
#: Every word of :data:`STATES`, folded (case, accents): the names that stand for a state or a bloc.
GAZETTEER_WORDS = frozenset(fold(word) for words in STATES.values() for word in words if word)
#: Folded words of :data:`STATES` written only in capitals ("UN", "U.N."): read as names only in capitals
#: ("Kim Jong Un" names no UN; "Nato", written both ways, stays a name either way).
ACRONYMS = frozenset(fold(word) for words in STATES.values() for word in words if word) - frozenset(
    fold(word) for words in STATES.values() for word in words if word and not word.replace(".", "").isupper())

#: Seats and institutions that stand for a state in news style ("the Pentagon said").
SEATS: dict[str, tuple[str, ...]] = {
    "united-states": ("State Department", "Pentagon", "Treasury Department", "Trump administration",
                      "Biden administration", "U.S. administration", "US administration"),
    "russia": ("Russian Foreign Ministry", "Russian Defence Ministry", "Russian Defense Ministry"),
    "france": ("Quai d'Orsay",),
    "israel": ("Knesset",),
}

#: Collective nouns after a demonym that stand for the state: "Russian officials", "Ukrainian forces".
GROUP_NOUNS = frozenset((
    "official", "officials", "forces", "troops", "military", "army", "government", "negotiators", "side",
    "authorities", "diplomats", "leadership", "ministry", "delegation", "envoys", "sources", "drones", "army's",
    "team", "teams", "counterparts", "representatives", "leaders", "countries", "governments", "delegations",
    "negotiator", "envoy", "officers", "mediators", "mediator", "counterpart", "diplomat", "lawmakers",
    "nations", "people", "population", "presidency", "embassy", "mission", "office", "cabinet", "parliament",
    "navy", "air", "intelligence", "police", "prosecutors", "judiciary", "regime", "administration",
    "capital",  # drafta9: "in the Ethiopian capital": the state, as a place
    "soldiers", "servicemen", "prisoners", "citizens", "nationals",  # drafta10: "freed 90 Russian soldiers"
))

#: Words that make an unknown run of capitalised words a region, not a party (UN M49's region names and the
#: compass points that open them): "the South Caucasus", "the Horn of Africa", "Middle East envoy" (drafta10).
REGION_WORDS = frozenset((
    "caucasus", "balkans", "sahel", "levant", "maghreb", "gulf", "horn", "asia", "africa", "europe", "americas",
    "pacific", "atlantic", "mediterranean", "arctic", "caribbean", "baltics", "middle", "east", "west", "north",
    "south", "central", "eastern", "western", "northern", "southern", "southeast", "northeast", "southwest",
    "northwest", "peninsula", "strait", "straits", "valley", "basin", "coast", "delta", "plateau", "highlands",
))
#: Nouns of talks and texts named after the place or process they belong to ("the Crans-Montana talks", "the
#: Astana format"): the unknown name before them is no party (drafta10).
NAMED_BY_PLACE = frozenset(("talks", "summit", "conference", "process", "negotiations", "format", "round",
                            "meeting", "dialogue", "initiative", "accords", "agreement", "agreements", "peace",
                            "discussions", "consultations"))  # drafta13: "the Geneva International Discussions"

#: Words of a title or description between an affiliation and a person's name ("Kremlin aide Yury Ushakov").
TITLE_WORDS = frozenset((
    "president", "prime", "minister", "foreign", "defence", "defense", "secretary", "state", "special", "envoy",
    "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "chancellor", "chief", "head",
    "leader", "official", "senior", "deputy", "ambassador", "general", "gen.", "son", "in", "law", "son-in-law",
    "of", "the", "'s", "’s", "commander", "negotiator", "top", "national", "security", "vice", "former", "king",
    "queen", "prince", "crown", "sheikh", "emir", "mr", "mr.", "mrs", "ms", "dr", "dr.", "lt.", "col.", "colonel",
    "press", "his", "her", "its", "their", "then", "first", "lady", "speaker", "parliament", "envoys", "-", ",",
    "chair", "chairman", "director", "sen.", "senator", "rep.", "representative", "lawyer",
    "policy", "overseas", "foreign-policy", "army", "navy", "staff", "negotiator", "spokesperson",
    "affairs", "interior", "intelligence", "maj", "maj.", "major", "gen", "lt", "lieutenant", "col", "brig",
    "brig.", "brigadier", "adm", "adm.", "admiral", "commander-in-chief", "sheikha", "ayatollah", "premier",
    "acting", "interim", "caretaker", "outgoing", "counterpart", "directors", "lieutenant-general", "army's",
    "chairperson", "secretary-general", "undersecretary", "under-secretary", "minister's", "vice-president",
))

#: Words of a minister's portfolio after "of" ("Minister of Minerals", "Director General of Military Operations").
PORTFOLIO_WORDS = frozenset((
    "affairs", "foreign", "defence", "defense", "interior", "justice", "finance", "economy", "economic", "trade",
    "commerce", "industry", "energy", "oil", "petroleum", "gas", "mines", "minerals", "mining", "water", "health",
    "education", "agriculture", "information", "communications", "culture", "tourism", "transport", "labour", "labor",
    "planning", "development", "environment", "youth", "sports", "operations", "military", "intelligence",
    "homeland", "veterans", "treasury", "investment", "reconstruction", "integration", "relations", "cooperation",
    "state", "security", "staff", "political", "public", "international", "national", "european", "internal",
    "external", "emergency", "situations", "strategic", "religious", "social", "digital", "science", "research",
    "legal", "consular", "humanitarian", "finance", "refugees", "displaced",
))

#: Capitalised words that start no actor's name (months, weekdays, words that open sentences).
#: Words of :data:`NOT_NAMES` that are also family names, read as names right after a title
#: ("Vice-Premier He Lifeng", "Prime Minister Theresa May").
NAME_WORDS = frozenset(("He", "May"))
NOT_NAMES = frozenset((
    "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "They", "It", "We", "I", "This", "That",
    "These", "Those", "His", "Her", "Its", "Their", "Our", "Before", "After", "While", "As", "If", "When",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "World", "War", "Forum", "Summit", "Plan", "Day", "Times", "News", "Post", "Watch", "Video", "Read", "More",
    "Sea", "River", "Street", "Square", "Palace", "Island", "Region", "Oblast", "Province", "Mr", "Ms", "Mrs",
    "Dr", "Prime", "Minister", "President", "Foreign", "Defence", "Defense", "Secretary", "Special", "Envoy",
    "Senior", "Deputy", "Chief", "Kremlin", "Aide", "Russian", "Ukrainian", "American", "European", "U.S.",
    "Western", "NATO", "EU", "UN", "So", "Some", "There", "Also", "Meanwhile", "However", "According",
))

#: Common Chinese, Korean, Vietnamese and Cambodian family names, written first ("Xi Jinping", "Hun Manet"):
#: a new person whose name starts with one keeps the whole name as id, not the last word.
FAMILY_NAMES_FIRST = frozenset((
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu",
    "gao", "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han", "tang", "feng", "yu", "dong",
    "xiao", "cheng", "cao", "yuan", "deng", "fu", "shen", "zeng", "peng", "lu", "su", "jiang", "cai", "jia", "ding",
    "wei", "ye", "pan", "du", "dai", "xia", "zhong", "tian", "ren", "fan", "fang", "shi", "yao", "tan", "qin",
    "ouyang", "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "moon", "shin", "kwon",
    "nguyen", "tran", "le", "pham", "hoang", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
    "hun", "hor", "prak", "sok", "tea", "sar", "chea", "heng", "ban",
))

#: Acronyms that name no party to a negotiation: news agencies, units, treaties, times.
NOT_ACTORS = frozenset((
    "AFP", "AP", "CNN", "BBC", "TASS", "RIA", "IRNA", "ISNA", "SPA", "WAM", "MENA", "QNA", "KUNA", "NPR", "UPI",
    "DPA", "ANI", "PTI", "IANS", "APP", "ABC", "CBS", "NBC", "PBS", "RT", "PM", "AM", "UTC", "GMT", "CET", "EST",
    "TV", "NPT", "JCPOA", "GDP", "COVID", "OK", "CEO", "AI", "FM", "MP", "MPs", "VIP", "ID", "USD", "EUR", "KM",
    "PDF", "II", "III", "IV", "VI", "DGMO", "DGMOs", "HQ", "UAV", "UAVs", "LNG", "GPS", "EDT", "PST", "MSK",
    "ANSA", "EFE", "AA", "UNI", "NNA", "SANA", "KCNA", "BTA", "PAP", "CTK", "MTI", "ATS", "ANP", "APA", "WAFA", "AKI",
    "FARS", "TASR", "BELGA", "NTB", "AFP's", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
    "SEPT", "OCT", "NOV", "DEC", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "UPDATE", "LIVE", "WATCH", "VIDEO",
))

#: Words in a name that make it an organisation.
ORGANIZATION_WORDS = frozenset((
    "ministry", "council", "union", "organization", "organisation", "agency", "party", "bank", "fund",
    "commission", "committee", "office", "department", "nato", "forces", "army", "navy", "parliament",
    "assembly", "court", "group", "company", "institute", "service", "guard", "brigade", "corporation",
    "platform", "front", "movement", "alliance", "coalition", "bureau", "authority", "league", "federation",
    "association", "militia", "brigades", "battalion", "mission", "embassy", "secretariat", "directorate",
    "command", "cabinet", "senate", "congress", "junta", "resistance", "network", "administration", "community",
))
