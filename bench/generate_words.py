"""The vocabularies bench/generate.py draws from: states, naming cultures, organisations, venues, towns,
topics, wordings of summaries and headlines, the mix of event types and date precisions; and the small
text helpers that turn them into ids and names. Invented or public names only; no real event."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

FIRST_DAY, DAYS = date(2021, 1, 1).toordinal(), 5 * 365

# -- vocabularies ----------------------------------------------------------------

#: id | name | aliases (;) | capital | zone | demonym | naming culture; in order of prominence.
STATES = """
russia|Russia|Russian Federation;Россия;the Kremlin|Moscow|+03:00|Russian|ru
ukraine|Ukraine|Україна;Kyiv;Kiev|Kyiv|+02:00|Ukrainian|uk
united-states|United States|U.S.;USA;Washington|Washington|-05:00|US|en
china|China|People's Republic of China;中华人民共和国;PRC|Beijing|+08:00|Chinese|zh
turkiye|Türkiye|Turkey;Türkiye Cumhuriyeti|Ankara|+03:00|Turkish|tr
france|France|République française;the Élysée|Paris|+01:00|French|fr
germany|Germany|Deutschland;Federal Republic of Germany|Berlin|+01:00|German|de
united-kingdom|United Kingdom|UK;Britain|London|Z|British|en
poland|Poland|Polska;Rzeczpospolita Polska|Warsaw|+01:00|Polish|pl
saudi-arabia|Saudi Arabia|المملكة العربية السعودية;KSA;Riyadh|Riyadh|+03:00|Saudi|ar
qatar|Qatar|دولة قطر;Doha|Doha|+03:00|Qatari|ar
united-arab-emirates|United Arab Emirates|UAE;الإمارات العربية المتحدة|Abu Dhabi|+04:00|Emirati|ar
israel|Israel|ישראל;State of Israel|Jerusalem|+02:00|Israeli|he
iran|Iran|Islamic Republic of Iran;ایران;Tehran|Tehran|+03:30|Iranian|fa
india|India|भारत;Bharat;New Delhi|New Delhi|+05:30|Indian|hi
japan|Japan|日本;Nippon;Tokyo|Tokyo|+09:00|Japanese|ja
south-korea|South Korea|Republic of Korea;대한민국;ROK|Seoul|+09:00|South Korean|ko
belarus|Belarus|Беларусь;Minsk|Minsk|+03:00|Belarusian|ru
hungary|Hungary|Magyarország;Budapest|Budapest|+01:00|Hungarian|hu
georgia|Georgia|საქართველო;Sakartvelo|Tbilisi|+04:00|Georgian|ka
armenia|Armenia|Հայաստան;Yerevan|Yerevan|+04:00|Armenian|hy
azerbaijan|Azerbaijan|Azərbaycan;Baku|Baku|+04:00|Azerbaijani|tr
moldova|Moldova|Republic of Moldova;Chișinău|Chișinău|+02:00|Moldovan|ro
switzerland|Switzerland|Schweiz;Suisse;Confoederatio Helvetica|Bern|+01:00|Swiss|de
norway|Norway|Norge;Oslo|Oslo|+01:00|Norwegian|nordic
finland|Finland|Suomi;Helsinki|Helsinki|+02:00|Finnish|nordic
italy|Italy|Italia;Rome|Rome|+01:00|Italian|it
spain|Spain|España;Madrid|Madrid|+01:00|Spanish|es
brazil|Brazil|Brasil;Brasília|Brasília|-03:00|Brazilian|pt
south-africa|South Africa|RSA;Pretoria|Pretoria|+02:00|South African|en
egypt|Egypt|مصر;Cairo|Cairo|+02:00|Egyptian|ar
cote-d-ivoire|Côte d'Ivoire|Ivory Coast;Yamoussoukro|Yamoussoukro|Z|Ivorian|fr
holy-see|Holy See|the Vatican;Santa Sede|Vatican City|+01:00|Vatican|it
kazakhstan|Kazakhstan|Қазақстан;Astana|Astana|+05:00|Kazakh|kk
serbia|Serbia|Србија;Srbija;Belgrade|Belgrade|+01:00|Serbian|sr
estonia|Estonia|Eesti;Tallinn|Tallinn|+02:00|Estonian|nordic
lithuania|Lithuania|Lietuva;Vilnius|Vilnius|+02:00|Lithuanian|nordic
ireland|Ireland|Éire;Dublin|Dublin|Z|Irish|ga
pakistan|Pakistan|پاکستان;Islamabad|Islamabad|+05:00|Pakistani|ur
greece|Greece|Ελλάδα;Hellenic Republic|Athens|+02:00|Greek|el
mexico|Mexico|México;Estados Unidos Mexicanos|Mexico City|-06:00|Mexican|es
indonesia|Indonesia|Republik Indonesia;Jakarta|Jakarta|+07:00|Indonesian|id
"""

#: Given names then family names per culture: ``native/Latin`` (one form if the same),
#: ``*`` marks a woman's name, ``_`` a space.
CULTURES = {
    "ru": (("Алексей/Aleksei Дмитрий/Dmitry Сергей/Sergei Мария/Maria* Анна/Anna* Николай/Nikolai "
            "Ольга/Olga* Юрий/Yury Татьяна/Tatiana* Михаил/Mikhail"),
           ("Иванов/Ivanov Смирнов/Smirnov Кузнецов/Kuznetsov Попов/Popov Соколов/Sokolov "
            "Лебедев/Lebedev Волков/Volkov Морозов/Morozov Новиков/Novikov Фёдоров/Fyodorov")),
    "uk": (("Олена/Olena* Андрій/Andrii Тарас/Taras Оксана/Oksana* Дмитро/Dmytro Юлія/Yuliia* "
            "Ірина/Iryna* Сергій/Serhii Олександр/Oleksandr Богдан/Bohdan"),
           ("Коваленко/Kovalenko Шевченко/Shevchenko Бондаренко/Bondarenko Мельник/Melnyk "
            "Ткаченко/Tkachenko Кравчук/Kravchuk Олійник/Oliinyk Лисенко/Lysenko Гнатюк/Hnatiuk Руденко/Rudenko")),
    "en": ("James Sarah* Michael Emily* Robert Laura* David Rachel* Thomas Karen*",
           "Carter Hughes Whitaker Bennett O'Connor Reynolds Sullivan Brooks Hale Morgan"),
    "ga": ("Seán Siobhán* Ciarán Aoife* Pádraig Niamh*",
           "O'Brien Ó_Ceallaigh MacGabhann O'Sullivan Ní_Bhriain Ó_Dónaill"),
    "zh": ("伟/Wei 芳/Fang 建国/Jianguo 志强/Zhiqiang 海峰/Haifeng 晓明/Xiaoming 丽华/Lihua 毅/Yi 静/Jing 国强/Guoqiang",
           "王/Wang 李/Li 张/Zhang 刘/Liu 陈/Chen 杨/Yang 赵/Zhao 黄/Huang 周/Zhou 吴/Wu"),
    "ja": ("健/Ken 由美/Yumi 浩/Hiroshi 直子/Naoko 大輔/Daisuke 恵子/Keiko 翔太/Shota 美咲/Misaki",
           "佐藤/Sato 鈴木/Suzuki 高橋/Takahashi 田中/Tanaka 渡辺/Watanabe 伊藤/Ito 山本/Yamamoto 中村/Nakamura"),
    "ko": ("민준/Min-jun 서연/Seo-yeon 지훈/Ji-hoon 수빈/Su-bin 현우/Hyun-woo 하은/Ha-eun 도윤/Do-yoon",
           "김/Kim 이/Lee 박/Park 최/Choi 정/Jung 강/Kang 윤/Yoon"),
    "ar": ("محمد/Mohammed خالد/Khalid فيصل/Faisal عبدالله/Abdullah نورة/Noura* سلمان/Salman ريم/Reem* طارق/Tariq",
           ("الراشد/Al-Rashid العتيبي/Al-Otaibi القحطاني/Al-Qahtani الهاشمي/Al-Hashimi المنصوري/Al-Mansouri "
            "الكعبي/Al-Kaabi الشمري/Al-Shammari النعيمي/Al-Nuaimi")),
    "he": ("יוסי/Yossi נועה/Noa* דוד/David מיכל/Michal* אבי/Avi תמר/Tamar*",
           "כהן/Cohen לוי/Levi מזרחי/Mizrahi פרץ/Peretz ביטון/Biton אברהם/Avraham"),
    "fa": ("علی/Ali رضا/Reza مریم/Maryam* حسن/Hassan زهرا/Zahra* مهدی/Mahdi",
           "حسینی/Hosseini رضایی/Rezaei محمدی/Mohammadi کریمی/Karimi موسوی/Mousavi جعفری/Jafari"),
    "ur": ("عمران/Imran عائشہ/Ayesha* بلال/Bilal فاطمہ/Fatima*", "خان/Khan قریشی/Qureshi ملک/Malik چوہدری/Chaudhry"),
    "hi": ("राहुल/Rahul प्रिया/Priya* अमित/Amit सुनीता/Sunita* विक्रम/Vikram अनीता/Anita*",
           "शर्मा/Sharma वर्मा/Verma गुप्ता/Gupta सिंह/Singh जोशी/Joshi मेहता/Mehta"),
    "tr": ("Çağrı Şule* Gökhan Ayşe* İbrahim Emre Zeynep* Hakan",
           "Yılmaz Öztürk Şahin Çelik Doğan Aydın Kılıç Arslan"),
    "fr": ("Éloïse* Benoît François Hélène* Jérôme Amélie* Stéphane Chloé*",
           "Lefèvre Dubois Mercier Girard Rousseau Faure Bérenger Lévêque"),
    "de": ("Jürgen Jörg Björn Anja* Käthe* Matthias Sabine* Uwe",
           "Müller Schröder Weiß Köhler Groß Bäcker Hoffmann Krüger"),
    "pl": ("Łukasz Małgorzata* Wojciech Agnieszka* Paweł Katarzyna* Grzegorz Zofia*",
           "Wiśniewski Wójcik Kowalczyk Zieliński Nowak Lewandowski Kamiński Dąbrowski"),
    "hu": ("Zoltán Ágnes* Gábor Eszter* Péter Zsófia*", "Szőke Nagy Kovács Tóth Szabó Horváth"),
    "ka": ("ნინო/Nino* გიორგი/Giorgi თამარ/Tamar* დავით/Davit ლევან/Levan",
           "ბერიძე/Beridze კაპანაძე/Kapanadze გელაშვილი/Gelashvili ლომიძე/Lomidze ჯავახიშვილი/Javakhishvili"),
    "hy": ("Արամ/Aram Աննա/Anna* Տիգրան/Tigran Լուսինե/Lusine* Արմեն/Armen",
           "Հակոբյան/Hakobyan Պետրոսյան/Petrosyan Սարգսյան/Sargsyan Գրիգորյան/Grigoryan Մարտիրոսյան/Martirosyan"),
    "ro": ("Ion Maria* Andrei Ioana* Mihai Doina*", "Popescu Ciobanu Țurcanu Rusu Munteanu Lupașcu"),
    "nordic": ("Åsa* Søren Øystein Märta* Mikko Päivi* Kristjan Rūta*",
               "Lindqvist Sørensen Håkansson Ødegaard Virtanen Mäkinen Tamm Kazlauskas"),
    "it": ("Giuseppe Francesca* Matteo Giulia* Lorenzo Chiara*", "Rossi Bianchi Esposito Colombo Ricci De_Luca"),
    "es": ("José María* Andrés Inés* Álvaro Lucía*", "García Núñez Peña Ibáñez Fernández Gutiérrez"),
    "pt": ("João Conceição* Luís Ana* Antônio Beatriz*", "Silva Gonçalves Araújo Magalhães Simões Ferreira"),
    "el": ("Γιώργος/Giorgos Μαρία/Maria* Νίκος/Nikos Ελένη/Eleni* Κώστας/Kostas",
           "Παπαδόπουλος/Papadopoulos Οικονόμου/Oikonomou Γεωργίου/Georgiou Δημητρίου/Dimitriou Αντωνίου/Antoniou"),
    "sr": ("Милош/Miloš Јелена/Jelena* Никола/Nikola Ана/Ana* Марко/Marko",
           "Јовановић/Jovanović Петровић/Petrović Николић/Nikolić Ђорђевић/Đorđević Стојановић/Stojanović"),
    "kk": ("Асқар/Asqar Айгерім/Aigerim* Нұрлан/Nurlan Динара/Dinara*",
           "Сәрсенбаев/Sarsenbayev Жұмабеков/Zhumabekov Әбілов/Abilov Омаров/Omarov"),
    "id": ("Budi Siti* Agus Dewi* Joko", "Santoso Wijaya Hidayat Kusuma Pratama"),
}
FAMILY_FIRST = {"zh", "ko", "ja"}
#: How often a person of the culture is named in its own script rather than in Latin letters.
NATIVE_SHARE = {"ru": 0.5, "uk": 0.5, "zh": 0.6, "ja": 0.5, "ko": 0.5, "ar": 0.4, "he": 0.4, "fa": 0.4,
                "ur": 0.4, "hi": 0.4, "ka": 0.5, "hy": 0.5, "el": 0.4, "sr": 0.5, "kk": 0.5}

#: Heads of state named with the brief's examples of non-Latin names.
HEADS = {
    "ukraine": ("Володимир Зеленський", "Volodymyr Zelenskyy", ["Zelenskyy", "Zelensky", "Зеленський"]),
    "china": ("習近平", "Xi Jinping", ["Xi", "习近平", "President Xi"]),
}

#: Titles by rank inside a state; ``{s}`` is the state, ``{d}`` its demonym.
TITLES = ("President of {s}", "Foreign Minister of {s}", "Special Envoy of {s}", "National Security Adviser of {s}",
          "Defence Minister of {s}", "Chief negotiator of {s}", "Spokesperson of the {d} Foreign Ministry",
          "Prime Minister of {s}", "Ambassador of {s} to the United Nations", "Chief of the General Staff of {s}",
          "Presidential aide", "Deputy Foreign Minister of {s}", "Head of the {d} Presidential Office",
          "Special Representative of {s}: Black Sea security", "Member of the {d} parliament",
          "Adviser to the {d} President", "Deputy Defence Minister of {s}", "Ambassador of {s} to the OSCE")

#: id | name | kind | aliases (;) | role (igo, group, monitor, media) | affiliation; the first ones for small datasets.
ORGANISATIONS = """
united-nations|United Nations|organization|UN;ООН;联合国|igo|
iwps|Institute for War & Peace Studies|organization|IWPS|monitor|
european-allies|Ukraine's European allies|group|European allies;the Europeans|group|
reuters|Reuters|organization|Reuters news agency|media|
osce|Organization for Security and Co-operation in Europe|organization|OSCE;ОБСЕ|igo|
frontline-mapping|Frontline Mapping Project|organization|"Frontline" maps;DeepMap|monitor|
european-union|European Union|organization|EU;Brussels|igo|
nato|NATO|organization|North Atlantic Treaty Organization;OTAN;the Alliance|igo|
contact-group-black-sea|Contact Group: Black Sea|group|Black Sea Contact Group|group|
icrc|International Committee of the Red Cross|organization|ICRC;CICR;МККК|igo|
black-sea-monitor|Black Sea Monitoring Mission|organization|BSMM|monitor|
g7|Group of Seven|group|G7;the G7|group|
iaea|International Atomic Energy Agency|organization|IAEA;МАГАТЭ|igo|united-nations
un-security-council|UN Security Council|organization|UNSC;Security Council|igo|united-nations
friends-of-peace|"Friends of Peace" group|group|Friends of Peace|group|
tass|TASS|organization|ТАСС|media|
conflict-observatory|Open-Source Conflict Observatory|organization|OSCO|monitor|
coalition-of-the-willing|Coalition of the Willing|group|the coalition|group|
african-union|African Union|organization|AU;Union africaine|igo|
centre-eastern-studies|Centre for Eastern Studies|organization|OSW;Ośrodek Studiów Wschodnich|monitor|
e3|E3|group|E3 countries;France, Germany and the UK|group|
arab-league|League of Arab States|organization|Arab League;جامعة الدول العربية|igo|
brics|BRICS|group|БРИКС;金砖国家|group|
council-strategic-affairs|Council on Strategic Affairs|organization|CSA|monitor|
"""
#: Organisations made for the most prominent states: ``{d}`` is the demonym.
STATE_BODIES = (("{d} Armed Forces", "armed-forces", "military"), ("{d} Ministry of Defence", "mod", "military"),
                ("{d} military intelligence", "intelligence", "monitor"))

VENUES = ("Geneva", "Istanbul", "Doha", "Riyadh", "Jeddah", "Abu Dhabi", "Vienna", "Oslo", "Helsinki",
          "Minsk", "Brussels", "Rome", "Budapest", "Astana", "Bürgenstock", "Malmö", "Cairo", "Nicosia",
          "Montreux", "Baku")
TOWNS = ("Pokrovsk", "Kup'iansk", "Chasiv Yar", "Huliaipole", "Vuhledar", "Orikhiv", "Kostiantynivka", "Lyman",
         "Avdiivka", "Toretsk", "Robotyne", "Krynky", "Siversk", "Zaporizhzhia NPP", "Kherson port", "Odesa port",
         "Lachin corridor", "Tskhinvali", "Gali district", "Transnistria: Bender", "Sumy region", "Belgorod",
         "Kursk region", "Snake Island", "Kerch Strait", "Nagorno-Karabakh", "Rafah crossing", "Kinburn Spit")
TOPICS = ("a ceasefire along the line of contact", "the safety of the Zaporizhzhia nuclear plant",
          "grain exports through the Black Sea", "an exchange of prisoners of war", "sanctions relief",
          "security guarantees", "the status of the occupied territories", "gas transit",
          "the return of deported children", "a maritime truce", "the demarcation of the border", "limits on uranium enrichment",
          "access for humanitarian convoys", "the release of detained journalists", "a demilitarised zone",
          "frozen central-bank assets", "the reopening of the railway link", "energy infrastructure strikes",
          "a peacekeeping mission", "the 28-point plan")
DEMANDS = ("withdraw its forces from the border area", "release all detained civilians",
           "halt strikes on energy infrastructure", "guarantee safe passage for grain ships",
           "recognise the new line of control", "lift sanctions before any talks", "cut its army to 600,000 troops",
           "hand over the remaining districts", "stop arms deliveries", "open a corridor for civilians")
CHARGES = ("violating the ceasefire", "stalling the talks on {topic}", "shelling civilian areas near {town}",
           "spreading disinformation about {topic}", "sabotaging the negotiations", "attacking a grain ship",
           "deporting children from {town}", "breaking its word on {topic}")
VERDICTS = ("unacceptable", "a non-starter", "a capitulation in disguise", "'dead on arrival'",
            "a step backwards", "an ultimatum")
QUOTES = ("We are ready to talk, but not at any price.", "constructive", "useful and constructive",
          "There can be no peace without justice.", "This is a red line: we will not cross it.",
          "Мы открыты к диалогу.", "Україна не торгує своєю землею.", "我们愿意发挥建设性作用。",
          "The ball is in their court.", "unacceptable", "a step in the right direction",
          'They say "peace", but they mean surrender.', "Nothing is agreed until everything is agreed.",
          "capitulation", "We won't be rushed.", "Il n'y aura pas de paix imposée.", "mess",
          "Wir lassen uns nicht erpressen.", "لن نقبل بأي حل مفروض", "The door remains open — for now.",
          "We've heard this before.", "dignified peace", "Time is not on their side.",
          "Ne, hvala: not under these terms.")
SECOND_SENTENCES = ("No details were made public.", "{b} did not immediately respond.",
                    "Officials said further talks were planned.", "The remarks drew a sharp reaction in {b_capital}.",
                    "It was the first such contact in weeks.", "Observers called the move significant.",
                    "{b} dismissed it as 'propaganda'.", "The talks lasted nearly {hours} hours.",
                    "Neither side gave a date for the next round.", "Markets barely reacted.")
NOTES = ("Reported by several outlets; details differ.", "Date inferred from the publication date.",
         "Second-hand account: the source cites unnamed officials.", "Figures could not be verified.")

TEMPLATES = {
    "statement": ("{a} said {topic} remained the main obstacle to progress with {b}.",
                  "{a} told reporters that talks with {b} on {topic} would continue.",
                  "{a} said {b} was not serious about {topic}.",
                  ("In a televised address, {a} insisted that any deal with {b} on {topic} must respect "
                   "international law."),
                  "{a} described the latest round with {b} on {topic} as difficult but useful.",
                  "{a} called on {b} to return to the table on {topic}."),
    "meeting": ("{a} and {b} met in {place} to discuss {topic}.",
                "{a} held talks with {b} in {place}; {topic} topped the agenda.",
                "Delegations led by {a} and {b} met in {place} for a new round on {topic}.",
                "{a} received {b} in {place} for talks on {topic}."),
    "call": ("{a} and {b} spoke by phone about {topic}.", "{a} held a call with {b}, focused on {topic}."),
    "visit": ("{a} travelled to {place} for talks with {b_state}'s leadership on {topic}.",
              "{a} arrived in {place} on an official visit to {b_state}."),
    "agreement": ("{a} and {b} signed an agreement on {topic} in {place}.",
                  "{a} and {b} agreed on {topic} after {rounds} rounds of talks."),
    "proposal": ("{a} put forward a plan on {topic} to {b}.", "{a} offered {b} a framework for {topic}.",
                 "{a} sent {b} a new {rounds}-point plan on {topic}."),
    "counter_proposal": ("{a} answered {b} with a counter-plan on {topic} of its own.",
                         "{a} sent {b} amended terms on {topic}."),
    "demand": ("{a} demanded that {b} {demand}.", "{a} insisted that {b} {demand} before any talks on {topic}."),
    "rejection": ("{a} rejected {b}'s proposal on {topic}, calling it {verdict}.",
                  "{a} turned down {b}'s terms on {topic}."),
    "acceptance": ("{a} accepted {b}'s proposal on {topic} in principle.",
                   "{a} agreed to {b}'s terms on {topic}, with reservations."),
    "accusation": ("{a} accused {b} of {charge}.", "{a} blamed {b} for {charge}."),
    "threat": ("{a} warned {b} of 'consequences' unless it agreed to {topic}.",
               "{a} threatened to step up strikes if {b} did not {demand}."),
    "claim": ("{a} said its forces had taken control of {town}.",
              "{a} claimed to have repelled an attack by {b} near {town}."),
    "denial": ("{a} denied {b}'s claim about {town} and said fighting continued.",
               "{a} rejected {b}'s account of events in {town} as false."),
    "military_action": ("{a} launched strikes on targets of {b} near {town}.",
                        "Forces of {a} shelled positions of {b} near {town}.",
                        "{a} carried out a drone attack on {town}, held by {b}."),
    "assessment": ("{a} assessed that {b} had gained ground around {town}.",
                   "{a} estimated that talks on {topic} with {b} were unlikely to succeed this year.",
                   "According to {a}, {b} controls about {pct} percent of the disputed area."),
}

#: Share of each type among drawn events; each claim brings a denial with CLAIM_DENIED.
TYPE_SHARES = {"statement": 25, "meeting": 15, "call": 5, "visit": 5, "proposal": 6, "counter_proposal": 3,
               "demand": 5, "rejection": 5, "acceptance": 1.5, "agreement": 1.2, "accusation": 10, "threat": 4,
               "claim": 3, "military_action": 4, "assessment": 4.5}
CLAIM_DENIED = 0.75
SYMMETRIC = ("meeting", "call", "visit", "agreement")
ANSWERS = ("rejection", "counter_proposal", "acceptance")   # respond to a proposal or demand
FIGHTING = ("military_action", "claim")                    # only in tracks with fighting
MEDIATOR_STATES = ("turkiye", "qatar", "saudi-arabia", "switzerland", "holy-see", "united-arab-emirates", "norway")
#: Date forms in reporting: (form, share in percent).
PRECISIONS = {"day": 70, "month": 10, "year": 3, "moment": 5, "interval": 5, "qualified": 4, "open": 3}
QUOTED = {"statement": 0.25, "rejection": 0.3, "accusation": 0.2, "threat": 0.25, "denial": 0.3, "meeting": 0.08}
PLANNED, CANCELLED = 0.11, 0.04   # of meetings, calls, visits and agreements
PUBLISHERS = ("Reuters", "Associated Press", "Agence France-Presse", "TASS", "Interfax-Україна", "Ukrinform",
              "The Kyiv Independent", "Meduza", "Новая газета Европа", "Xinhua (新华社)", "NHK", "Yonhap (연합뉴스)",
              "Al Jazeera (الجزيرة)", "Haaretz", "Le Monde", "Der Spiegel", "Gazeta Wyborcza", "Hürriyet",
              "Politico Europe", "Financial Times", "BBC News", "Deutsche Welle", "RFE/RL", "Kommersant",
              "Anadolu Ajansı", "Frankfurter Allgemeine Zeitung", "El País", "Kathimerini", "The Irish Times",
              "Al-Ahram (الأهرام)")
HEADLINES = ("{a} and {b} resume talks on {topic}", "{a} rejects {b}'s plan: 'unacceptable'",
             "What we know about {topic}", "Live: talks on {topic}, day {rounds}",
             "Analysis: why {topic} still divides {a} and {b}", "{a} says \"no compromise\" on {topic}",
             "Exclusive: {a} weighs new offer to {b}", "{a}–{b} talks: key takeaways")


def slug(text: str) -> str:
    """An ASCII id: 'Côte d'Ivoire' -> 'cote-d-ivoire'."""
    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                                         "ı": "i"}))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def the(name: str) -> str:
    """'United States' -> 'the United States'; 'Ukraine' -> 'Ukraine'."""
    return f"the {name}" if name.startswith(("United", "Holy", "Republic")) else name


def _names(spec: str) -> list[tuple[str, str, bool]]:
    """'Олена/Olena* Тарас/Taras' -> [('Олена', 'Olena', True), ('Тарас', 'Taras', False)]."""
    names = []
    for word in spec.split():
        native, _, latin = word.rstrip("*").replace("_", " ").partition("/")
        names.append((native, latin or native, word.endswith("*")))
    return names


CULTURE_NAMES = {key: (_names(given), _names(family)) for key, (given, family) in CULTURES.items()}
