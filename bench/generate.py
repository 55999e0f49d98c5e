"""Write a realistic synthetic dataset in timeline's YAML format, for benchmarks.

    python bench/generate.py --preset 100k              # -> bench/data/100k
    python bench/generate.py --events 2500 --out /tmp/d --seed 7

The record looks like real reporting on several negotiations at once:
hundreds of actors (states, organisations, delegations, people with titles
and aliases, names in Cyrillic, Chinese, Arabic... and with apostrophes or
colons), a Zipf-like activity (a few actors in most events), negotiation
"tracks" that give the actor graph its communities, the type mix and date
precisions of news, claims paired with denials, responses, sources.
The same seed always writes the same bytes. The events are invented.

The folder gets ``actors.yaml``, ``sources.yaml``, ``events/<year>.yaml``
(``events/<year>-<month>.yaml`` when a year would pass ~8 MB) and
``bench.json``, a summary that ``bench/run.py`` reads (not part of the dataset).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
import unicodedata
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate, pairwise
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent / "data"
SUMMARY_FILE = "bench.json"
MAX_FILE_BYTES = 8 * 2**20
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

# -- the generator ------------------------------------------------------------------


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str
    short: str                      # the name summaries use
    aliases: list[str]
    title: str | None = None
    affiliation: str | None = None
    side: str | None = None         # the state it belongs to
    weight: float = 1.0
    role: str = "person"            # state, person, igo, group, monitor, media, military, delegation
    capital: str | None = None      # states only, like the three below
    zone: str = "Z"
    demonym: str = ""
    culture: str = "en"


@dataclass(slots=True)
class Track:
    """A negotiation between a few states over some months: where most events come from."""

    states: list[str]
    start: int
    end: int
    topics: list[str]
    towns: list[str]
    venue: str
    mediator: str | None
    rounds: list[int]
    conflict: bool                  # with fighting: military actions, claims and denials
    delegations: dict[str, str] = field(default_factory=dict)
    recent: dict[str, list[Recent]] = field(default_factory=dict)    # by event type, oldest first
    sources: list[tuple[int, str]] = field(default_factory=list)     # (day published, id), newest last


class Recent(NamedTuple):
    """What later events of a track need to know of an earlier one."""

    day: int
    id: str
    side: str          # the acting side
    other: str         # the side acted upon
    actor: str         # the first source or participant


@dataclass(slots=True)
class Event:
    id: str
    type: str
    day: int
    date: str
    status: str
    summary: str
    roles: dict[str, list[str]]
    location: str | None = None
    quotes: list[tuple[str, str, str | None]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)
    notes: str | None = None


class Sampler:
    """Weighted choice in O(log n) from fixed weights."""

    __slots__ = ("cumulative", "items")

    def __init__(self, items: list, weights: list[float]):
        self.items, self.cumulative = items, list(accumulate(weights))

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def actor_count(events: int) -> int:
    """About 120 actors for 1k events, 300 for 10k, 600 for 100k."""
    points = ((2, 50), (3, 120), (4, 300), (5, 600), (6, 1000))
    x = min(max(math.log10(max(events, 1)), 2), 6)
    (x0, y0), (x1, y1) = next((a, b) for a, b in pairwise(points) if a[0] <= x <= b[0])
    return round(y0 + (y1 - y0) * (x - x0) / (x1 - x0))


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


class Generator:
    """One dataset in memory: ``actors``, ``events`` (in date order) and ``sources``."""

    def __init__(self, events: int, seed: int = 1):
        self.rng = random.Random(seed)
        self.target, self.seed = events, seed
        self.actors: dict[str, Actor] = {}
        self.sources: list[dict] = []
        self.latest_sources: list[tuple[int, str]] = []    # (day published, id), newest last
        self.room: dict[str, int] = {}                      # source id -> how many more events it may cite
        self.events: list[Event] = []
        self.event_ids: set[str] = set()
        self.names: set[str] = set()
        self.precision = Sampler(list(PRECISIONS), list(PRECISIONS.values()))
        self.build_actors()
        self.build_tracks()
        self.build_events()

    # -- actors ------------------------------------------------------------------

    def add(self, actor: Actor) -> Actor:
        """Add ``actor``, giving it a free id ('wang-wei-2') if its own is taken."""
        ident, n = actor.id, 2
        while actor.id in self.actors:
            actor.id, n = f"{ident}-{n}", n + 1
        self.actors[actor.id] = actor
        return actor

    def build_actors(self) -> None:
        rng, total = self.rng, actor_count(self.target)
        scale = (min(max(math.log10(max(self.target, 1)), 2), 5) - 2) / 3       # 0 at 100 events, 1 at 100k
        rows = [line.split("|") for line in STATES.strip().splitlines()]
        n_states = round(8 + 32 * scale)
        self.states: list[Actor] = []
        for rank, index in enumerate(sorted(range(n_states), key=lambda i: i + rng.uniform(0, 3)), 1):
            ident, name, aliases, capital, zone, demonym, culture = rows[index]
            self.states.append(self.add(Actor(ident, name, "state", the(name), aliases.split(";"), side=ident,
                                              weight=1 / rank ** 0.9, role="state", capital=capital, zone=zone,
                                              demonym=demonym, culture=culture)))
        self.n_tracks = max(3, round(n_states * 0.6))
        delegations = round(self.n_tracks * 1.2)    # expected, made with the tracks
        self.build_organisations(round(total * 0.1) - delegations)
        self.build_persons(total - len(self.actors) - delegations)

    def build_organisations(self, count: int) -> None:
        rows = [line.split("|") for line in ORGANISATIONS.strip().splitlines()]
        bodies = [(state, body) for state in self.states[:6] for body in STATE_BODIES]
        rows = rows[:max(8, count - len(bodies))]
        for ident, name, kind, aliases, role, affiliation in rows:
            aliases = aliases.split(";")
            self.add(Actor(ident, name, kind, aliases[0] if role == "igo" else name, aliases,
                           affiliation=affiliation or None, weight=0.05 + 0.1 * self.rng.random(), role=role))
        for state, (pattern, suffix, role) in bodies[:max(0, count - len(rows))]:
            name = pattern.format(d=state.demonym)
            self.add(Actor(f"{state.id}-{suffix}", name, "organization", name, [], affiliation=state.id,
                           side=state.id, weight=state.weight * 0.3, role=role))

    def person_name(self, culture: str) -> tuple[str, str, str]:
        """(name, Latin name, Latin family name) of a new person; the Latin name is unique."""
        given, family = CULTURE_NAMES[culture]
        for _ in range(50):
            (first, first_latin, female), (last, last_latin, _) = self.rng.choice(given), self.rng.choice(family)
            if female and culture == "ru" and last.endswith(("ов", "ев", "ин")):
                last, last_latin = last + "а", last_latin + "a"
            if female and culture == "pl" and last.endswith("ski"):
                last = last_latin = last[:-1] + "a"
            if culture in FAMILY_FIRST:
                native = last + first
                latin = f"{first_latin} {last_latin}" if culture == "ja" else f"{last_latin} {first_latin}"
            else:
                native, latin = f"{first} {last}", f"{first_latin} {last_latin}"
            if latin not in self.names:
                break
        else:
            native = latin = f"{latin} {len(self.names)}"
        self.names.add(latin)
        use_native = native != latin and self.rng.random() < NATIVE_SHARE.get(culture, 0)
        return (native if use_native else latin), latin, last_latin

    def build_persons(self, count: int) -> None:
        rng = self.rng
        orgs = [a for a in self.actors.values() if a.role in ("igo", "monitor")][:max(2, count // 40)]
        count -= len(orgs)
        shares = Sampler(self.states, [s.weight ** 0.5 for s in self.states])
        per_state = Counter(shares(rng).id for _ in range(count - len(self.states)))
        for state in self.states:
            for rank in range(1, per_state[state.id] + 2):
                if rank == 1 and state.id in HEADS:
                    name, latin, aliases = HEADS[state.id]
                    aliases = [latin, *aliases]
                else:
                    culture = "ga" if state.culture == "en" and rng.random() < 0.15 else state.culture
                    name, latin, last = self.person_name(culture)
                    aliases = [a for a in dict.fromkeys((latin, last)) if a != name]
                if rank <= len(TITLES) and rng.random() < 0.9:
                    title = TITLES[rank - 1]
                else:
                    title = rng.choice(TITLES[4:]) if rng.random() < 0.8 else None
                self.add(Actor(slug(latin), name, "person", latin, aliases,
                               title=title and title.format(s=state.short, d=state.demonym),
                               affiliation=state.id, side=state.id, weight=state.weight / rank ** 1.3))
        self.staff: dict[str, Actor] = {}
        for org in orgs:
            name, latin, last = self.person_name(rng.choice(("en", "fr", "de", "nordic", "es")))
            title = f"Secretary-General of the {org.short}" if org.role == "igo" else f"Senior analyst, {org.name}"
            self.staff[org.id] = self.add(Actor(slug(latin), name, "person", latin, [last], title=title,
                                                affiliation=org.id, weight=org.weight))

    # -- tracks ------------------------------------------------------------------

    def build_tracks(self) -> None:
        rng, states = self.rng, self.states
        self.pick_state = Sampler(states, [s.weight for s in states])
        by_role: dict[str, list[Actor]] = {}
        for actor in self.actors.values():
            by_role.setdefault(actor.role, []).append(actor)
        self.monitors = by_role.get("monitor", [])     # news agencies publish the reports; they assess nothing
        self.collectives = by_role.get("igo", []) + by_role.get("group", [])
        mediators = by_role.get("igo", []) + [s for s in states if s.id in MEDIATOR_STATES]
        people: dict[str, list[Actor]] = {s.id: [] for s in states}
        for actor in by_role.get("person", []):
            if actor.side:
                people[actor.side].append(actor)
        self.pick_person = {s: Sampler(p, [a.weight for a in p]) for s, p in people.items() if p}
        self.tracks: list[Track] = []
        for index in range(self.n_tracks):
            if index == 0:
                members = states[:2]
            else:
                members, size = [self.pick_state(rng)], rng.choice((2, 2, 2, 3, 3, 4))
                while len(members) < size:
                    other = rng.choice(states)
                    if other not in members:
                        members.append(other)
            length = DAYS if index < 2 else min(DAYS, int(rng.lognormvariate(math.log(300), 0.7)) + 60)
            start = FIRST_DAY + rng.randrange(DAYS - length + 1)
            mediator = rng.choice(mediators) if rng.random() < 0.5 else None
            track = Track([s.id for s in members], start, start + length, rng.sample(TOPICS, 3),
                          rng.sample(TOWNS, 4), rng.choice(VENUES),
                          mediator.id if mediator and mediator not in members else None,
                          sorted(rng.randrange(start, start + length) for _ in range(max(2, length // 60))),
                          conflict=index == 0 or rng.random() < 0.3)
            for state in members[:2]:
                if rng.random() < 0.6:
                    track.delegations[state.id] = self.delegation(state, track.venue).id
            self.tracks.append(track)
        self.pick_track = Sampler(list(range(len(self.tracks))), [1 / (i + 1) for i in range(len(self.tracks))])

    def delegation(self, state: Actor, venue: str) -> Actor:
        name = f"{state.demonym} delegation to the {venue} talks"
        return self.add(Actor(slug(name), name, "group", f"the {state.demonym} delegation",
                              [f"{state.demonym} negotiators"], affiliation=state.id, side=state.id,
                              weight=state.weight * 0.2, role="delegation"))

    # -- events ------------------------------------------------------------------

    def build_events(self) -> None:
        """Draw the types first (a claim may bring its denial), then days, then fill in in date order."""
        rng = self.rng
        types = Sampler(list(TYPE_SHARES), list(TYPE_SHARES.values()))
        kinds, total = [], 0
        while total < self.target:
            kind = types(rng)
            denied = kind == "claim" and total + 2 <= self.target and rng.random() < CLAIM_DENIED
            kinds.append((kind, denied))
            total += 1 + denied
        drafts = sorted(self.draft_day() for _ in kinds)
        wars = [track for track in self.tracks if track.conflict]
        for (day, track_index), (kind, denied) in zip(drafts, kinds):
            track = self.tracks[track_index] if track_index >= 0 else None
            if kind in FIGHTING and not (track and track.conflict):
                track = rng.choice([war for war in wars if war.start <= day < war.end])
            event = self.event(kind, day, track)
            if denied:
                self.deny(event, track)
        self.events.sort(key=lambda e: e.day)

    def draft_day(self) -> tuple[int, int]:
        """A (day, track index or -1) for one event: mostly in a track, often near one of its rounds."""
        rng = self.rng
        if rng.random() < 0.1:
            return FIRST_DAY + rng.randrange(DAYS), -1
        index = self.pick_track(rng)
        track = self.tracks[index]
        day = rng.choice(track.rounds) + round(rng.gauss(0, 3)) if rng.random() < 0.4 else rng.randrange(track.start, track.end)
        return min(max(day, FIRST_DAY), FIRST_DAY + DAYS - 1), index

    def sides(self, track: Track | None) -> tuple[str, str]:
        """Two different states: the acting side and the other."""
        if track is not None:
            a, b = self.rng.sample(track.states, 2)
            return a, b
        a = self.pick_state(self.rng).id
        b = self.pick_state(self.rng).id
        while b == a:
            b = self.rng.choice(self.states).id
        return a, b

    def speaker(self, side: str, track: Track | None, person_share: float = 0.55) -> str:
        """An actor for ``side``: one of its people, else the state itself or its delegation."""
        roll = self.rng.random()
        if roll < person_share and side in self.pick_person:
            return self.pick_person[side](self.rng).id
        if track is not None and side in track.delegations and roll > 0.9:
            return track.delegations[side]
        return side

    def event(self, kind: str, day: int, track: Track | None) -> Event:
        rng = self.rng
        a, b = self.sides(track)
        related: list[tuple[str, str]] = []
        venue = track.venue if track else self.actors[b].capital
        if kind in SYMMETRIC:
            roles, location = self.gathering(kind, a, b, track, venue)
        else:
            if kind in ANSWERS and track is not None and (answered := self.answered(track, day, a)):
                related.append(("responds_to", answered.id))
                a, b = answered.other, answered.side
            roles, location = self.directed(kind, a, b, track, answered.actor if related else None)
            if kind in ("proposal", "demand") and location is None and rng.random() < 0.3:
                location = venue
        if track is not None and not related:
            related = self.links(kind, track, day, a, b)
        status = self.status(kind)
        first = (roles.get("source") or (roles["participants"] if kind == "visit" else
                                         roles.get("host", []) + roles["participants"]))[0]
        counterpart = next((x for key in ("target", "host", "participants") for x in roles.get(key, ())
                            if x != first), b)
        words = self.words(track, a=self.actors[first].short, b=self.actors[counterpart].short,
                           b_state=self.actors[b].short, b_capital=self.actors[b].capital, place=location or venue)
        event = Event(self.new_id(first, kind, day), kind, day, self.date_text(day, status, a), status,
                      self.summary(kind, words),
                      roles, location, related=related, notes=rng.choice(NOTES) if rng.random() < 0.04 else None)
        self.finish(event, track, words)
        if track is not None:
            recent = track.recent.setdefault(kind, [])
            recent.append(Recent(day, event.id, a, b, first))
            del recent[:-12]
        return event

    def words(self, track: Track | None, **names: str | None) -> dict:
        """What the summary and headline templates fill in."""
        rng = self.rng
        words = {"topic": rng.choice(track.topics if track else TOPICS), "town": rng.choice(
            track.towns if track else TOWNS), "rounds": rng.randint(2, 12), "pct": rng.randint(5, 30),
            "hours": rng.randint(2, 7), "demand": rng.choice(DEMANDS), "verdict": rng.choice(VERDICTS), **names}
        words["charge"] = rng.choice(CHARGES).format(**words)
        return words

    def summary(self, kind: str, words: dict) -> str:
        """One sentence from the type's templates, sometimes two."""
        text = self.rng.choice(TEMPLATES[kind]).format(**words)
        if self.rng.random() < 0.35:
            text += " " + self.rng.choice(SECOND_SENTENCES).format(**words)
        return text[0].upper() + text[1:]

    def gathering(self, kind: str, a: str, b: str, track: Track | None,
                  venue: str) -> tuple[dict[str, list[str]], str | None]:
        """Roles and place of a meeting, call, visit or agreement between sides ``a`` and ``b``."""
        rng = self.rng
        if kind == "visit":
            host = b if rng.random() < 0.6 else self.speaker(b, track, 1.0)
            return {"participants": [self.speaker(a, track, 0.9)], "host": [host]}, self.actors[b].capital
        people = [a, b] if kind == "agreement" else [self.speaker(a, track, 0.85), self.speaker(b, track, 0.85)]
        if kind == "meeting" and rng.random() < 0.3:
            people.append(self.speaker(rng.choice((a, b)), track, 1.0))
        if track is not None and track.mediator and rng.random() < 0.25:
            people.append(track.mediator)
        roles = {"participants": list(dict.fromkeys(people))}
        if kind == "meeting" and rng.random() < 0.3:
            roles["host"] = [roles["participants"].pop(0)]
        return roles, None if kind == "call" else (venue if rng.random() < 0.6 else self.actors[b].capital)

    def directed(self, kind: str, a: str, b: str, track: Track | None,
                 target: str | None) -> tuple[dict[str, list[str]], str | None]:
        """Roles and place of an event that goes from side ``a`` to side ``b``."""
        rng = self.rng
        fighting = kind in FIGHTING
        source = self.speaker(a, track, 0.3 if kind == "claim" else 0 if fighting else 0.55)
        if fighting and rng.random() < 0.5 and f"{a}-armed-forces" in self.actors:
            source = f"{a}-armed-forces"
        elif kind == "assessment":
            monitor = rng.choice(self.monitors)
            source = self.staff[monitor.id].id if monitor.id in self.staff and rng.random() < 0.3 else monitor.id
        elif kind in ("statement", "demand", "accusation", "proposal") and rng.random() < 0.06:
            source = rng.choice(self.collectives).id
        target = target or (b if fighting or kind == "assessment" else self.speaker(b, track, 0.25))
        roles = {"source": [source]}
        if rng.random() < 0.85:
            roles["target"] = [target]
        if "target" not in roles or (target != b and rng.random() < 0.2):
            roles["mentioned"] = [b]
        if fighting:
            return roles, rng.choice(track.towns if track else TOWNS)
        if kind == "statement" and rng.random() < 0.25:
            return roles, self.actors[a].capital
        return roles, None

    def answered(self, track: Track, day: int, side: str) -> Recent | None:
        """A recent proposal or demand of ``track`` for an answer from ``side`` (else from anyone)."""
        pool = [e for k in ("proposal", "counter_proposal", "demand") for e in track.recent.get(k, ())
                if day - 120 <= e.day]
        aimed = [e for e in pool if e.other == side]
        return self.rng.choice(aimed or pool) if pool else None

    def links(self, kind: str, track: Track, day: int, a: str, b: str) -> list[tuple[str, str]]:
        """part_of, supersedes and responds_to links to earlier events of the same track."""
        rng, recent = self.rng, track.recent
        if kind == "meeting" and rng.random() < 0.3:
            if visits := [e for e in recent.get("visit", ()) if day - 2 <= e.day]:
                return [("part_of", visits[-1].id)]
        elif kind == "statement":
            if rng.random() < 0.08 and (meetings := [e for e in recent.get("meeting", ()) if day - 1 <= e.day]):
                return [("part_of", meetings[-1].id)]
            if rng.random() < 0.12 and (pool := [e for k in ("accusation", "threat", "statement", "military_action")
                                                 for e in recent.get(k, ()) if day - 7 <= e.day and e.side == b]):
                return [("responds_to", rng.choice(pool).id)]
        elif kind == "proposal" and rng.random() < 0.1:
            if own := [e for e in recent.get("proposal", ()) if e.side == a]:
                return [("supersedes", own[-1].id)]
        elif kind == "demand" and rng.random() < 0.1 and (plans := recent.get("proposal")):
            return [("part_of", plans[-1].id)]
        return []

    def deny(self, claim: Event, track: Track | None) -> None:
        """The other side's denial of ``claim``, a few days later; the claim becomes disputed."""
        rng = self.rng
        claimant = self.actors[claim.roles["source"][0]]
        other = self.actors[(claim.roles.get("target") or claim.roles["mentioned"])[0]]
        side, other_side = claimant.side or claimant.id, other.side or other.id
        day = min(claim.day + rng.choice((0, 1, 1, 2, 3)), FIRST_DAY + DAYS - 1)
        denier = self.speaker(other_side, track, 0.4)
        words = self.words(track, a=self.actors[denier].short, b=self.actors[side].short, town=claim.location,
                           b_state=self.actors[side].short, b_capital=self.actors[side].capital)
        claim.status = "disputed"
        event = Event(self.new_id(denier, "denial", day), "denial", day, self.date_text(day, "occurred", other_side),
                      "occurred", self.summary("denial", words),
                      {"source": [denier], "target": [side]}, claim.location, related=[("disputes", claim.id)])
        self.finish(event, track, words)

    def status(self, kind: str) -> str:
        if kind not in SYMMETRIC:
            return "occurred"
        roll = self.rng.random()
        return "planned" if roll < PLANNED else "cancelled" if roll < PLANNED + CANCELLED else "occurred"

    def new_id(self, actor: str, kind: str, day: int) -> str:
        base = f"{actor}-{kind.replace('_', '-')}-{date.fromordinal(day):%Y-%m-%d}"
        ident, n = base, 2
        while ident in self.event_ids:
            ident, n = f"{base}-{n}", n + 1
        self.event_ids.add(ident)
        return ident

    def date_text(self, day: int, status: str, side: str) -> str:
        """The event's date as reporting gives it, in a form drawn from PRECISIONS (EDTF)."""
        rng, when = self.rng, date.fromordinal(day)
        form = self.precision(rng)
        if form == "day":
            return when.isoformat()
        if form == "month":
            return f"{when:%Y-%m}"
        if form == "year":
            return f"{when:%Y}"
        if form == "moment":
            return f"{when}T{rng.randint(6, 23):02d}:{rng.choice((0, 0, 15, 30, 45)):02d}{self.actors[side].zone}"
        if form == "interval":
            roll = rng.random()
            if roll < 0.7:
                return f"{when}/{when + timedelta(days=rng.randint(1, 5))}"
            if roll < 0.85:
                return f"{when:%Y-%m}/{when + timedelta(days=rng.randint(3, 40))}"
            return f"{when:%Y-%m}/{date.fromordinal(day + rng.randint(28, 62)):%Y-%m}"
        if form == "qualified":
            return rng.choice((f"{when}?", f"{when}?", f"{when:%Y-%m}~", f"{when}~", f"{when:%Y}~", f"{when:%Y-%m}?"))
        return f"{when}/.." if status == "planned" or rng.random() < 0.2 else f"../{when}"

    def finish(self, event: Event, track: Track | None, words: dict) -> None:
        """Give ``event`` its quotes and sources and add it to the record."""
        rng = self.rng
        if rng.random() < QUOTED.get(event.type, 0.05):
            speakers = event.roles.get("source") or event.roles["participants"]
            event.quotes = [(rng.choice(speakers), rng.choice(QUOTES), None) for _ in range(1 + (rng.random() < 0.2))]
        self.cite(event, track, words)
        if event.quotes and rng.random() < 0.2:
            speaker, text, _ = event.quotes[0]
            event.quotes[0] = (speaker, text, event.sources[0])
        self.events.append(event)

    def cite(self, event: Event, track: Track | None, words: dict) -> None:
        """One to three sources published on or soon after the event; an article covers up to 10 events."""
        rng = self.rng
        pool = track.sources if track is not None else []
        room = self.room
        fresh = [ident for day, ident in pool if event.day <= day <= event.day + 7 and room[ident]]
        roundup = [ident for day, ident in self.latest_sources if event.day <= day <= event.day + 2 and room[ident]]
        for _ in range(rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 2, 3))):
            roll, ident = rng.random(), None
            if fresh and roll < 0.85:
                ident = rng.choice(fresh)
            elif roundup and roll < 0.95:
                ident = rng.choice(roundup)
            if ident is None or ident in event.sources:
                day = event.day + rng.choice((0, 0, 1, 1, 2))
                ident = self.new_source(day, words)
                for recent in (pool, self.latest_sources):
                    recent.append((day, ident))
                    del recent[:-10]
            event.sources.append(ident)
            room[ident] -= 1

    def new_source(self, day: int, words: dict) -> str:
        rng, when = self.rng, date.fromordinal(day)
        publisher = rng.choice(PUBLISHERS)
        ident = f"{slug(publisher)[:24].strip('-')}-{when}-{len(self.sources) + 1}"
        roll = rng.random()
        published = (f"{when}?" if roll < 0.05 else
                     f"{when}T{rng.randint(5, 23):02d}:{rng.randint(0, 59):02d}Z" if roll < 0.1 else when.isoformat())
        source = {"id": ident, "publisher": publisher, "title": rng.choice(HEADLINES).format(**words),
                  "published": published}
        if rng.random() < 0.7:
            source["url"] = f"https://{slug(publisher)}.example/{when:%Y/%m/%d}/{slug(source['title'])[:60]}"
        self.sources.append(source)
        self.room[ident] = rng.randint(2, 10)
        return ident

    def activity(self) -> Counter:
        """Events per actor, over every role."""
        return Counter(actor for event in self.events for actor in dict.fromkeys(
            a for ids in event.roles.values() for a in ids))



# -- writing YAML -------------------------------------------------------------------


def q(value: object) -> str:
    """A YAML flow scalar or sequence: JSON text is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def actor_yaml(actor: Actor) -> str:
    lines = [f"  - id: {actor.id}", f"    name: {q(actor.name)}", f"    kind: {actor.kind}"]
    if actor.title:
        lines.append(f"    title: {q(actor.title)}")
    if actor.affiliation:
        lines.append(f"    affiliation: {actor.affiliation}")
    if actor.aliases:
        lines.append(f"    aliases: {q(actor.aliases)}")
    return "\n".join(lines) + "\n"


def event_yaml(event: Event) -> str:
    lines = [f"  - id: {event.id}", f"    type: {event.type}", f"    date: {q(event.date)}",
             f"    status: {event.status}"]
    if event.location:
        lines.append(f"    location: {q(event.location)}")
    for key in ("participants", "host", "source", "target", "mentioned"):
        if event.roles.get(key):
            lines.append(f"    {key}: [{', '.join(event.roles[key])}]")
    lines.append(f"    summary: {q(event.summary)}")
    if event.quotes:
        lines.append("    quotes:")
        for speaker, text, source in event.quotes:
            cited = f", source: {source}" if source else ""
            lines.append(f"      - {{speaker: {speaker}, text: {q(text)}{cited}}}")
    lines.append(f"    sources: [{', '.join(event.sources)}]")
    if event.related:
        lines.append("    related:")
        lines += [f"      - {{relation: {relation}, event: {target}}}" for relation, target in event.related]
    if event.notes:
        lines.append(f"    notes: {q(event.notes)}")
    return "\n".join(lines) + "\n"


def source_yaml(source: dict) -> str:
    lines = [f"  - id: {source['id']}", f"    publisher: {q(source['publisher'])}",
             f"    title: {q(source['title'])}", f"    published: {q(source['published'])}"]
    if "url" in source:
        lines.append(f"    url: {q(source['url'])}")
    return "\n".join(lines) + "\n"


def header(generator: Generator) -> str:
    return (f"# Synthetic benchmark dataset written by bench/generate.py (seed {generator.seed}, "
            f"{generator.target} events).\n# The events are invented; the names are there to stress the tools.\n")


def event_files(events: list[Event], files: int | None = None) -> dict[str, str]:
    """Event YAML by file name: one file per year, or per month if a year passes MAX_FILE_BYTES.

    ``files``: instead, that many files of consecutive events (``events/part-00001.yaml``, ...), the
    layout of a record kept one file per day or per story.
    """
    if files:
        cuts = [len(events) * n // files for n in range(files + 1)]
        return {f"events/part-{n + 1:05d}.yaml": "events:\n" + "".join(map(event_yaml, events[start:end]))
                for n, (start, end) in enumerate(zip(cuts, cuts[1:])) if end > start}
    chunks: dict[str, list[str]] = {}
    for event in events:
        chunks.setdefault(date.fromordinal(event.day).strftime("%Y-%m"), []).append(event_yaml(event))
    by_year: dict[str, list[str]] = {}
    for month, texts in chunks.items():
        by_year.setdefault(month[:4], []).extend(texts)
    monthly = any(sum(map(len, texts)) * 1.1 > MAX_FILE_BYTES for texts in by_year.values())
    return {f"events/{name}.yaml": "events:\n" + "".join(texts)
            for name, texts in (chunks if monthly else by_year).items()}


def generate(events: int, out: str | Path, seed: int = 1, files: int | None = None, positions: int = 0) -> dict:
    """Write a dataset of ``events`` events to the folder ``out``; return its summary (also in bench.json).

    ``files``: split the events into that many files (see :func:`event_files`). ``positions``: also
    ``negotiation.yaml``, with issues, that many positions and a few plans (:func:`negotiation_yaml`).
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / SUMMARY_FILE).exists():
        raise SystemExit(f"error: {out} has files that generate.py did not write; choose another --out")
    started = time.perf_counter()
    generator = Generator(events, seed)
    files = {"actors.yaml": header(generator) + "dataset:\n"
             f"  title: {q(f'Invented negotiations, {events:,} events (test data)')}\n"   # a chart's headline
             f"  description: Invented negotiations between real and fictional actors, for benchmarks only "
             f"(bench/generate.py, seed {seed}).\n"
             "actors:\n" + "".join(map(actor_yaml, generator.actors.values())),
             "sources.yaml": header(generator) + "sources:\n" + "".join(map(source_yaml, generator.sources)),
             **event_files(generator.events, files)}
    if positions:
        files["negotiation.yaml"] = header(generator) + negotiation_yaml(generator, positions, seed)
    for old in [*out.glob("events/*.yaml"), *out.glob("negotiation.yaml")]:
        old.unlink()
    (out / "events").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    (most_active, count), = generator.activity().most_common(1)
    summary = {"generator": "bench/generate.py", "seed": seed, "events": len(generator.events),
               "actors": len(generator.actors), "sources": len(generator.sources), "files": sorted(files),
               "bytes": sum(len(text.encode()) for text in files.values()),
               "most_active": most_active, "most_active_events": count,
               "seconds": round(time.perf_counter() - started, 2)}
    (out / SUMMARY_FILE).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


# -- issues, positions and plans (--positions N) --------------------------------------

#: The issues of the synthetic negotiation: (id, name, parent, proposition).
ISSUES = (
    ("territory", "Territory", None, "The defending side cedes territory"),
    ("front-line", "The front line", "territory", "The line of contact becomes the border"),
    ("north", "Northern region", "territory", "The defending side withdraws from the northern region"),
    ("south", "Southern region", "territory", "The defending side withdraws from the southern region"),
    ("coast", "The coast", "territory", "The coast is demilitarised"),
    ("alliance", "Alliance membership", None, "The defending side renounces alliance membership"),
    ("guarantees", "Security guarantees", None, "Third states guarantee the settlement"),
    ("peacekeepers", "Peacekeepers", "guarantees", "Foreign peacekeepers are stationed along the line"),
    ("army-cap", "Cap on the army", "guarantees", "The defending side's army is capped"),
    ("sanctions", "Sanctions", None, "Sanctions are lifted"),
    ("frozen-assets", "Frozen assets", "sanctions", "Frozen state assets are returned"),
    ("energy", "Energy exports", "sanctions", "Energy exports resume"),
    ("ceasefire", "Ceasefire", None, "A ceasefire comes before a settlement"),
    ("prisoners", "Prisoner exchange", "ceasefire", "All prisoners are exchanged"),
    ("grain", "Grain corridor", "ceasefire", "Grain ships pass unhindered"),
    ("nuclear-plant", "The nuclear plant", None, "The nuclear plant is handed to a neutral operator"),
    ("elections", "Elections", None, "Elections are held within a year"),
    ("language", "Language rights", None, "Minority language rights are written into law"),
    ("reparations", "Reparations", None, "Reparations are paid for the damage"),
    ("tribunal", "Tribunal", "reparations", "A tribunal tries the crime of aggression"),
)
STANCES = ("demands", "accepts", "open_to", "undecided", "rejects", "red_line")


def negotiation_yaml(generator: Generator, positions: int, seed: int) -> str:
    """``negotiation.yaml``: the :data:`ISSUES`, ``positions`` positions and three plans of two or three versions.

    Each position is taken by an actor of a random event (not one merely mentioned) on that event's day
    (a fifth of them dated by the month, one in twenty open at the start: 'by' the day); two in five rest on
    the event, the rest cite one of its sources; one in twenty is a claim of one of the other actors. Drawn
    from a random generator of its own, so the events are the same with or without positions.
    """
    rng = random.Random(seed * 7919 + positions)
    lines = ["issues:"] + [f"  - {{id: {ident}, name: {q(name)}, proposition: {q(text)}"
                           f"{f', parent: {parent}' if parent else ''}}}" for ident, name, parent, text in ISSUES]
    lines.append("positions:")
    for n in range(positions):
        event = rng.choice(generator.events)
        acting = list(dict.fromkeys(a for role, ids in event.roles.items() if role != "mentioned" for a in ids))
        actor, day = rng.choice(acting), date.fromordinal(event.day)
        issue, stance, form = rng.choice(ISSUES)[0], rng.choice(STANCES), rng.random()
        when = day.strftime("%Y-%m") if form < 0.2 else f"../{day.isoformat()}" if form < 0.25 else day.isoformat()
        statement = f"{the(generator.actors[actor].name)}: {stance.replace('_', ' ')} on {issue}."
        fields = [f"id: position-{n + 1:06d}", f"actor: {actor}", f"issue: {issue}", f"stance: {stance}",
                  f"date: {q(when)}", f"statement: {q(statement)}"]
        fields.append(f"event: {event.id}" if form >= 0.25 and rng.random() < 0.4 and event.sources
                      else f"sources: [{rng.choice(event.sources or [s['id'] for s in generator.sources[:1]])}]")
        others = [a for a in acting if a != actor]
        if others and rng.random() < 0.05:
            fields.append(f"claimed_by: [{rng.choice(others)}]")
        lines.append(f"  - {{{', '.join(fields)}}}")
    lines.append("plans:")
    for p in range(3):
        lines += [f"  - id: plan-{p + 1}", f"    name: {q(f'Peace plan {p + 1}')}", "    versions:"]
        for v in range(2 + p % 2):
            event = rng.choice(generator.events)
            points = ", ".join(f"{{number: {k + 1}, key: {ident}, text: {q(f'{text} (draft {v + 1}).')}}}"
                               for k, (ident, _, _, text) in enumerate(rng.sample(ISSUES, 6)))
            lines += [f"      - id: plan-{p + 1}-v{v + 1}", f"        name: {q(f'Draft {v + 1}')}",
                      f"        date: {q(date.fromordinal(FIRST_DAY + (v + 1) * DAYS // 4 + p).isoformat())}",
                      f"        drafted_by: [{event.roles[next(iter(event.roles))][0]}]",
                      f"        sources: [{generator.sources[rng.randrange(len(generator.sources))]['id']}]",
                      f"        points: [{points}]"]
    return "\n".join(lines) + "\n"


def size(text: str) -> int:
    """'1k' -> 1000, '2.5k' -> 2500, '1m' -> 1000000, '300' -> 300."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 1k, 10k, 2500)")
    return round(float(match[1]) * {"": 1, "k": 1000, "m": 1000000}[match[2]])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--events", type=size, help="number of events (1k, 2500, ...)")
    group.add_argument("--preset", help="1k, 10k or 100k: that many events, written to bench/data/<preset>")
    parser.add_argument("--out", type=Path, help="folder to write (default with --preset: bench/data/<preset>)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--files", type=int, help="split the events into this many files (default: per year "
                                                  "or month); 2034 makes the 2,036-file layout of issue 18")
    parser.add_argument("--positions", type=size, default=0,
                        help="also write negotiation.yaml: 20 issues, this many positions, 3 plans (e.g. 5000)")
    args = parser.parse_args(argv)
    if args.preset:
        args.events, args.out = size(args.preset), args.out or DATA_DIR / args.preset
    elif args.out is None:
        parser.error("--out is required with --events")
    summary = generate(args.events, args.out, args.seed, args.files, args.positions)
    print(f"{args.out}: {summary['events']} events, {summary['actors']} actors, {summary['sources']} sources, "
          f"{len(summary['files'])} files, {summary['bytes'] / 2**20:.1f} MB in {summary['seconds']:.1f} s; "
          f"most active: {summary['most_active']} ({summary['most_active_events']} events)")


if __name__ == "__main__":
    sys.exit(main())
