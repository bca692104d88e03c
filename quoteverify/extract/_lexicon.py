"""Word lists and small regexes shared by the mark finder and the speaker finder.

Everything here is data: the rules that use it live in ``_marks`` and ``_speakers``.
"""

from __future__ import annotations

import re

from quoteverify._lazyre import lazy

# Reporting verbs, finite forms.  "“Q,” X said" / "X told reporters: “Q”".
_CUE_WORDS = """
said says say told tells tell wrote writes write tweeted tweets posted posts added adds
warned warns insisted insists stressed stresses claimed claims argued argues noted notes
explained explains continued continues stated states declared declares announced announces
asked asks replied replies responded responds answered answers acknowledged acknowledges
admitted admits recalled recalls remarked remarks observed observes commented comments
conceded concedes contended contends emphasized emphasizes emphasised emphasises asserted
asserts urged urges cautioned cautions predicted predicts suggested suggests shouted shouts
yelled yells cried whispered whispers quipped quips joked jokes boasted boasts complained
complains lamented laments testified testifies confirmed confirms denied denies revealed
reveals agreed agrees countered counters retorted retorts vowed vows pledged pledges
promised promises affirmed affirms maintained maintains reiterated reiterates concluded
concludes wondered wonders mused muses charged charges alleged alleges underlined underlines
opined opines praised praises welcomed welcomes hailed hails applauded applauds
criticized criticised criticizes criticises slammed slams blasted blasts thanked thanks
chanted chants chant sang demanded demands accused accuses
reported exclaimed interjected interrupted scoffed snapped pleaded begged recounted
reads cited cites recommended recommends
reflected reflects mentioned mentions expressed expresses highlighted highlights shared shares
reasoned reasons summarized summarizes summarised summarises
proclaimed proclaims admit taught teaches teach reminded reminds
""".split()
# Words before "reports" that make it a noun, not a cue.
_NOUN_BEFORE = (
    "on On of to the The by in from about amid after with these those such and or no despite media"
).split()
_CUE_PHRASES = [
    r"(?:was|is|were|are)\s+quoted\s+as\s+saying",
    r"pointed\s+out",
    # "As Dorothy Amis, a retired teacher, put it to me: “…”", "as he put it".
    r"puts?\s+it",
    r"points\s+out",
    r"went\s+on",
    r"goes\s+on",
    r"spoke\s+out",
    r"(?:chimed|weighed)\s+in",
    # "Meanwhile, The Washington Post reports: “…”" (2025-05-05), "“…,” local news
    # reports" (2025-08-21), "‘like the autumn leaves,’ AAA reports" (2025-10-17) – but
    # the noun after a preposition or determiner is none: "On reports that North Korea
    # is sending soldiers …, she struck a cautious tone" (briefing, 2024-10).  The
    # look-behinds follow the "r" so that the phrase still starts with a lower-case
    # letter (``_CUE_FIRST``).
    "r" + "".join(rf"(?<!\b{w}\sr)" for w in _NOUN_BEFORE) + "eports",
    # Issuing a statement is saying it: "The Steel Manufacturers Association released
    # a statement applauding “President Trump for …”" (White House, 2025-02-14); "U.S.
    # Senator John Cornyn, Republican from Texas, issued a statement regarding the
    # rejection of Johnson Space Center … "Like many Texans, I am disappointed …""
    # (Wikinews, 2011); "President Biden is among those reacting to the announcement,
    # releasing the following statement: “…”" (White House, 2022-10-05).
    r"(?:issued|issues|released|releases|put\s+out|puts\s+out)\s+(?:a|an|the(?:\s+following)?)"
    r"\s+(?:(?:joint|written|brief|short)\s+)?statement",
    # "They call for “urgent implementation of …”" (the report's authors).
    r"call(?:s|ed)?\s+for",
    # Progressive forms: "Airline CEOs are demanding that …", "he is warning".
    r"(?:is|are|was|were|been)\s+(?:saying|demanding|warning|insisting|arguing|claiming|"
    r"telling|asking|urging|chanting|calling\s+for|accusing)",
    # Cues of quotations left in the original language: « … », a déclaré X;
    # „…“, sagte X; «…», dijo X; “…”, ha detto X.
    r"a\s+(?:déclaré|dit|affirmé|ajouté|expliqué|estimé|souligné|indiqué|assuré|lancé|"
    r"répondu|précisé)",
    r"(?:sagte|sagt|erklärte|betonte|fügte\s+hinzu)",
    r"(?:dijo|afirmó|declaró|señaló|explicó|añadió|aseguró)",
    r"ha\s+(?:detto|dichiarato|aggiunto|spiegato|affermato)",
]
# Cue extensions kept in ``Quote.cue``: "told reporters", "said in a statement".
CUE_EXTENSION = re.compile(
    r"\s+(?:reporters|journalists|the\s+press|the\s+media|in\s+a\s+(?:statement|post|tweet|"
    r"letter|video|interview|speech|press\s+release|news\s+release))\b"
)


def _trie(words: list[str]) -> str:
    """An alternation as a prefix tree: "sa(?:id|ys?)" rather than "said|says|say".

    Python's engine tries a flat alternation word by word at every position; the
    tree rejects most positions on the first letter (the cue search ran over
    every sentence before a quotation and was the extractor's hottest loop)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return emit(tree)


# Every cue word and phrase starts with a lower-case ASCII letter ("said",
# "pointed out", "a déclaré"): the look-ahead lets the engine skip to such letters
# before trying the alternation (the cue scan of 1 MB runs in half the time).
_CUE_FIRST = r"(?=[a-z])"
CUE = lazy(
    _CUE_FIRST + r"\b(?:" + "|".join(_CUE_PHRASES) + "|" + _trie(sorted(set(_CUE_WORDS))) + r")\b"
)
# Participles that introduce a quote after a comma: "He hit back, saying: “Q”".
# Not after a hyphen or slash: "beneficial-ownership-reporting/" in a URL left
# unmasked is no cue.
PARTICIPLE_CUE = lazy(
    r"(?=[a-z])(?<![\-/])\b(?:saying|adding|noting|writing|telling|arguing|warning|explaining|insisting|"
    r"stressing|declaring|claiming|asking|tweeting|posting|chanting|demanding|accusing|"
    r"stating|reporting|recommending|promising|urging|sharing|reflecting|emphasizing|"
    r"emphasising|highlighting|acknowledging|recalling|vowing|pledging|"
    r"(?:releasing|issuing)\s+(?:a|an|the(?:\s+following)?)\s+statement)\b"
)
# Verbs that attribute a short embedded phrase but are not reporting verbs:
# "He called the deal “a disaster”" → fragment of "He".
# Verbs of judging that take "as" before the quoted words attribute them too:
# "The festival had promoted it as a “bold reimagining”", "she dismissed the
# report as “fiction”".  ``$`` is the quotation's opening mark (the search ends there).
INDIRECT_ONLY_CUE = lazy(
    r"(?=[a-z])\b(?:called|calls|calling|described|describes|describing|"
    # Speech acts whose object is the speaker's own phrase: "Rep. Max Frost compared
    # ICE operations to “…”", "McIver incited people to “shut down the city”",
    # "Lynch smeared ICE agents as “the Gestapo”" (White House, 2025-09-26);
    # "bragged about “not participating in immigration enforcement”" (2025-04-15).
    r"compared|compares|likened|likens|smeared|smears|mocked|mocks|ridiculed|ridicules|"
    r"condemned|condemns|decried|decries|lambasted|lambasts|incited|incites|bragged|"
    r"brags|threatened|threatens|"
    r"(?:promoted|promotes|promoting|billed|bills|touted|touts|characteri[sz]ed|"
    r"characteri[sz]es|portrayed|portrays|pitched|pitches|dismissed|dismisses|derided|"
    r"derides|hailed|hails|praised|praises|branded|brands|labell?ed|labels|framed|frames|"
    r"marketed|markets|presented|presents|cast|casts|rejected|rejects|denounced|denounces|"
    # "President Joe Biden on Tuesday termed Air India’s $34 billion order for 220
    # Boeing planes as a “historic” deal" (International Business Times, quoted by
    # the White House, 2023-02-15).
    r"termed|terms|"
    # Verbs of disparaging, and the participles of the verbs of judging: "Democrats
    # have spent years vilifying ICE as “fascists,”", "Rep. Delia Ramirez attacked
    # ICE as “a terror force.”" (White House, 2025-09-26).
    r"vilified|vilifies|vilifying|attacked|attacks|attacking|demonized|demonizes|"
    r"demonizing|maligned|maligns|maligning|smearing|branding|labell?ing|deriding|"
    r"dismissing|portraying|characteri[sz]ing|denouncing|touting|hailing|praising)"
    # A possessive before the quoted words: "described himself as Summers’ “wing
    # man”" (2025-11-17).
    r"(?=[^.!?;“”\"«»]{0,80}\bas\s+(?:(?:an?|the|both|its|their|his|her)\s+)?"
    r"(?:[A-Z][\w.\-]*(?:’s|'s|’|')\s+)?$)|"
    # "Rep. Sylvia Garcia referred to ICE agents as “thugs.”" (White House, 2025-09-26
    # and 2026-01-09), "NPR disparagingly referred to pro-life Americans … as “…”"
    # (2025-05-02): an object between "to" and "as"; "often referred to as “ghost
    # guns”" and "hereinafter referred to … as “a Party”" name a term.
    r"(?<!hereinafter\s)(?<!often\s)(?:referred|refers|referring)(?=\s+to\s+(?!as\b)"
    r"[^.!?;“”\"«»]{1,80}\bas\s+(?:(?:an?|the)\s+)?$)|"
    # Exhortations whose object is told to do the quoted words: "Mrs. Trump encouraged
    # participating representatives … to “come together to prioritize America’s
    # children…”" (2026-04-23), "inviting Americans to “celebrate everyone who dares to
    # think differently”" (First Lady, 2025), "implored …", "called on … to “…”".
    r"(?:encouraged|encourages|encouraging|implored|implores|imploring|invited|invites|"
    r"inviting|challenged|challenges|called\s+on|calls\s+on|calling\s+on|"
    # Directives, whose words the quotation gives from the order itself: "President
    # Trump directed the heads of all executive departments and agencies to “deliver
    # emergency price relief …”" (2025-02-20, 2025-03-04), "I directed the Department
    # of Homeland Security to take all appropriate actions to “preserve and fortify”
    # DACA" (statements of 2023-06-15, 2024-05-03, 2024-06-15), "the National Space
    # Council directed NASA to “develop a plan …”" (2023-12-20). Not "orders": the
    # plural noun ("signed executive orders to …") made the signer or the
    # recipient of the orders the speaker. Nor the passive: "All executive departments
    # and agencies are directed to take all appropriate measures" (executive orders
    # on Belarus and on a disaster): the one directed does not speak.
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?:directed|directs|directing|instructed|instructs|instructing|ordered))"
    r"(?=[^.!?;“”\"«»]{0,100}\bto\s+$))\b"
)
# "According to X, …" and its literary twin "In the words of X, …".
ACCORDING_TO = re.compile(r"(?=[aAiI])\b(?:according\s+to|in\s+the\s+words\s+of)\b", re.IGNORECASE)

# Words right before a quotation mark that make the quoted words a name, a
# title or a term rather than a quotation: goes by the name “Shorty”, the word
# “rigged”, the film “Meet the Press”, the so-called “freedom convoy”.
# A noun of a work takes no "as": "the book “Lowland”" names a title, but
# "described the new book as “your most personal yet”" quotes a judgement.
SCARE_GUARD = lazy(
    r"(?:\b(?:(?:called|dubbed|nicknamed|known\s+as|so-called|so\s+called|named|the\s+name|"
    r"titled|entitled|labell?ed|branded|the\s+words?|the\s+terms?|the\s+phrase|"
    r"the\s+slogan|the\s+hashtag|the\s+expression|the\s+label|the\s+motto|"
    # "the definition of “electronic communications service provider”" (2024-04-17),
    # "the definition of “racketeering activity”", "… of “lawful presence,”": a term.
    r"definitions?)"
    r"(?:\s+(?:the|a|an|of|as))?|"
    r"(?:book|books|film|films|movie|song|album|show|series|novel|poem|headline|"
    r"documentary|play|programme|program|podcast|episode|campaign|operation|Operation|"
    r"article|column|op-ed|essay|report|newspaper|magazine|exhibition|painting)"
    r"(?:\s+(?:the|a|an|of))?))\s*[*_]*\s*$"
)

# The words SCARE_GUARD can end on (before an optional "the"/"a"/"of"/"as"): a
# set look-up on the last two words skips the regex for most quotations.
SCARE_GUARD_LAST = frozenset(
    """
called dubbed nicknamed as so-called named name titled entitled labelled labeled
branded word words term terms phrase slogan hashtag expression label motto book books film
films movie song album show series novel poem headline documentary play programme program
podcast episode campaign operation Operation article column op-ed essay report newspaper
magazine exhibition painting definition definitions the a an of
""".split()
)


# Title words (capitalised) that precede a person's name: "US Secretary of
# State Antony Blinken" → title "US Secretary of State", name "Antony Blinken";
# party labels too: "Democrat Karen Halvorsen" is Karen Halvorsen; "Counselor to the
# President Steve Ricchetti", "Senior Counselor Peter Navarro" (White House releases
# and Sunday-show round-ups, 2025-04-06 and 2025-04-13).
TITLE_WORDS = frozenset(
    """
President Vice Secretary Minister Prime Foreign Ambassador Senator Sen. Rep. Representative
Congressman Congresswoman Gov. Governor Mayor Chairman Chairwoman Chair Chairperson CEO CFO
COO CTO Founder Co-Founder Cofounder Director Administrator Commissioner Chief Executive
General Gen. Admiral Adm. Colonel Col. Lt. Lieutenant Captain Capt. Sergeant Sgt. Major Maj.
Dr. Mr. Mrs. Ms. Miss Prof. Professor Rev. Reverend Father Judge Justice Attorney Speaker
Leader Spokesman Spokeswoman Spokesperson Press Advisor Adviser Coordinator Deputy Assistant
Special Officer Head King Queen Prince Princess Pope Sheikh Chancellor Premier Envoy
Inspector Superintendent Sheriff Commander Marshal Manager Partner Owner Member Treasurer
Lord Lady Sir Dame Bishop Cardinal Rabbi Imam Coach Councilman Councilwoman Councillor
Councilor Delegate Del. Whip Surgeon Principal Dean Chairs Sec. Supt. Amb. Pres. Cmdr. Sen Rep
Gov Dr Mr Mrs Ms Prof Lt Col Gen Capt Sgt Maj Adm Rev Economist Analyst Counsel Trustee
Counselor Counsellor
Producer Editor Correspondent Physician Nurse Pastor Farmer Rancher
Czar
Democrat Republican
""".split()
)
# Role nouns (lower case) a person is referred to by: "the ambassador", "the
# president", "a homeless man", "the country’s ambassador to Ankara"; the people
# a round-up quotes anonymously: "said a traveler at Denver International Airport"
# (White House, 2025-11-07), "said a Memphis mom" (2025-09-15), "says a visitor to
# the nation’s capital" (2025-08-11).
ROLE_WORDS = frozenset(
    """
president secretary minister ambassador senator representative congressman congresswoman
governor mayor chairman chairwoman chair ceo founder director administrator commissioner
chief executive general admiral colonel captain sergeant major doctor professor judge
justice attorney lawyer speaker leader spokesman spokeswoman spokesperson adviser advisor
coordinator deputy assistant officer head king queen prince princess pope chancellor
premier envoy diplomat inspector sheriff commander manager owner member economist analyst
expert official man woman boy girl resident witness worker mother father teacher nurse
student farmer driver survivor victim soldier neighbour neighbor friend
researcher scientist activist organiser organizer protester journalist reporter
correspondent source aide lawmaker legislator prosecutor defendant candidate
poster blogger commenter
anchor anchorman anchorwoman newscaster presenter commentator pundit narrator moderator
waitress waiter bartender server cashier chef cook mechanic electrician plumber carpenter
trucker retiree veteran parent grandmother grandfather pastor priest firefighter paramedic
pilot controller engineer entrepreneur shopper customer consumer voter taxpayer homeowner
landlord tenant employee employer miner welder builder contractor accountant banker
investor trader dentist pharmacist physician surgeon athlete player coach rancher
auditor reader listener viewer caller councillor councilor councilman councilwoman alderman
consultant critic reviewer author writer novelist columnist editor publisher producer actor
actress historian scholar academic epidemiologist pediatrician paediatrician
psychologist therapist counselor counsellor detective investigator clerk treasurer mediator
negotiator referee fan agent broker vendor volunteer lecturer physicist
biologist chemist geologist meteorologist forecaster climatologist ecologist statistician
archivist curator librarian principal superintendent trustee strategist pollster
sister brother son daughter wife husband aunt uncle cousin grandson granddaughter niece nephew
widow widower fiancee fiance girlfriend boyfriend stepfather stepmother sibling
traveler traveller visitor passenger mom dad
""".split()
)
# Plural nouns that make a group speaker: "security experts say", "officials said";
# and "news", an outlet unnamed: "“…,” local news reports" (White House 2025-08-21),
# "In northern Mexico, local news reports the flow … has “decreased enormously”"
# (2025-02-21).
GROUP_WORDS = frozenset(
    """
experts officials analysts protesters protestors residents witnesses critics lawmakers
legislators sources observers activists authorities diplomats members leaders people
scientists researchers economists doctors students workers farmers investigators
prosecutors police officers soldiers troops organisers organizers campaigners supporters
opponents voters villagers locals citizens demonstrators participants executives
spokespeople spokespersons aides advisers advisors politicians ministers senators
representatives negotiators commentators historians scholars teachers parents families
victims survivors employees staff managers owners investors traders bankers unions
groups agencies companies firms organizations organisations governments medics rescuers
militants rebels fighters insiders neighbours neighbors ceos chiefs founders retirees
veterans taxpayers consumers customers shoppers pilots controllers nurses
crowd crowds audience fans spectators marchers mourners authors readers councillors
councilors commissioners auditors consultants
passengers travelers travellers commuters patients recipients drivers
news
""".split()
)
# Organisation heads (capitalised, inside a name): "the Russian Foreign Ministry".
ORG_WORDS = frozenset(
    """
Ministry Department Office Council Committee Commission Association Federation Chamber
Company Corporation Corp. Corp Inc. Inc LLC Ltd Ltd. Agency Administration Government
Party Bureau Union House Kremlin Pentagon Embassy Institute Foundation Bank Organization
Organisation Coalition Alliance Network Group Society Board Authority Service Services
Court Police Army Navy Forces Force University College School Center Centre Club League
Airlines Airways Times Post News Journal Tribune Guardian Telegraph Fund Trust Industries
Motors Systems Technologies Labs Media Television Radio Senate Congress Parliament Cabinet
Secretariat Directorate Command Guard Assembly Tribunal Caucus Roundtable Press
Monde Reuters Brands Growers Producers Manufacturers
Builders Workers Teamsters Brotherhood Conference Partnership Project Initiative Campaign
Co. Holdings Bloc Front Movement
Gazette Herald Chronicle Inquirer Examiner Courier Bulletin Magazine Review Globe Mail
""".split()
)
# Single words that name an organisation (or a government by its capital).
ORG_SINGLE = frozenset(
    """
Kremlin Pentagon Reuters AFP AP NATO UN EU Google Amazon Apple Microsoft Meta Tesla
Facebook Twitter Hamas Hezbollah Taliban Moscow Washington Beijing Kyiv Kiev Tehran Ankara
Astana Paris London Berlin Brussels Tokyo Seoul Pyongyang Jerusalem Damascus Baghdad Kabul
Interfax TASS Xinhua OpenAI Nvidia Boeing Airbus Ukraine Russia China Iran Israel
Bloomberg CNN MSNBC NPR PBS Politico Axios BBC CBS NBC ABC CNBC Breitbart Newsmax HuffPost Semafor
""".split()
)
# Lower-case organisation nouns: "the company said", "the ministry added"; "the
# media" as one speaker: "Even the media admits the U.S. economy is “regaining its
# swagger”" (2025-07-21), "The media smeared DOGE as “young, inexperienced
# engineers”" (2025-04-29).
ORG_NOUNS = frozenset(
    """
company ministry government agency department firm office embassy council committee
commission bank group organisation organization association federation union party
administration kremlin court board campaign charity team club network channel newspaper
broadcaster airline manufacturer retailer regulator watchdog authority army military police
festival museum theatre theater orchestra library hospital school university college district
city county port airport utility studio station zoo church diocese prison publisher label
institute foundation trust society chamber media
""".split()
)
# Documents quoted as sources: "According to the port’s own forecast, “…”",
# "the report said", "the ministry’s statement read".
DOC_NOUNS = frozenset(
    """
forecast forecasts report study survey statement analysis memo memorandum letter filing
complaint lawsuit ruling indictment audit review poll estimate estimates projections
assessment guidance document documents records minutes transcript affidavit verdict
judgment judgement decision order petition brief summary message post sign notice
editorial commercial advert advertisement voice-over
""".split()
)
PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "organization",
    "we": "group",
    "i": "person",
}

# Capitalised words that start sentences and so must not be taken for names.
COMMON_CAPS = frozenset(
    """
The A An In On At However But And Or Nor Of For Meanwhile After Before When While This That
These Those It He She They We I His Her Their Its As If Why What How Who Where So Then
Also Other Some Many Both Each All Stating According Furthermore Subsequently Moreover
Still Yet Since Although Though Because During Despite With Without From To By Under
Over Here There Now Today Yesterday Tomorrow Last Next Our My Your Instead Indeed Even
Only Just Not No Yes Thus Hence Therefore Besides Finally First Second Third Later Earlier
Asked Speaking Writing Addressing Responding Among Between Against About Around Through
Until Unlike Like Such Several Most More Less Few Every Any Either Neither Whether Once
Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could Should May Might
Must Shall Let Please Thank Thanks Mr Mrs Ms Dr
""".split()
)
# Prepositions: a name right after one is not the speaker ("ambassador to Ankara").
PREPOSITIONS = frozenset(
    "to of in at from for with by on about against over into onto under near than via".split()
)
# Words that open an aside between a speaker and the cue:
# "Tokayev, for his part, said" / "Hill, who replaced Farron in July, said".
ASIDE_START = lazy(
    r"^(?:for|in|on|at|who|whom|whose|which|meanwhile|however|too|also|though|speaking|"
    r"when|while|after|before|during|citing|according|as|from|with|by|later|earlier|"
    r"then|now|again|once|instead|in\s+turn|responding|addressing|referring|writing|"
    r"[0-9]+|Jr\.?|Sr\.?|[A-Z]\.(?:[A-Z]\.)+|Ph\.?D\.?|M\.?D\.?|Esq\.?|III|II|IV)\b"
    # A party and state (AP style): "Congresswoman Terri Sewell, D-Alabama," (2022-07-02),
    # "U.S. Sen. Jon Ossoff, D-Ga.," (2023-04-17) – an aside, never the speaker.
    r"|^[DRI]-[A-Z][\w.\-]*"
)
ABBREVIATIONS = frozenset(
    """
mr mrs ms dr st sen rep gov gen lt col sgt capt prof rev jr sr adm maj cmdr pres supt amb
sec no vs etc inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s
u.k u.n e.g i.e approx dept est
""".split()
)


# Small words a title leaves in lower case; "n" is the ’n’ of "Rock ’n’ Roll Heart".
TITLE_CASE_SMALL = frozenset(
    "a an the of and or nor but for to in into onto on at by with from as via per vs n".split()
)

# Capitalised words that name a day or month, not a person: a split quotation's
# gap "“Q1,” Smith said on Monday, “Q2”" names nobody else.
DATE_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)

# Capitalised words that open a sentence or a label as a number, or name a US
# state: never a speaker by themselves ("In Colorado, Denver Health announced",
# "[Tupelo, Mississippi](…): “…”", "One participant added").
NUMBER_WORDS = frozenset(
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands "
    "Millions".split()
)
US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming""".split()
) | frozenset(
    [
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
        "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
    ]
)  # fmt: skip
# Labels of a fact-check or a list, not names: "FACT: New York Times made no
# mention …", "UPDATE:", "MYTH:" (White House round-ups).
LABEL_WORDS = frozenset(
    "FACT FACTS MYTH REALITY NOTE UPDATE BREAKING WATCH READ HOAX CLAIM TRUTH WRONG".split()
)
# A release's genre before the colon of its title: "MYTHBUSTER: One Big Beautiful Bill
# Cuts Spending …" (2025-06-05), "Fact Sheet: The United States-Ireland Partnership"
# (2021-03-17), "FACT SHEET:" (312 White House titles), "ICYMI:", "Readout:".
GENRE_LABELS = frozenset(
    """MYTHBUSTER ICYMI MEMO READOUT Readout""".split()
) | frozenset(
    ["Fact Sheet", "FACT SHEET", "SUNDAY SHOWS", "Sunday Shows", "Press Release",
     "TRUMP EFFECT", "STATE FACT SHEETS", "WHAT THEY ARE SAYING", "EXECUTIVE SUMMARY"]
)  # fmt: skip
NOT_SPEAKERS = DATE_WORDS | NUMBER_WORDS | US_STATES | LABEL_WORDS | GENRE_LABELS

# The head nouns of events, days and laws: "Memorial Day", "Yom Kippur War", "American
# Rescue Plan", "Inflation Reduction Act", "his second Inaugural Address".
EVENT_HEADS = frozenset(
    "Day Week Month War Act Plan Bill Address Olympics Games Anniversary Holiday".split()
)


def event_name(name: str) -> bool:
    """A name whose head is an event, a day or a law is not what "he", "she" or "I"
    stand for (issue 11, class 2): remarks resolved "she said" to "Yom Kippur War"
    (2023-10-10), "he asked" to "Memorial Day" (2023-05-29), "I said" to "American
    Rescue Plan" (2022-12-06, 2023-02-14) and "Valentine’s Day" (2021-11-22,
    2022-03-02). A law or plan may still speak as a document ("Rochester’s 2040
    Comprehensive Plan, calls for “…”", 2022-10-07).

    >>> event_name("Yom Kippur War"), event_name("Inflation Reduction Act")
    (True, True)
    >>> event_name("Tom Vilsack"), event_name("Day")
    (False, False)
    """
    words = name.split()
    return len(words) >= 2 and words[-1] in EVENT_HEADS


# Surname endings that look like adverbs: Connolly, Kelly, Donnelly, Reilly, Beverly,
# Kimberly, Emily.
_LY_NAME_END = ("olly", "elly", "illy", "erly", "ily")


def sentence_adverb(name: str) -> bool:
    """A sentence adverb opening the clause is no speaker (issue 11, class 2):
    "Likewise, Nia Malika-Henderson on CNN ridiculously asked, “…”" (White House,
    2025-04-11); "Seriously, …", "Actually, …", "Unfortunately, …" before "I said" in
    remarks (2023-12-20, 2025-02-20, 2023-06-01). A capitalised word in "-ly" is
    such an adverb unless it ends like a surname or a first name (Kelly, Connolly,
    Emily), "-ily" counting from seven letters ("Luckily", not "Emily"), "-ally" from
    six ("Really", not "Sally"). The caller checks the comma that sets it off: a
    surname may end so too (Saparbekuly, the seed).

    >>> [sentence_adverb(w) for w in ("Likewise", "Actually", "Kelly", "Sally", "Luckily")]
    [True, True, False, False, True]
    """
    if name in ("Likewise", "Moreover", "Furthermore", "Indeed", "Otherwise"):
        return True
    if not (name[:1].isupper() and name[1:].islower() and name.isalpha() and name.endswith("ly")):
        return False
    if name.endswith("ily"):
        return len(name) >= 7
    if name.endswith("ally"):
        return len(name) >= 6
    return len(name) >= 5 and not name.endswith(_LY_NAME_END)


# A chant or cry named by its noun: "sent the home end into a chorus of “Hammer
# time!”", "chants of “Lock him up” from the crowd", "the crowd broke into cries of".
CHANT_NOUN = (
    r"(?i:chorus|chant|chants|cry|cries|shout|shouts|cheer|cheers|roar|roars|boos|refrain|"
    r"chanting|singing)"
)

FEMALE_TITLES = frozenset(
    "Mrs. Mrs Ms. Ms Miss Lady Dame Queen Princess Sister Congresswoman Chairwoman "
    "Spokeswoman Councilwoman".split()
)

MALE_TITLES = frozenset(
    "Mr. Mr Sir Lord King Prince Father Congressman Chairman Spokesman Councilman Brother".split()
)
# Gendered role nouns of an appositive: "His daughter, Sally, was already on the dock"
# makes Sally "she" (feature h2-09), "her husband, Tom," makes Tom "he".
FEMALE_ROLES = frozenset(
    "daughter wife mother sister aunt niece grandmother granddaughter widow woman girl "
    "actress waitress spokeswoman chairwoman congresswoman councilwoman girlfriend "
    "fiancee stepmother".split()
)
MALE_ROLES = frozenset(
    "son husband father brother uncle nephew grandfather grandson widower man boy actor "
    "waiter spokesman chairman congressman councilman boyfriend fiance stepfather".split()
)

# Sentence-opening words that also open a title: "First Lady", "First Minister".
TITLE_OPENERS = frozenset({"First", "Second", "Third"})

# Job words that are no title word but open "Driver Keith Pryor" at a sentence start.
JOB_NOUNS = ROLE_WORDS | frozenset(
    """
striker midfielder defender goalkeeper winger forward quarterback pitcher playwright novelist
author writer poet artist singer actor actress musician violinist cellist pianist composer
conductor historian photographer designer architect detective constable trooper volunteer
organiser campaigner
""".split()
)

# Auxiliaries and adverbs between a speaker and the cue: "the lead actor [had]
# described", "Smith [also] told", "the mayor [has since] said".
AUX_WORDS = frozenset(
    """had has have was were is are also later then once again previously repeatedly recently
    earlier already never often publicly privately would will could may might did does do
    reportedly famously first initially subsequently separately still just even since
    himself herself itself themselves""".split()
)

PROXY_WORDS = frozenset(
    """office spokesman spokeswoman spokesperson spokespeople campaign team aide aides lawyer
    lawyers attorney attorneys staff camp representative representatives publicist agent""".split()
)

# Lower-case words that qualify a title: "former President Barack Obama".
TITLE_PREFIXES = frozenset("former acting interim outgoing incoming then late".split())

# A document stating a finding: "The study found that …", "the survey showed",
# "the report concluded that …".  The document is the source, typed organization.
FINDING_VERBS = frozenset(
    """found finds showed shows concluded concludes suggested suggests indicated indicates
    revealed reveals estimated estimates""".split()
)

LABEL_DETERMINERS = frozenset("the a an our its their his her every all this that".split())

# Documents that an outlet publishes: "Here are a few examples from the story:",
# "From the op-ed:" (White House round-ups) – the outlet named before speaks.
OUTLET_DOCS = frozenset("story article piece op-ed column editorial".split())

# Verbs of putting out one's own words: a lead-in ending in a colon whose subject
# does one of these gives the quotation after it to that subject, though no
# reporting verb stands in it: "The National Association of Manufacturers launched a
# new ad campaign to highlight what’s at stake …:" (2025-06-24), "Maryland State Del.
# Nicole Williams … introduced a bill to ban …:" (2025-04-15), "Bob Moses summed up
# the heroic effort … with a question:" (2021-07-26).
LEAD_VERB = re.compile(
    r"(?:(?:also|recently|again|has|have|had|continues\s+to|continued\s+to)\s+)*"
    r"(?:highlight(?:s|ed)?|launch(?:es|ed)?|introduc(?:es|ed)|releas(?:es|ed)|issu(?:es|ed)|"
    r"publish(?:es|ed)|unveil(?:s|ed)|remind(?:s|ed)|contrast(?:s|ed)|outlin(?:es|ed)|"
    r"put\s+out|puts\s+out|summ(?:ed|s)\s+up|celebrat(?:es|ed)|tout(?:s|ed)|"
    r"broadcast(?:s)?|air(?:s|ed))\b"
)
