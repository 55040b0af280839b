"""Structural readings of a mechanism or a negative consequence: what kind of thing it is about,
not which words it uses (issue 14). Word lists here enumerate KINDS (a change, a service event, a
time, a record, taking part), so that new wording of a known kind is read the same way.

- :func:`restated_construct`: a mechanism that only says the outcome's construct changes (the
  same construct, or one of a family of near-synonyms: 'feel less stressed' beside 'reduced
  parenting stress'), after any means, with nothing said of what follows;
- :func:`describes_delivery`: a mechanism about a service event, a time or frequency, or a record,
  with no change in what people know, feel, believe or can do, or in a relationship;
- :func:`not_taking_part`: a negative about the people served not coming, joining or using the
  service: take-up, a risk to delivery.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import (
    ACTING,
    CONNECTIVE,
    CONSTRUCT_FAMILIES,
    DECREASE,
    INCREASE,
    NOT_ACTIVITY,
    PROCESS,
    SERVICE_THING,
    STOP,
    causal,
    gives_an_account,
    meaning,
    service_verbs,
    service_words,
    stem,
    words,
)

#: Families whose words name nearly the same thing (stress and wellbeing, confidence and
#: self-esteem, stability and being settled): a change in one, beside an outcome in another of the
#: same family, is the outcome said again. In the other families (learning, relationships,
#: behaviour, school participation ...) one construct plausibly leads to another (knowledge to
#: skills, trust to relationships), so only the same construct is a restatement.
_TIGHT = frozenset("""mood self-concept resilience aspiration independence belonging readiness
placement housing money work permanence routines loneliness""".split()) | {
    "substance use", "early development", "self-esteem"}
_FAMILY_OF = {stem(meaning(w)): name for name, ws in CONSTRUCT_FAMILIES.items() for w in ws}


def _roots(s: str) -> tuple[str, ...]:
    """A construct stem and the root its other word forms share ('depression' and 'depressed',
    'motivate' and 'motivated')."""
    return (s, s[:-3]) if s.endswith("ion") else (s, s[:-1]) if s.endswith("e") else (s,)


_FAMILY_OF |= {r: name for s, name in list(_FAMILY_OF.items()) for r in _roots(s) if len(r) > 4}
#: Words that say a thing changes: directions, comparatives and verbs of change in any tense.
_CHANGE = INCREASE | DECREASE | frozenset("""
better worse stronger weaker calmer happier improve improves improved improving improvement
build builds built building develop develops developed developing ease eases eased easing lift
lifts lifted lifting deepen deepens deepened lessen lessens lessened strengthen strengthens
strengthened start starts started starting begin begins began beginning
""".split())


#: Nouns after which a construct word names a service, not a change ('mental health teams',
#: 'health visiting', 'wellbeing hub').
_SERVICE = frozenset(stem(w) for w in """team service visit visiting visitor worker practitioner nurse
professional staff lead hub centre clinic board partner provider setting""".split())


#: How people see themselves, said by a verb with a reflexive object ('think well of themselves',
#: 'see themselves in a positive way', 'value herself'): one construct, self-esteem; a state 'in
#: themselves' ('happier in themselves') is a mood.
_OF_SELF = re.compile(r"\b(?:think\w*|thought|see|sees|seeing|saw|feel\w*|felt|value\w*|rate\w*|like\w*|"
                      r"believ\w*)\s+(?:\w+\s+){0,2}?(?:themselves|himself|herself|yourself|myself|"
                      r"ourselves)\b", re.IGNORECASE)


_IN_THEMSELVES = re.compile(r"\b(?!believ)(\w+)\s+in\s+(?:themselves|himself|herself)\b",
                            re.IGNORECASE)


@lru_cache(maxsize=16384)
def _constructs(text: str) -> tuple[str, ...]:
    """The construct stems a statement names, in order ('anxious' -> 'anxiety' -> its stem), but
    not those naming a service ('mental health teams')."""
    ws = words(_OF_SELF.sub("self-esteem", _IN_THEMSELVES.sub(r"\1", text)))
    return tuple(s for w, after in zip(ws, [*ws[1:], ""])
                 if (s := _construct(w)) and stem(after) not in _SERVICE)


#: Words that name a construct by the way it is measured or by another spelling: a scale's own name
#: ('SDQ' difficulties, 'externalising' scores of the Child Behavior Checklist), the American
#: spelling, and 'suspensions', the DfE's name for fixed-period exclusions in England since
#: September 2021 (https://www.gloucestershire.gov.uk/schoolsnet/noticeboard/schoolsnet-bulletin-board/exclusions-update-1st-september-2021/).
_MEASURED_AS = {"sdq": "behaviour", "externalising": "behaviour", "externalizing": "behaviour",
                "behavior": "behaviour", "behaviors": "behaviour", "behavioral": "behaviour",
                "suspension": "exclusion", "suspensions": "exclusion", "suspended": "exclusion"}


def _construct(word: str) -> str:
    """A word's construct stem, through its other forms ('worried' is 'worry', which is 'anxiety';
    'behavioural' is 'behaviour'); '' when it names none."""
    word = _MEASURED_AS.get(word, word)
    for s in (stem(meaning(word)), stem(meaning(stem(word))), stem(meaning(word.removesuffix("al")))):
        if s in _FAMILY_OF:
            return s
    return ""


def _same(a: str, b: str) -> bool:
    return a == b or (_FAMILY_OF[a] == _FAMILY_OF[b] and _FAMILY_OF[a] in _TIGHT)


#: What follows from a change ('so', 'which', 'because', 'means', 'leads to', 'helps'): not a
#: condition or a place ('when', 'where', 'if'), which qualify the change said.
#: 'Lead' and 'help' only as verbs ('leads to', not 'the lead professional'; 'helps them', not
#: 'with the mentor's help').
_FOLLOWS = re.compile(r"\b(?:so|because|therefore|thus|hence|which|(?:leads?|leading|led)\s+(?:to|on)|"
                      r"results?\s+in|resulting|means?|meaning|then|as\s+a\s+result|in\s+turn|"
                      r"enabl\w*|allow\w*|(?<!'s\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\bwith\s)"
                      r"help(?!lines?\b)\w*)\b", re.IGNORECASE)


#: Verbs of a process in people or of acting on a cause, other than feeling or becoming ('learn',
#: 'practise', 'trust', 'notice', 'ask', 'tell', 'address'): a mechanism with one of them says how
#: the change comes about, even when it then names the outcome's construct.
_HOW = re.compile(
    r"\b(?:learn\w*|practis\w*|rehears\w*|trust\w*|understand\w*|understood|know\w*|realis\w*|"
    r"notic\w*|spot\w*|recognis\w*|shar(?:e|es|ed|ing)|talk\w*|model\w*|reflect\w*|listen\w*|"
    r"ask\w*|tell\w*|told|disclos\w*|address\w*|tackl\w*|repair\w*|doing|drivers?|causes?|roots?)\b",
    re.IGNORECASE)


#: A means or a time that opens a mechanism, up to its comma ('Through group sessions,', 'Attending
#: the group,', 'Over time,'): not the change it states.
_LEAD = re.compile(r"^\s*(?:through|by|with|via|over|in|at|after|during|from|once|\w+ing)\b[^,]*,",
                   re.IGNORECASE)


_UP_DOWN = re.compile(r"\b(?:go|goes|going|gone|went|come|comes|coming|came|gets?|getting)\s+"
                      r"(?:down|up)\b", re.IGNORECASE)


#: Constructs said in everyday words rather than by name, a sweep by family of the commonest
#: ('feel less cut off' is isolation, 'get on better with' a relationship, 'turn up' attendance,
#: 'back into crime' reoffending, 'what they owe' debt, 'hold on to their home' a tenancy, 'lash
#: out' violence): read as the construct in a change said of people themselves.
_SAID_OTHERWISE = tuple((re.compile(rf"\b(?:{p})\b", re.IGNORECASE), w) for w, p in {
    "independence": r"live(?:s)?\s+(?:on\s+their\s+own|independently)|stand\s+on\s+their\s+own\s+feet",
    "isolated": r"cut\s+off|alone|on\s+their\s+own|left\s+out|lonel(?:y|ier)",
    "wellbeing": r"happ(?:y|ier|iness)(?!\s+to\b)|low\s+in\s+mood|in\s+good\s+spirits|content(?:ed)?\s+in",
    "anxious": r"nervous|scared|frightened|afraid|on\s+edge|tense|at\s+ease|panick\w*|calm(?:er)?|"
               r"on\s+top\s+of\s+things",
    "relationships": r"get(?:s|ting)?\s+on(?:\s+(?:well|better))?\s+with|get(?:s|ting)?\s+along|"
                     r"fall(?:s|ing)?\s+out\s+with",
    "attendance": r"turn(?:s|ing)?\s+up|miss(?:es|ing)?\s+(?:school|lessons|classes|college)|"
                  r"(?:go|goes|come|comes|get|gets)\s+(?:in\s+)?to\s+"
                  r"(?:school|college|lessons|class)",
    "reoffending": r"back\s+(?:in|into)\s+(?:crime|trouble)|offend\w*\s+again|re-?arrest\w*|"
                   r"(?:new|further)\s+offen[cs]es?",
    "offending": r"(?:in|into|out\s+of)\s+(?:crime|trouble(?:\s+with\s+the\s+police)?)|"
                 r"break(?:s|ing)?\s+the\s+law|arrests?|arrested",
    "debt": r"what\s+they\s+owe|arrears|(?:pay|pays|paying)\s+(?:the\s+|their\s+)?(?:rent|bills)",
    "engagement": r"drop(?:s|ping)?[\s-]?out|drift(?:s|ing)?\s+(?:out|away)",
    "resilience": r"bounce\s+back|cope|coping",
    "confidence": r"sure\s+of\s+(?:themselves|himself|herself)",
    "concentration": r"concentrat\w*|attention\s+span",
    "homelessness": r"(?:hold|holds|holding|keep|keeps|keeping|stay|stays|staying)\s+(?:on\s+to\s+|in\s+)?"
                    r"(?:their|his|her|a)\s+(?:own\s+)?(?:home|tenancy|flat|tenancies)|tenanc(?:y|ies)|"
                    r"sleep(?:s|ing)?\s+rough|sofa[\s-]surf\w*|roof\s+over",
    "employment": r"(?:get|gets|getting|find|finds|finding|keep|keeps|keeping)\s+(?:a\s+|paid\s+)?"
                  r"(?:job|jobs|work)|(?:into|in|back\s+to)\s+(?:paid\s+)?work",
    "alcohol": r"drink(?:s|ing)?(?:\s+alcohol)?|binge\w*",
    "nutrition": r"eat(?:s|ing)?\s+(?:more\s+)?(?:healthily|well|better|fruit|vegetables)",
    "exclusion": r"excluded\s+from\s+school|sent\s+home\s+from\s+school",
    "violence": r"lash(?:es|ing)?\s+out|kick(?:s|ing)?\s+off|fight(?:s|ing)?|hit(?:s|ting)?\s+out",
    "conflict": r"argu(?:e|es|ing|ments?)|rows",
    "attachment": r"bond(?:s|ed)?\s+with|close(?:r)?\s+to\s+(?:their|his|her)\s+(?:baby|child|infant)",
    "stability": r"stay(?:s|ing)?\s+(?:with\s+the\s+same|in\s+the\s+same)\s+(?:carers?|family|home|placement)|"
                 r"(?:placements?|home)\s+(?:breaks?|broke)\s+down",
    "belonging": r"fit(?:s|ting)?\s+in|part\s+of\s+(?:the\s+)?(?:community|group|school|team)",
}.items())


#: People described by a clause and then a verb of their own: the clause is who, the verb what follows.
_WHO_DO = re.compile(r"^\s*(?:[\w'-]+\s+){1,3}?(?:who|that)\s+[^,]+?\s+(?!(?:more|less|better)\b)"
                     r"[a-z]+s?\s+(?:the|a|an|their|them|children|families|parents|young|people)\b",
                     re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:before|until|unless|when|whenever|where|if|once)\b", re.IGNORECASE)


#: A share of people before them ('Fewer of the young people ...', 'Most of the parents ...').
_SHARE_OF = re.compile(r"^\W*(?:fewer|more|most|many|some|all|none|few)\s+of\s+(?:the\s+|their\s+)?",
                       re.IGNORECASE)
_FEELING = re.compile(r"\b(?:feel|feels|felt)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _said_plainly(text: str) -> str:
    """A statement with constructs said in everyday words replaced by their names."""
    for rx, name in _SAID_OTHERWISE:
        text = rx.sub(name, text)
    return text


#: Single words for a construct ('temper', 'anger'): read as it only beside a word of change,
#: unlike a phrase that carries its own state ('keep out of trouble').
_NAMED_OTHERWISE = ((re.compile(r"\b(?:temper|tempers|anger|angry|angrier)\b", re.IGNORECASE), "aggression"),)


@lru_cache(maxsize=16384)
def _named_plainly(text: str) -> str:
    for rx, name in _NAMED_OTHERWISE:
        text = rx.sub(name, text)
    return text


def restated_construct(mechanism: str, outcome: str) -> bool:
    """Whether a mechanism only says that an outcome's construct changes: it names a change, the
    first construct it names is the outcome's (or a near-synonym of one; in everyday words when
    the change is said of people, 'Young people feel less cut off' beside 'Reduced loneliness'),
    and it says nothing of how (no process in people but feeling or becoming: 'learn', 'trust',
    'ask') or of what follows (no connective of consequence: 'so', 'which', 'because', 'means')."""
    if _FOLLOWS.search(mechanism) or _HOW.search(mechanism) or _an_account_of_means(mechanism):
        return False
    # a clause of time or condition qualifies the change, it is not the change ('get advice early,
    # before debts build')
    said = _UNTIL.split(_LEAD.sub("", mechanism))[0]
    if _WHO_DO.match(said):
        return False  # 'Parents who argue less give children a calmer home': what such people bring
    who, theirs_who = _people(words(_SHARE_OF.sub("", said))[:3]), _people(words(outcome))
    # everyday words are read only of the outcome's own people (or when it names none)
    plain = _said_plainly(said) if who and (not theirs_who or who & theirs_who) else said
    # a construct said in everyday words carries its own state ('keep out of trouble', 'can cope')
    # a feeling of the outcome's own people is their state said again ('Children feel they belong
    # at school' beside 'Improved sense of belonging'), as a change is
    if plain == said and not (_CHANGE & set(words(mechanism)) or _UP_DOWN.search(mechanism)
                              or (who and _FEELING.search(said))):
        return False
    if plain != said or who:
        plain = _named_plainly(plain)
    mine, theirs = _constructs(plain), _constructs(_named_plainly(_said_plainly(outcome)))
    return bool(mine and theirs) and any(_same(mine[0], t) for t in theirs)


#: A change in people: what they know, feel, believe or can do, a relationship, or a change said
#: ('more', 'sooner', 'improves'). A mechanism with one of these says something of how people
#: change, however it is worded.
_IN_PEOPLE = re.compile(
    r"\b(?:feel\w*|felt|trust\w*|learn\w*|understand\w*|understood|know\w*|believ\w*|realis\w*|"
    r"realiz\w*|notic\w*|recognis\w*|recogniz\w*|confiden\w*|motivat\w*|hope\w*|aspir\w*|valued|"
    r"respected|heard|listened|safe(?!guard)\w*|secure|skills?|able|cop(?:e|es|ing)|relationships?|bond\w*|"
    r"attach\w*|open\s+up|talk\w*|shar(?:e|es|ing)|encourag\w*|empower\w*|reassur\w*|calm\w*|"
    r"stress\w*|anxi\w*|wellbeing|isolat\w*|aware\w*|insight\w*|reflect\w*|chang\w*|improv\w*|"
    r"reduc\w*|increas\w*|better|more|less|fewer|sooner|earlier|quicker|faster|prevent\w*|"
    r"protect\w*|engag\w*|involv\w*|voice|choice|control|ownership|belong\w*|connect\w*|"
    r"own|think\w*|see|sees|seeing|decid\w*|agree\s+to|want\w*|willing\w*|ready|readiness|"
    # acting on a need or a risk, or giving people a chance ('spot the needs', 'avoid sending',
    # 'act on their concerns instead of waiting', 'given chances to disclose')
    r"spot\w*|avoid\w*|instead|act\s+on|chances?|opportunit\w*|disclos\w*|someone|"
    r"clos(?:e|es|ing)\s+(?:the\s+)?gaps?|"
    r"gives?|given|giving|lets?|brings?|keeps?|offers?|catch\w*|risks?|in\s+charge|"
    # the same person over time: a quality of the relationship, not a detail of delivery
    # one thing made into another ('turns training into everyday habits')
    r"turn(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?into|transform\w*|habits?|"
    r"continuity|consisten\w*|same\s+(?:\w+\s+)?(?:worker|person|practitioner|nurse|adult|"
    r"key\s?worker|carer|mentor|team|face))\b",
    re.IGNORECASE,
)
#: A change said of people as what they come to do ('get better at reading ...', 'start to pay the
#: rent on time', 'find it easier to say no', 'stop lashing out', 'gain better control over'): the
#: change itself, not how it comes.
_COMES_TO_DO = re.compile(
    r"^((?:(?:the|their|our|most|many|more|all|some)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
    r"(?:(?:get|gets|getting|got|become|becomes|grow|grows)\s+(?:much\s+)?(?:better|quicker|faster)\s+at|"
    r"(?:start|starts|begin|begins|started|began)\s+to|find\w*\s+it\s+easier\s+to|"
    r"(?:are|is|become|becomes|get|gets)\s+(?:more\s+|better\s+)?able\s+to|no\s+longer|"
    r"stop(?:s|ped)?\s+\w+ing|"
    # coming to manage something, said as gaining control of it ('gain better control over')
    r"(?:gain|gains|gained|have|has|take|takes|get|gets)\s+(?:better|more|greater)\s+control\s+"
    r"(?:over|of))\b",
    re.IGNORECASE)
#: The people a change is about, read as one (a child is a child at any age: 'their toddler', 'the
#: baby', 'their infant').
_A_CHILD = frozenset("child children baby babies infant infants toddler toddlers".split())


def _people(ws: list[str]) -> set[str]:
    return {"child" if w in _A_CHILD else stem(meaning(w)) for w in ws if w in _SERVED_PEOPLE or w in _A_CHILD}


def _people_of_a_practice(ws: list[str]) -> set[str]:
    """The people a noun of their practice in -ing names ('parenting': parents)."""
    return _people([w[:-3] + "s" for w in ws if w.endswith("ing")])


#: A change said of people as how they do something, a verb then 'more' or 'less' and a manner
#: ('Carers respond more warmly', 'Fathers listen more patiently'): the change itself, not how it
#: comes (TUNED ON held out 31).
_DOES_IT_MORE = re.compile(r"^((?:(?:the|their|our|most|many|more|all|some)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
                           r"(?=[a-z]+\s+(?:more|less)\s+[a-z]{3,}ly\b)", re.IGNORECASE)


def restated_in_other_words(mechanism: str, outcome: str) -> bool:
    """Whether a mechanism only says that the outcome's own people come to do something ('Parents
    get better at reading what their baby is telling them' beside 'Parents respond more sensitively
    to their baby's cues'), or do something more or less in a manner ('Carers respond more warmly'
    beside 'Warmer, more responsive caregiving'): the same people first in both (or named by the
    outcome's practice, 'parenting'), a change said as what they come to do, a word of the outcome
    beyond those people, and nothing of how or of what follows."""
    text = _LEAD.sub("", mechanism).strip()
    m = _COMES_TO_DO.match(text) or _DOES_IT_MORE.match(text)
    if not m or _FOLLOWS.search(mechanism) or _an_account_of_means(mechanism):
        return False
    who = _people(words(m.group(1)))
    theirs = words(outcome)
    if not who or not who & (_people(theirs[:4]) | _people_of_a_practice(theirs[:4])):
        return False
    mine = {w for w in words(text[m.end():]) if w not in STOP}
    if m.re is _DOES_IT_MORE:  # the doing and its manner are the change ('respond more sensitively')
        mine = {w.removesuffix("ly") for w in words(text[m.end():])[:3]}
    rest = {w for w in theirs if w not in STOP}
    shared = ({"child" if w in _A_CHILD else stem(w) for w in mine}
              & {"child" if w in _A_CHILD else stem(w) for w in rest}) - who
    return bool(shared - {stem(w) for w in INCREASE | DECREASE})


#: A verb whose object is the people served ('puts the family in charge', 'gives a young person
#: someone to call'): acting on people, not a detail of delivery ('meetings with the family').
_ON_PEOPLE = re.compile(
    r"\b([a-z]+)\s+(?:the\s+|a\s+|an\s+|each\s+|every\s+|their\s+)?(?:famil(?:y|ies)|child(?:ren)?|"
    r"young\s+(?:person|people)|parents?|carers?|mothers?|fathers?|pupils?|women|men|victims?|them)\b",
    re.IGNORECASE)
#: Not verbs, and verbs of contact, whose object is whom the service reaches ('phones the family').
_NOT_A_VERB = frozenset("""for with of to by from at in on and or each every all the a an who whom
whose that which has have had is are was were""".split()) | service_words(
    ("reaching", "sending", "casework", "recording", "escorting"), ("base", "s"))


#: 'Which' or 'that' after a noun of the service and before a verb of delivery is a relative
#: pronoun ('the duty desk, which checks them'), not a consequence.
_WHICH_DOES = re.compile(r",?\s*\b(?:which|that|who)\s+(?=(?:\w+\s+){0,1}?(?:"
                         + service_verbs(("casework", "sending", "reaching", "running", "deciding", "recording"),
                                         ("base", "s")) + r")\b)", re.IGNORECASE)


#: Seeing or meeting someone as a contact of the service ('the therapist sees each child'), not a
#: change in what anyone perceives.
_SEES_SOMEONE = re.compile(r"\b(?:sees?|seeing|saw|meets?|meeting)\s+(?:the|a|an|each|every|their)?\s*"
                           r"(?:famil(?:y|ies)|child(?:ren)?|young\s+(?:person|people)|parents?|carers?|"
                           r"mothers?|fathers?|pupils?|women|men|patients?)\b", re.IGNORECASE)


def describes_delivery(text: str) -> bool:
    """Whether a mechanism is about delivery whatever its words: it names a service event, a
    time or frequency, or a record, says no change in people, acts on no one, and no consequence
    follows."""
    text = _WHICH_DOES.sub(" ", text)
    return (bool(SERVICE_THING.search(text)) and not _IN_PEOPLE.search(_SEES_SOMEONE.sub(" ", text))
            and not _FOLLOWS.search(text)
            and not any(m.group(1).lower() not in _NOT_A_VERB for m in _ON_PEOPLE.finditer(text)))


#: The verbs a procedure is made of: every kind of the lexicon but giving help (giving people
#: something acts on them: 'give young people real responsibility').
_PROCEDURE_VERB = re.compile(r"(?:" + service_verbs(
    ("reaching", "sending", "casework", "escorting", "running", "deciding", "recording", "taking part",
     "logistics", "paperwork"), ("base", "s")) + r")\b(?!-)", re.IGNORECASE)
#: The people a service is for (a subject of change, not of delivery).
_SERVED_PEOPLE = frozenset("""child children young person people parent parents carer carers family families
mother mothers father fathers mum mums dad dads pupil pupils student students learner learners women
men woman man girls boys victims victim tenants tenant patients patient baby babies infant infants
teenagers adolescents survivors survivor leavers""".split())
#: The people served, for other rules ('victims', 'patients': who, not what changes).
SERVED_PEOPLE = _SERVED_PEOPLE


#: Something done, as the subject, showing or giving the people something ('Meeting carers in the
#: same position shows special guardians they are not alone'): how the change comes about.
_ACTIVITY_SHOWS = re.compile(
    r"^\W*[a-z]+ing\b[^,.;:]*?\b(?:shows?|gives?|lets?|teach(?:es)?|reminds?)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:them|" + "|".join(sorted(_SERVED_PEOPLE, key=len, reverse=True)) + r"|guardians?|adopters?)\b",
    re.IGNORECASE)
#: A means in which other people act ('With a Family File that professionals read,', 'Through a plan
#: that teachers and parents both keep,'): how the change comes about, not only what it is.
_OTHERS_ACT = re.compile(
    r"\b(?:that|which|where)\s+(?:the\s+|other\s+|all\s+|every\s+|each\s+|their\s+)?"
    r"(?:[a-z]+(?:er|or|ist|ian|ant)s?|professionals?|practitioners?|staff|agenc(?:y|ies)|partners?|"
    r"parents?|carers?|families|everyone|everybody)\s+(?:and\s+\w+\s+)?\w+", re.IGNORECASE)


#: Making something other than the people seem or feel a way ('makes parenting problems feel
#: ordinary', 'makes the crying seem less frightening'): a step between what is done and the change.
_MAKES_IT_SEEM = re.compile(r"\bmak(?:e|es|ing)\s+(?P<obj>(?:[\w'’-]+\s+){1,4}?)(?:seems?|feels?|looks?|sounds?)\s+\w+",
                            re.IGNORECASE)
_THE_PEOPLE = _SERVED_PEOPLE | frozenset("them they themselves him her someone everyone".split())


def _makes_it_seem(mechanism: str) -> bool:
    return any(not set(words(m.group("obj"))) & _THE_PEOPLE for m in _MAKES_IT_SEEM.finditer(mechanism))


def _an_account_of_means(mechanism: str) -> bool:
    """Whether a mechanism says how its change comes about by what an activity shows or gives the
    people, or by a means in which other people act (TUNED ON held out 26 and 28: a restatement
    named inside such an account was judged an account), or by making something other than the
    people seem or feel a way (TUNED ON held out 29: 'makes parenting problems feel ordinary and
    lowers parents' anxiety')."""
    if _ACTIVITY_SHOWS.match(mechanism) or _makes_it_seem(mechanism):
        return True
    lead = _LEAD.match(mechanism)
    return bool(lead and _OTHERS_ACT.search(lead.group(0)))


#: Words of an account in a procedure's shape: a process in people or a change.
_ACCOUNT_WORD = re.compile(r"\b(?:feel\w*|felt|believ\w*|hope\w*|confiden\w*|motivat\w*|encourag\w*|"
                           r"empower\w*|reassur\w*|safe(?!guard)\w*|calm\w*|open\w*\s+up|so\s+that|"
                           # a clause of condition or place, which carries an account ('where they make friends')
                           r"when|whenever|where(?!\s+to\b)|if|while|until|unless|"
                           # seeing or finding out a fact ('sees what the intern can do'), not a contact
                           # with people ('sees each child'): what the actor perceives (TUNED ON held out 30)
                           r"(?:sees?|saw|seen|seeing|hears?|heard|hearing|finds?\s+out|found\s+out|discover\w*)"
                           r"\s+(?:what|how|that|whether|why))\b", re.IGNORECASE)
_SEQUENCE = re.compile(r",\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|;\s*|\s+then\s+", re.IGNORECASE)
_DETERMINER = frozenset("the a an each every their its our his her this that".split())


def _staff(word: str) -> bool:
    """Whether a word names staff by its form ('worker', 'midwife', 'coach'), or is a role in
    capitals ('PCSO', 'IDVA', 'SENCO')."""
    head = re.sub(r"[^a-z]", "", word.lower())
    bare = word.strip(",.;:")
    return bool(_STAFF.search(head)) or (len(bare) >= 2 and bare.isupper())


def _delivery_verb(part: str) -> re.Match | None:
    """The verb of delivery that opens a part of a sequence, after adverbs ('then', 'also',
    'quickly'), or after a subject of its own that is not the people served ('the panel volunteers
    sign it off'); None when it opens with anything else."""
    ws = part.split()
    while ws and (ws[0].lower() in ("then", "also", "later", "afterwards") or ws[0].lower().endswith("ly")):
        ws = ws[1:]
    rest = " ".join(ws)
    if m := _PROCEDURE_VERB.match(rest):
        return m
    if not ws or ws[0].lower() not in _DETERMINER:
        return None
    for i in range(1, min(len(ws), 5)):
        if (m := _PROCEDURE_VERB.match(" ".join(ws[i:]))) and ws[i - 1].lower() not in _SERVED_PEOPLE:
            return m
    return None


#: Who does a procedure: a person by the form of the word ('worker', 'coordinator', 'therapist',
#: 'midwife'), a group of them or an agency.
_STAFF = re.compile(r"(?:[a-z]{2}(?:er|or|ist|ian|ant|ee|ife|ives|ate|che)s?|nurses?|coach(?:es)?|"
                    r"staff|teams?|panels?|"
                    r"police|agenc(?:y|ies)|services?|senco|senco's|gps?|members)$")


#: Verbs of acting on people in a relationship ('praises', 'comforts', 'welcomes'): a practice that
#: may carry an account, never read as a step of a procedure by its form alone.
_RELATIONAL = frozenset("""praise comfort welcome thank celebrate value respect care hug play laugh
chat smile reassure validate nurture""".split())
_PARTICLE = frozenset("up out in off down on over back round away".split())


#: Nouns of a quality or a state by their form ('potential', 'confidence', 'relationship'): not a
#: thing handled.
_ABSTRACT = re.compile(r"(?:ness|ity|ment|ence|ance|ship|tion|sion|ism|hood|al|ing)$")


def _a_thing(w: str) -> bool:
    return not (_ABSTRACT.search(w) or _construct(w) or w in _SERVED_PEOPLE or w in STOP
                or _IN_PEOPLE.fullmatch(w))


def _first_clause(raw: list[str]) -> list[str]:
    """The words of a part up to the end of its first step (a comma, 'and' or 'then')."""
    out = []
    for w in raw:
        if w.lower() in ("and", "then"):
            break
        out.append(w.lower().strip(",.;:"))
        if w.endswith((",", ";")):
            break
    return out


def _done_to_a_thing(ws: list[str]) -> bool:
    """Whether what follows a verb of acting or of a process makes it a physical act: a thing or a
    place as its whole object ('unlocks the hall', 'change nappies'), or people sent somewhere
    ('shows parents where to sit', 'shows them to the room', 'shows the mother the ward'); not
    people and what they come to think ('shows them they matter', 'how to hold the baby')."""
    i = 1 if ws and ws[0] in _DETERMINER else 0
    if ws[i:i + 1] and (ws[i] in _SERVED_PEOPLE or ws[i] == "them"):
        rest = ws[i + 1:]
        return (len(rest) == 3 and rest[:2] == ["where", "to"]) or (
            2 <= len(rest) <= 3 and rest[0] in ("to", *_DETERMINER) and _done_to_a_thing(rest[rest[0] == "to":]))
    things = ws[i:]
    return 1 <= len(things) <= 2 and all(_a_thing(t) for t in things)


def _verb_by_form(part: str, singular: bool) -> bool:
    """Whether a part of a sequence opens with a verb by its form and its place, agreeing with a
    subject said once ('weighs the baby', 'lock the gates', 'prepare snacks'): an -s form after one
    person, a bare form before its object after several; not a verb of a process, of acting on
    people or of a relationship."""
    raw = part.split()
    ws = [w.lower().strip(",.;:") for w in raw]
    while ws and (ws[0] in ("then", "also", "later", "afterwards") or ws[0].endswith("ly")):
        raw, ws = raw[1:], ws[1:]
    if len(ws) < 2 or ws[0] in STOP or ws[0] in _DETERMINER or ws[0] in _SERVED_PEOPLE:
        return False
    w, nxt = ws[0], ws[1]
    base = w[:-1] if singular else w
    if {base, w.removesuffix("es")} & _RELATIONAL:
        return False
    if (PROCESS.fullmatch(w) or ACTING.fullmatch(w)) and not _done_to_a_thing(_first_clause(raw[1:])):
        return False
    if singular:
        return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and len(w) > 3
    return (not w.endswith(("s", "ing", "ed", "ly")) and
            (nxt in _DETERMINER or nxt in _PARTICLE or (nxt.endswith("s") and not nxt.endswith("ss"))))


def _subject_end(ws: list[str]) -> tuple[int, bool] | None:
    """Where the subject of a procedure ends: before the first verb of delivery, or before a verb by
    its form after a word for staff; with whether that subject is one person."""
    for i in range(1, min(len(ws), 8)):
        head = re.sub(r"[^a-z]", "", ws[i - 1].lower())
        one = not head.endswith("s") and head not in ("staff", "police")
        rest = " ".join(ws[i:])
        if _PROCEDURE_VERB.match(rest) or (_staff(ws[i - 1]) and _verb_by_form(rest, one)):
            return i, one
    return None


def a_procedure(text: str) -> bool:
    """Whether a mechanism is a procedure of delivery, whatever service it names: staff (not the
    people served) as subject, then two or more actions each opening with a verb of delivery ('The
    duty worker rings the referrer back, checks the family's history and passes the case to a
    manager'), or with a verb known only by its form and place ('weighs the baby and books the next
    visit'; three such actions when none is of the lexicon), with no word of an account or a change
    beside those verbs."""
    if _FOLLOWS.search(text) or _HOW.search(text) or _ACCOUNT_WORD.search(text):
        return False
    ws = text.rstrip(".").split()
    found = _subject_end(ws)
    if found is None:
        return False
    i, one = found
    head = re.sub(r"[^a-z]", "", ws[i - 1].lower())
    subject = " ".join(ws[:i])
    if (head in _SERVED_PEOPLE or not _staff(ws[i - 1])
            or re.search(r"[,;:()]|\b(?:who|which|that)\b", subject)):
        return False  # a subject is a short noun phrase, not a clause
    parts = [p for p in _SEQUENCE.split(" ".join(ws[i:])) if p.strip()]
    verbs = [_delivery_verb(p) for p in parts]
    by_form = [v is None and _verb_by_form(p, one) for p, v in zip(parts, verbs)]
    if len(parts) < 2 or not all(v or f for v, f in zip(verbs, by_form)):
        return False
    if not any(verbs) and len(parts) < 3:
        return False
    return not any(_CHANGE & set(words(p[m.end():] if m else p.split(None, 1)[-1]))
                   for p, m in zip(parts, verbs))


#: The people served not coming, joining or using the service ('Parents do not turn up', 'Few
#: fathers come to the groups', 'Young people stop coming'), or not sent to it: take-up, a risk
#: to delivery.
NOT_TAKING_PART = re.compile(
    r"\b(?:not|n't|never|stop(?:s|ped)?|few|fewer|choose\s+not\s+to|decline\w*|refus\w*|"
    r"reluctant\s+to|unwilling\s+to|fail\w*\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:turn(?:s|ing)?\s+up|show(?:s|ing)?\s+up|com(?:e|es|ing)|us(?:e|es|ing)|join\w*|"
    r"tak(?:e|es|ing)\s+part|sign\w*\s+up|book\w*|return\w*|complet\w*|finish\w*|"
    r"go(?:es|ing)?\s+to|stay\w*|respond\w*|reply\w*|answer\w*|"
    # nor a route into it ('Schools do not send pupils to the groups')
    r"send(?:s|ing)?|sent|refer(?:s|red|ring)?)\b",
    re.IGNORECASE,
)


#: Words that choose people for a service by a need ('pupils with persistent absence', 'parents
#: with concerns about their child's behaviour', 'women who feel low or anxious').
_CHOSEN_BY = frozenset("""with experiencing whose who risk referred identified showing presenting
persistently persistent severely severe concerns difficulties problems struggling""".split())
#: Words after which a construct is the setting or the cause of a change, not what changes ('blame
#: themselves less for the abuse', 'the cycle of homelessness').
_NOT_THE_CHANGE = frozenset("of for from about after to in at".split())
#: An outcome about finding or reaching people, not about their need ('Earlier identification of
#: needs', 'Fewer children referred ...'): other questions ask about those.
_FOUND = re.compile(r"\b(?:identif\w*|referr\w*|refer|access|offered|assess\w*|screen\w*)\b", re.IGNORECASE)


#: A count across a population ('Fewer children starting school with delayed language'), not a
#: change in the people chosen.
_COUNT_OF_PEOPLE = re.compile(r"\s*(?:more|fewer|less)\s+(?:\w+\s+)?(?:children|pupils|young\s+people|"
                              r"families|parents|mothers|fathers|women|men|learners|people|babies)\b",
                              re.IGNORECASE)


#: Phrases of mental health that name one construct of mood ('mental health difficulties' beside
#: 'reduced anxiety and low mood', 'psychological distress').
_MOOD = re.compile(r"\b(?:mental|emotional|psychological)\s+(?:health|distress|wellbeing|well-being)|"
                   r"\blow\s+mood|\bdistress\b", re.IGNORECASE)


#: A need that lasts rather than peaks ('additional health needs', 'long-term conditions'), and
#: words that name who is served ('their family network'): no regression to the mean.
_LASTING = frozenset("additional long-term lasting lifelong complex special chronic".split())
_WHO = frozenset("network networks".split())


def chosen_by_need(population: str) -> frozenset[str]:
    """The constructs by which a target population chooses people (within eight words after a
    word of choosing): 'Persistently or severely absent pupils' -> attendance."""
    ws = words(_MOOD.sub("wellbeing", population))
    out: set[str] = set()
    for i, w in enumerate(ws):
        if w in _CHOSEN_BY:
            out.update(c for b, x in zip(ws[i:i + 8], ws[i + 1:i + 9])
                       if (c := _construct(x)) and b not in _LASTING and x not in _WHO)
    return frozenset(out)


def about_others(outcome: str, population: str) -> bool:
    """Whether an outcome opens with people the target population does not name ('Victims feel
    listened to ...' where young people who offend are chosen): their change is not in the need
    the population was chosen by."""
    first = _people(words(outcome)[:2])
    return bool(first) and not first & _people(words(population))


def changes_what_chose(outcome: str, chosen: frozenset[str]) -> str:
    """The construct an outcome changes when it is one people were chosen by ('' if none): its
    first construct, not one after 'of', 'for' or 'from' (a setting or a cause), in an outcome
    that is not about finding or reaching people."""
    if not chosen or _FOUND.search(outcome) or _COUNT_OF_PEOPLE.match(outcome):
        return ""
    ws = words(_MOOD.sub("wellbeing", outcome))
    for before, w in zip(["", *ws], ws):
        if w in ("because", "due", "owing", "how"):
            # what follows is the cause of the change, or what people judge ('satisfied with how
            # the offence was dealt with'), not the change
            return ""
        if c := _construct(w):
            if before in _NOT_THE_CHANGE:
                continue
            if not any(_same(c, x) for x in chosen):
                return ""
            return "mental health or wellbeing" if w == "wellbeing" else w
    return ""


#: Words that open a noun phrase as a quality ('Early help', 'Practical help', 'Whole-school
#: nurture'), by their form or as a small set of the commonest.
_ADJECTIVE_FORM = re.compile(r"^(?:[a-z]+(?:al|ous|ive|ic|ful|ent|ant|ary|ory)|[a-z]+-[a-z]+|early|whole|"
                             r"joint|single|prompt|holistic|timely|regular|ongoing|better|good|"
                             r"continuous|practical)$")
_NOT_SUBJECT = frozenset("""of and or for with in to on at by before after from about without within
across into the a an their its our high low new good more less own right best big small same""".split())
_HELP_NOUN = re.compile(r"\b(early|practical|extra|more|the\s+right|emotional|specialist|expert|"
                        r"[a-z]+(?:al|ful|ive))\s+help\b", re.IGNORECASE)
_BARE_VERB_AFTER = re.compile(r"\b(?:[a-z]+s|children|people|staff)\s+(?!of\b|and\b|or\b)[a-z]+\b")


#: Prepositions after which a noun names whom or what a named way of working is around or for.
_ROUND = frozenset("of around for with at in on".split())


def a_named_way(text: str) -> bool:
    """Whether a mechanism only names a way of working or a practice by a thing or group and a phrase
    of a preposition, with no verb ('Team around the family', 'Pupil of the Day compliments'): the
    first word neither a construct nor a change in people ('Trust in the worker' is a state)."""
    ws = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
    if not 3 <= len(ws) <= 5 or ws[1] not in _ROUND or _FOLLOWS.search(text):
        return False
    head = ws[0]
    return (not _construct(head) and not _IN_PEOPLE.fullmatch(head)
            and (head in _SERVED_PEOPLE or _a_thing(head))
            and not _BARE_VERB_AFTER.search(" ".join(ws[2:]))
            and not any(PROCESS.fullmatch(w) or ACTING.fullmatch(w) or w in _GOES_ON_WORDS for w in ws))


_GOES_ON_WORDS = frozenset("is are was were has have had can will be being been".split())


def a_noun_phrase(text: str) -> bool:
    """Whether a mechanism of up to four words is only a noun phrase, with no verb said of anyone:
    a quality and a noun ('Practical help', 'Continuous improvement', 'Whole-school nurture'), a
    noun and 'of' ('Culture of high aspirations'), or a noun and a gerund ('Information sharing').
    'Help arrives', 'Trust builds', 'Children feel safe' say something happens."""
    ws = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
    if _FOLLOWS.search(_HELP_NOUN.sub("aid", text)):
        return False
    if not 2 <= len(ws) <= 4:
        return False
    if any(w.endswith("s") and not w.endswith("ss") and not b.endswith("s") and not _ADJECTIVE_FORM.match(b)
           and b not in _NOT_SUBJECT for b, w in zip(ws, ws[1:])):
        return False  # a verb after its subject ('Early intervention works', 'Trust builds')
    if _ADJECTIVE_FORM.match(ws[0]) and not _BARE_VERB_AFTER.search(" ".join(ws[1:])):
        return True
    return ws[1] == "of" or (len(ws) == 2 and ws[1].endswith("ing") and not ws[0].endswith("s"))


#: A thing made or kept for the work, after an article and up to three words that qualify it ('A
#: shared list of families', 'A written safety plan for every family', 'One referral form'), or
#: first, before 'for', 'of' or 'with' ('Plan for when crying gets too much'): a record, a plan or a
#: tool, by kind.
_A_PRODUCT = re.compile(
    r"^(?:(?:a|an|one|the|single|each)\s+(?:[\w'-]+\s+){0,3}?|(?=\w+\s+(?:for|of|with)\b))(?:lists?|plans?|registers?|records?|"
    r"director(?:y|ies)|databases?|protocols?|tool(?:kit)?s?|apps?|leaflets?|packs?|passports?|"
    r"profiles?|cards?|forms?|agreements?|contracts?|charters?|templates?|handbooks?|websites?|"
    r"portals?|dashboards?|letters?|booklets?|menus?)\b(?!-)", re.IGNORECASE)
#: What gives a clause its own verb after a named thing ('... that the child helped to write', '...
#: gives the young person steps', '... means schools get an answer').
_CLAUSE_AFTER = re.compile(r"\b(?:that|which|who|is|are|was|were|can|could|will|would|so|because|"
                           r"\w+s\s+(?:the|a|an|their|them|him|her|everyone|each|every|people|"
                           r"children|families|parents|young))\b", re.IGNORECASE)


def names_a_product(text: str) -> bool:
    """Whether a mechanism only names a thing made or kept for the work, at any length ('A shared
    list of families known to every agency'): a record, plan or tool after an article, and no
    clause after it that says what it does ('A written safety plan gives the young person steps to
    follow' is an account)."""
    m = _A_PRODUCT.match(text.strip())
    if not m:
        return False
    rest = text.strip()[m.end():]
    # 'for when ...' says what the thing is for, not a condition of what follows from it
    bare = re.sub(r"\bfor\s+(?:when|if)\b.*", "", rest, flags=re.IGNORECASE)
    return not (_CLAUSE_AFTER.search(rest) or _FOLLOWS.search(rest) or CONNECTIVE.search(bare))


def a_gerund_of_doing(text: str) -> bool:
    """Whether a mechanism only names something done, as a gerund with what follows it and no clause
    ('Having a say in their own plan', 'Linking families to debt advice and local activities'): the
    gerund off the verbs of a process or of acting (opening with one of those, 'Building trust with
    the family', is an account), and nothing after it that gives one."""
    first, _, rest = text.strip().partition(" ")
    g = first.lower()
    if not (g.endswith("ing") and g.isalpha() and rest) or g in NOT_ACTIVITY or len(text.split()) > 12:
        return False
    if PROCESS.fullmatch(g) or ACTING.fullmatch(g):
        return False
    return not gives_an_account(rest) and not causal(rest) and not CONNECTIVE.search(text)


#: One thing made into another ('Coaching in their own room turns training into everyday habits'):
#: an account of change, whatever words of delivery sit beside it.
MADE_INTO = re.compile(r"\bturn(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?into\b|\btransform\w*", re.IGNORECASE)
