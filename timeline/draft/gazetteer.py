"""Words for states and titles that drafting reads without a dataset: names, demonyms, capitals, titles.

A state named in an article and missing from the dataset is proposed as a new
actor with the id and name given here (kind ``state``). The capital stands for
the state's government, as news style uses it ("Moscow said", "talks with
Kyiv"); "the Kremlin" and "the White House" likewise.
"""
from __future__ import annotations

from timeline.draft.countries import merged
from timeline.names import fold

#: id: name, demonym, then other names (capital first). English names as news agencies write them;
#: :data:`STATES` adds every other country (:mod:`timeline.draft.countries`).
NEWS_STATES: dict[str, tuple[str, ...]] = {
    "russia": ("Russia", "Russian", "Moscow", "Kremlin", "the Kremlin", "Russian Federation"),
    "ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "united-states": ("United States", "American", "Washington", "U.S.", "US", "USA", "White House", "America"),
    "united-kingdom": ("United Kingdom", "British", "London", "UK", "U.K.", "Britain", "Downing Street"),
    "france": ("France", "French", "Paris", "Elysee", "Élysée"),
    "germany": ("Germany", "German", "Berlin"),
    "italy": ("Italy", "Italian", "Rome"),
    "poland": ("Poland", "Polish", "Warsaw"),
    "belarus": ("Belarus", "Belarusian", "Minsk"),
    "turkey": ("Turkey", "Turkish", "Ankara", "Türkiye"),
    "china": ("China", "Chinese", "Beijing"),
    "india": ("India", "Indian", "New Delhi"),
    "japan": ("Japan", "Japanese", "Tokyo"),
    "iran": ("Iran", "Iranian", "Tehran"),
    "israel": ("Israel", "Israeli", "Jerusalem"),
    "egypt": ("Egypt", "Egyptian", "Cairo"),
    "qatar": ("Qatar", "Qatari", "Doha"),
    "saudi-arabia": ("Saudi Arabia", "Saudi", "Riyadh"),
    "united-arab-emirates": ("United Arab Emirates", "Emirati", "Abu Dhabi", "UAE"),
    "switzerland": ("Switzerland", "Swiss", "Bern", "Geneva"),
    "austria": ("Austria", "Austrian", "Vienna"),
    "hungary": ("Hungary", "Hungarian", "Budapest"),
    "finland": ("Finland", "Finnish", "Helsinki"),
    "sweden": ("Sweden", "Swedish", "Stockholm"),
    "norway": ("Norway", "Norwegian", "Oslo"),
    "denmark": ("Denmark", "Danish", "Copenhagen"),
    "netherlands": ("Netherlands", "Dutch", "The Hague"),
    "belgium": ("Belgium", "Belgian"),
    "spain": ("Spain", "Spanish", "Madrid"),
    "ireland": ("Ireland", "Irish", "Dublin"),
    "canada": ("Canada", "Canadian", "Ottawa"),
    "brazil": ("Brazil", "Brazilian", "Brasilia"),
    "south-africa": ("South Africa", "South African", "Pretoria"),
    "north-korea": ("North Korea", "North Korean", "Pyongyang"),
    "south-korea": ("South Korea", "South Korean", "Seoul"),
    "syria": ("Syria", "Syrian", "Damascus"),
    "lebanon": ("Lebanon", "Lebanese", "Beirut"),
    "jordan": ("Jordan", "Jordanian", "Amman"),
    "iraq": ("Iraq", "Iraqi", "Baghdad"),
    "azerbaijan": ("Azerbaijan", "Azerbaijani", "Baku"),
    "armenia": ("Armenia", "Armenian", "Yerevan"),
    "georgia": ("Georgia", "Georgian", "Tbilisi"),
    "moldova": ("Moldova", "Moldovan", "Chisinau"),
    "kazakhstan": ("Kazakhstan", "Kazakh", "Astana"),
    "pakistan": ("Pakistan", "Pakistani", "Islamabad"),
    "afghanistan": ("Afghanistan", "Afghan", "Kabul"),
    "venezuela": ("Venezuela", "Venezuelan", "Caracas"),
    "vatican": ("Vatican", "Holy See"),
    "oman": ("Oman", "Omani", "Muscat"),
    "kuwait": ("Kuwait", "Kuwaiti"),
    "bahrain": ("Bahrain", "Bahraini", "Manama"),
    "yemen": ("Yemen", "Yemeni", "Sanaa"),
    "palestine": ("Palestine", "Palestinian", "Ramallah", "Palestinian Authority"),
    "libya": ("Libya", "Libyan", "Tripoli"),
    "sudan": ("Sudan", "Sudanese", "Khartoum"),
    "ethiopia": ("Ethiopia", "Ethiopian", "Addis Ababa"),
    "kenya": ("Kenya", "Kenyan", "Nairobi"),
    "rwanda": ("Rwanda", "Rwandan", "Kigali"),
    "dr-congo": ("Democratic Republic of the Congo", "Congolese", "Kinshasa", "DR Congo", "DRC", "Congo",
                 "Democratic Republic of Congo", "D.R. Congo", "DRC's"),
    "algeria": ("Algeria", "Algerian", "Algiers"),
    "morocco": ("Morocco", "Moroccan", "Rabat"),
    "mexico": ("Mexico", "Mexican", "Mexico City"),
    "colombia": ("Colombia", "Colombian", "Bogota"),
    "cuba": ("Cuba", "Cuban", "Havana"),
    "indonesia": ("Indonesia", "Indonesian", "Jakarta"),
    "australia": ("Australia", "Australian", "Canberra"),
    "greece": ("Greece", "Greek", "Athens"),
    "cyprus": ("Cyprus", "Cypriot", "Nicosia"),
    "serbia": ("Serbia", "Serbian", "Belgrade"),
    "kosovo": ("Kosovo", "Kosovar", "Pristina"),
    "romania": ("Romania", "Romanian", "Bucharest"),
    "slovakia": ("Slovakia", "Slovak", "Bratislava"),
    "czechia": ("Czech Republic", "Czech", "Prague", "Czechia"),
    "lithuania": ("Lithuania", "Lithuanian", "Vilnius"),
    "latvia": ("Latvia", "Latvian", "Riga"),
    "estonia": ("Estonia", "Estonian", "Tallinn"),
    "portugal": ("Portugal", "Portuguese", "Lisbon"),
    "uzbekistan": ("Uzbekistan", "Uzbek", "Tashkent"),
    "thailand": ("Thailand", "Thai", "Bangkok"),
    "cambodia": ("Cambodia", "Cambodian", "Phnom Penh"),
    "malaysia": ("Malaysia", "Malaysian", "Kuala Lumpur"),
    "vietnam": ("Vietnam", "Vietnamese", "Hanoi"),
    "philippines": ("Philippines", "Philippine", "Manila", "Filipino"),
    "singapore": ("Singapore", "Singaporean"),
    "myanmar": ("Myanmar", "Myanmar's", "Naypyidaw", "Burma"),
    "laos": ("Laos", "Lao", "Vientiane"),
    "bangladesh": ("Bangladesh", "Bangladeshi", "Dhaka"),
    "sri-lanka": ("Sri Lanka", "Sri Lankan", "Colombo"),
    "nepal": ("Nepal", "Nepali", "Kathmandu"),
    "new-zealand": ("New Zealand", "New Zealand's", "Wellington"),
    "argentina": ("Argentina", "Argentine", "Buenos Aires"),
    "chile": ("Chile", "Chilean", "Santiago"),
    "peru": ("Peru", "Peruvian", "Lima"),
    "nigeria": ("Nigeria", "Nigerian", "Abuja"),
    "somalia": ("Somalia", "Somali", "Mogadishu"),
    "eritrea": ("Eritrea", "Eritrean", "Asmara"),
    "south-sudan": ("South Sudan", "South Sudanese", "Juba"),
    "chad": ("Chad", "Chadian", "N'Djamena"),
    "mali": ("Mali", "Malian", "Bamako"),
    "tunisia": ("Tunisia", "Tunisian", "Tunis"),
    "bosnia": ("Bosnia and Herzegovina", "Bosnian", "Sarajevo", "Bosnia"),
    "montenegro": ("Montenegro", "Montenegrin", "Podgorica"),
    "north-macedonia": ("North Macedonia", "Macedonian", "Skopje"),
    "albania": ("Albania", "Albanian", "Tirana"),
    "croatia": ("Croatia", "Croatian", "Zagreb"),
    "slovenia": ("Slovenia", "Slovenian", "Ljubljana"),
    "bulgaria": ("Bulgaria", "Bulgarian", "Sofia"),
    "tajikistan": ("Tajikistan", "Tajik", "Dushanbe"),
    "kyrgyzstan": ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    "turkmenistan": ("Turkmenistan", "Turkmen", "Ashgabat"),
    "europe": ("Europe", "European", "the Europeans", "Europeans"),
    "asean": ("Association of Southeast Asian Nations", "ASEAN's", "ASEAN"),
    "african-union": ("African Union", "AU's", "African Union Commission"),
    "osce": ("Organization for Security and Co-operation in Europe", "OSCE's", "OSCE"),
    "european-union": ("European Union", "EU", "E.U.", "European Commission", "Brussels"),
    "nato": ("NATO", "Nato", "North Atlantic Treaty Organization"),
    "united-nations": ("United Nations", "UN", "U.N.", "UN Security Council"),
    "iaea": ("International Atomic Energy Agency", "IAEA"),
    "hamas": ("Hamas", "Hamas's"),
    "hezbollah": ("Hezbollah", "Hezbollah's"),
    "houthis": ("Houthis", "Houthi", "Ansar Allah"),
    "taliban": ("Taliban", "Taliban's"),
    "islamic-jihad": ("Palestinian Islamic Jihad", "Islamic Jihad's", "Islamic Jihad"),
    "un-human-rights-office": ("UN Human Rights Office", "OHCHR's", "OHCHR", "UN rights office",
                               "Office of the UN High Commissioner for Human Rights",
                               "Office of the High Commissioner for Human Rights"),
    "unrwa": ("UN Relief and Works Agency", "UNRWA's", "UNRWA"),
    "unhcr": ("UN Refugee Agency", "UNHCR's", "UNHCR", "UN refugee agency"),
    "icrc": ("International Committee of the Red Cross", "ICRC's", "ICRC", "Red Cross"),
    "icc": ("International Criminal Court", "ICC's", "ICC"),
    "icj": ("International Court of Justice", "ICJ's", "ICJ", "World Court"),
    "imf": ("International Monetary Fund", "IMF's", "IMF"),
    "world-bank": ("World Bank", "World Bank's"),
    "arab-league": ("Arab League", "Arab League's", "League of Arab States"),
    "gcc": ("Gulf Cooperation Council", "GCC's", "GCC"),
    "oic": ("Organisation of Islamic Cooperation", "OIC's", "OIC", "Organization of Islamic Cooperation"),
    "ecowas": ("Economic Community of West African States", "ECOWAS's", "ECOWAS"),
    "igad": ("Intergovernmental Authority on Development", "IGAD's", "IGAD"),
    "sadc": ("Southern African Development Community", "SADC's", "SADC"),
    "eac": ("East African Community", "EAC's", "EAC"),
    "g7": ("Group of Seven", "G7's", "G7", "G-7"),
    "g20": ("Group of 20", "G20's", "G20", "G-20"),
    "brics": ("BRICS", "BRICS's"),
    "csto": ("Collective Security Treaty Organization", "CSTO's", "CSTO"),
}

#: Every state of the world: the news forms above, then ``countryinfo``'s (see :mod:`timeline.draft.countries`).
STATES: dict[str, tuple[str, ...]] = merged(NEWS_STATES)
#: Every word of :data:`STATES`, folded (case, accents): the names that stand for a state or a bloc.
GAZETTEER_WORDS = frozenset(fold(word) for words in STATES.values() for word in words if word)

#: Entries of :data:`STATES` that are no state, with their kind: blocs, alliances, organisations, armed groups.
KINDS: dict[str, str] = {"europe": "group", **dict.fromkeys((
    "european-union", "nato", "asean", "african-union", "osce", "united-nations", "iaea", "hamas", "hezbollah",
    "houthis", "taliban", "islamic-jihad", "un-human-rights-office", "unrwa", "unhcr", "icrc", "icc", "icj", "imf",
    "world-bank", "arab-league", "gcc", "oic", "ecowas", "igad", "sadc", "eac", "g7", "g20", "brics", "csto"),
    "organization")}
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
))

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
    "hun", "hor", "prak", "sok", "tea", "sar", "chea", "heng",
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
))
