"""Word lists the FAQ matcher relies on: filler words and a real-English check.

Filler words carry no topic ("the", "guys", "wondering"): the matcher drops them so
chatty context around a question neither helps nor hurts. The English check keeps typo
correction from "fixing" real words into FAQ words ("dogs" must not become "dose").
"""

from __future__ import annotations

from bot.english import dictionary_words

# Function words, pronouns, auxiliaries and the chat filler people wrap questions in.
# Question words that tell topics apart ("how", "what", "why", "where") are kept.
# Also the words a story is told with (when, seeing, reading, starting, keeping: "started
# kpins in march", "my new gp looked at me weird") and misspellings of these words, which
# the typo corrector leaves alone: it only corrects into the FAQ's own vocabulary. Phrases
# still see these words ("first dose", "keep taking", "cant study"). Also words that only
# colour a statement ("she barely gets out of bed", "the blues came back hard") and "mode"
# ("social butterfly mode", which would otherwise be read as "mod", the server's moderators).
# Also possessives typed without the apostrophe ("her moms ativan", which the typo corrector
# would otherwise read as "mods") and life-story words ("since 9th grade", "after my divorce").
# Also the other people who prescribe ("my neurologist gave it to me"), a tag "right"
# ("kpins are benzos right", "right now"), "hell" ("it has been hell"), "weekend" (like
# "week"), "pop" (like "popping"), "swear" ("i swear it got worse") and "without" (its
# phrases, "go without", "without being a benzo", still count). Also the function words of
# the languages members mix into English (Spanish, Tagalog, Portuguese, Hindi: "mi doctor
# dice...", "ano po ba"), which would otherwise weigh as words the FAQ does not know.
_STOPWORD_TEXT = """
    a about above actually after again all also am an and any anybody anyone anything are
    around as at be because been before being both but by can cant could couldnt did didnt
    doesnt dont during each either even ever for from get gets getting got
    gotta had hadnt has hasnt have havent having he her here hers herself him himself his i
    id if ill im in into is isnt it its itself ive just kinda let lets like me might mine
    more most must my myself no nor not now of off ok okay on once only or our ours
    ourselves out over own please pls plz really she should shouldnt so some such than that
    thats the their theirs them themselves then there these they theyre this those though
    through to too u ur us very was wasnt we were werent weve while will with wont would
    wouldnt ya yall yeah yes yet you youd youll your youre yours yourself yourselves
    ve ll re s t d m
    hi hey hello hiya yo sup guys guy folks everyone everybody friends fam bro dude
    thanks thank thx ty cheers lol lmao haha hahaha omg idk tbh imo imho fr ngl smh btw
    um umm uh hmm hm oh ah well anyway anyways basically literally honestly seriously
    question questions quick wondering wonder curious asking ask asked know knows knew tell
    wanted want wants wanna need needs gonna trying try tried think thought thinks
    maybe probably possibly sure certain little bit stuff thing things much many
    someone somebody something people person currently recently lately today tonight
    doctor doctors doc docs dr psychiatrist psych pdoc explain describe
    rn af asf lowkey highkey bc cuz coz abt ppl prob probs def rly srsly sm sooo soo sorta
    yea yep yup nope nah welp jk irl tho thru gotten wit idc ik iirc afaik tldr ok
    tryna drs somewhere anywhere never still since ago between day days week weeks month months
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty hundred few several couple
    mom mum mother dad father brother sister husband wife partner bf gf boyfriend girlfriend
    son daughter friend buddy
    roommate family coworker
    mate mates bloke blokes lad lads lass reckon reckons reckoned innit proper cos daft arvo
    fortnight fortnights bloody eh aye wee telly chemist carer carers client clients patient
    patients genuinely
    itll thatll theyll itd thatd whatll theres heres said says say saying
    grandad granddad grampa gramps nan nana gran granny oupa ouma howzit howya mostly mainly
    min mins minute minutes
    es que para mi el la los las un una y o pero porque con muy mas por favor hola gracias
    si lo le se yo tu su esta este eso esto como cuando donde tengo tiene estoy
    ang ng sa na po ba ako ko mo siya ka naman lang talaga kasi yung mga hindi oo ano bakit
    kaya tapos din rin nga
    um uma os em pra eu voce isso isto muito obrigado obrigada ola
    hai hain kya ki ke se mein bhi nahi nahin aur yaar toh ho hu hoon accha ji
    pwede puede pode posso quero quiero necesito preciso tengo tenho tomar toma tomo tomando
    inom iniinom lena leta leti raha rahi nakaka
    typing typed typo typos ayoko gusto
    kindly abeg wey dey tey mam
    quien llevo puedo sient siente perdon disculpa salam alaikum
    pharmacist pharmacists nurse nurses therapist therapists counselor counselors counsellor gp
    needing needed wanting tries knowing wait hmmm sry sorry apologies supposed up
    seem seems seemed seeming grandma grandpa grandmother grandfather grandparent grandparents
    grandson granddaughter aunt uncle niece nephew cousin stepmom stepdad fiance fiancee called
    physician physicians sponsor sponsors sponsoring sponsee newbie noob newb student students
    folks school college university uni grad homework studying appointment appointments appt
    usually usual generally sometimes always already whenever every anymore nobody noone until
    till til later yesterday tomorrow best mainly part
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    known considered consider whether regarding may coincidence experiencing experience
    experienced increasingly contributing recognised recognized commencing honest genuinely
    keep keeps kept become became becomes becoming first time times back whole start started
    starting starts go goes going gone went put putting puts hit hits hitting see found saw seen
    heard look looks looked looking read reading watch watching watched noticed notice notices
    realized realised realize realise understand understood wondered offer offered calls cover
    covered nursing nothing everywhere nowhere almost wise mid ugh argh sigh meh
    smth sth somethin sumthing somthing anythin nothin ther thier teh jsut becuase beacuse
    becasue alredy allready sinse wich
    mode modes barely hardly came hard
    moms mums dads sons daughters sisters brothers wifes husbands cousins poppin popping
    th grade divorce divorced eventually halfway along find within
    neurologist neurologists neuro prescriber prescribers psychiatrists pcp
    right without hell weekend weekends pop pops popped swear swears swore
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


# Question words tell topics apart ("what is" vs "how long") but say little on their own.
QUESTION_WORDS: frozenset[str] = frozenset(
    {"what", "how", "why", "when", "where", "who", "which", "whose"}
)

# Words that frame a question in any topic ("is that normal", "should I be worried",
# "does it help with", "could the medicine be the reason", "is that hurting me"): they
# count, but little.
_GENERIC_TEXT = """
    help helps helped helping normal bad worried worry worrying concerned concern concerns
    problem problems issue issues true fine weird strange way exactly possible
    anything everything real make makes made making
    do does did doing same mentioned said says told suggested recommended recommend
    give gives gave given giving expect expecting scared afraid terrified worse better
    trigger triggers triggered triggering
    medication medications medicine medicines med meds drug drugs pill pills
    effect effects affect affects affected affecting impact impacts feel feels feeling felt
    slow happen happens happened happening safe safely safer safest unsafe danger dangers
    dangerous risk risks risky harm harmful harmless take takes taking took taken
    associated association therapy likely likelihood chance chances odds
    link linked links connection connected related relation cause causes caused causing
    reason reasons blame blamed responsible culprit fault
    hurt hurts hurting exist exists carry carries fail failed failing warn warns warned
"""
GENERIC_WORDS: frozenset[str] = frozenset(_GENERIC_TEXT.split())

# Chat formulas that carry no topic, dropped as a whole ("good morning", "dumb question").
FILLER_PHRASES: tuple[str, ...] = (
    "good morning",
    "good afternoon",
    "good evening",
    "good night",
    "how are you",
    "how are u",
    "how r u",
    "what is up",
    "dumb question",
    "stupid question",
    "silly question",
    "random question",
    "basic question",
    "simple question",
    "beginner question",
    "newbie question",
    # Apologising for one's English: the speaker, not the question.
    "my english not good",
    "my english is not good",
    "my english is bad",
    "my english bad",
    "my english is not great",
    "for my english",
    "for my bad english",
    "for bad english",
    "excuse my english",
    "english is not my first language",
    "english not my first language",
    "english is my second language",
    "not a native speaker",
    "not native speaker",
    "not a native english speaker",
    # Asking whether something is worrying ("is that a bad sign"), not about signs of addiction.
    "a bad sign",
    "bad sign",
    "a good sign",
    "good sign",
    "thank you",
    "thanks in advance",
    "no offense",
    "or something different",
    "or something else",
    "or something",
    "or not",
    "or nah",
    "or what",
    "what is the deal with",
    "is that a thing",
    "is this a thing",
    "feeling good today",
    "feel good today",
    "feeling great today",
    "doing good",
    "doing great",
    "doing well",
    "high school",
    "middle school",
    "at work",
    "at school",
    "at home",
    "at dinner",
    "at lunch",
    "at breakfast",
    "over dinner",
    "in line",
    "at the store",
    "all along",
    "swears by",
    "swear by",
    "looking for",
    "look for",
    "loved one",
    "loved ones",
    "thinking about",
    "thinking of",
    "cant stop",
    "couldnt stop",
    "wont stop",
    "last night",
    "last week",
    "last month",
    "last year",
    "last time",
    "at last",
    "new here",
    "new to this",
    "new to all this",
    "im new",
    "new to the server",
    "new to this server",
    "anyone else",
    "is that normal",
    "is this normal",
    "dumb q",
    "stupid q",
    "sorry if dumb",
    "sorry if this is dumb",
    "end up",
    "ended up",
    "ends up",
    "first time",
    "the first time",
    "for the first time",
    "brought it up",
    "bring it up",
    "brought up",
    "since starting",
    "since he started",
    "since she started",
    "since they started",
    "be doing this",
    "be doing that",
    "since i started",
    "since i started taking",
    "ever since",
    "after starting",
    "since beginning",
    "put me on",
    "putting me on",
    "wants to put me on",
    "started me on",
    "started her on",
    "started him on",
    "feel like death",
    "feeling like death",
    "feel like dying",
    "feeling like dying",
    "feel like hell",
    "feeling like hell",
    # Where the writer is in their own recovery: context, not the question ("pre-taper q:
    # does being on k for a long time..."). Asking how to taper keeps its words ("how do i
    # taper", "taper schedule", "should i taper").
    "in recovery",
    "my recovery",
    "recovery forum",
    "recovery forums",
    "pre taper",
    "mid taper",
    "post taper",
    "my taper",
    "this taper",
    "my solo taper",
    "doing a taper",
    "doing a slow taper",
    "tapering now",
    "not tapering yet",
    "havent started tapering",
    "whether to taper",
    "tapering soon",
    "taper soon",
    "about to taper",
    "about to start tapering",
    "planning to taper",
    "planning my taper",
    "fully tapered",
    "once im tapered",
    "once tapered",
    "done tapering",
    "finished tapering",
    "finish tapering",
    "after tapering",
    "holding at",
    "holding for",
    "been holding",
    "jumped off",
    "since i jumped",
    "after i jump",
    "after i jumped",
    "days clean",
    "weeks clean",
    "months clean",
    "years clean",
    "yrs clean",
    "year clean",
    "days sober",
    "months sober",
    "years sober",
    # Hearsay framing: where a claim came from and asking whether it holds ("tiktok said
    # benzos lower your iq, is that true"). The claim is the question; a social-media name
    # on its own ("whats your favourite tiktok") is still small talk.
    # Someone else mentioning the medicine ("my cousin keeps talking about it") is where
    # the question came from, not a question about being talkative.
    "talking about it",
    "talkin about it",
    "talking abt it",
    "talkin abt it",
    "talks about it",
    "talked about it",
    "keeps mentioning it",
    "on tiktok",
    "on tik tok",
    "a tiktok",
    "tiktok said",
    "tiktok says",
    "tiktok doctor",
    "tiktok nurse",
    "tiktok psychiatrist",
    "tiktok therapist",
    "on reddit",
    "on youtube",
    "on instagram",
    "on facebook",
    "on twitter",
    "on social media",
    "on the internet",
    "night shift",
    "night shifts",
    "on nights",
    "in plain english",
    "plain english",
    "in simple words",
    "simple words",
    "no big words",
    "in simple terms",
    "simple terms",
    "in plain terms",
    "plain terms",
    "layman terms",
    "laymans terms",
    "in layman terms",
    "one handed",
    "with a toddler on me",
    "with a baby on me",
    "baby on one arm",
    "baby in one arm",
    "toddler on my lap",
    "baby on my lap",
    "keep calling",
    "keeps calling",
    "calling my meds",
    "calling them",
    "calling it",
    "when its supposed to help",
    "when it is supposed to help",
    "when its meant to help",
    "get prescribed",
    "gets prescribed",
    "sound like a junkie",
    "sound like an addict",
    "like with other drugs",
    "like other drugs",
    "perdon mi ingles",
    "staff nurse",
    "student nurse",
    "nursing student",
    "pharmacy student",
    "exam question",
    "pharmacology exam",
    "confused by",
    "confused about",
    "called it a",
    "called it an",
    "calls it a",
    "happen to others",
    "happens to others",
    "happen to other people",
    "happens to other people",
    "other people too",
    "others too",
    "in vc",
    "in the vc",
    "on vc",
    "on google",
    "i read that",
    "i read somewhere",
    "read somewhere",
    "i heard that",
    "i heard somewhere",
    "heard somewhere",
    "someone told me",
    "someone said",
    "people say",
    "people keep saying",
    "is that true",
    "is this true",
    "is it true",
    "is that real",
    "is this real",
    "is that accurate",
    "is this accurate",
    "is that legit",
    "is that right",
    "is that a myth",
    "true or false",
    "true or not",
    "fact or myth",
    "myth or fact",
    "fact or fiction",
    # Who is asking: a carer's job is context, not a request for support ("support worker here").
    "support worker",
    "care worker",
    "social worker",
    "key worker",
    "care plan",
    "care home",
    # Telling one's own prescription is context, not asking what the medicine is for
    # ("i've been prescribed clonazepam for 11 years for panic, what are the long-term
    # effects"). "what is it prescribed for" keeps its words.
    "been prescribed",
    "was prescribed",
    "got prescribed",
    "am prescribed",
    "im prescribed",
    "is prescribed",
    "been given",
    "was given",
    "got given",
    # Story framing around a question.
    "looking back",
    "long story",
    "long story short",
    "weird q",
    "weird question",
    "honest question",
    "quick q",
    "random q",
    "serious question",
    "genuine question",
    "real question",
    "sorry for the long post",
    "sorry for rambling",
    "bear with me",
    "wits end",
    "at my wits end",
    "used to be",
    "than it used to",
    "than i used to",
    "like i used to",
    "never used to",
    "which is",
    "which was",
    "which it does",
    "which isnt",
    "which means",
    "which made",
    "which makes",
    "which helped",
    "which did",
    "turn into",
    "turns into",
    "turned into",
    "turn me into",
    "turns me into",
    "or is it different",
    "or is it something else",
    "all in my head",
    "just in my head",
    "was that in my head",
    "is it in my head",
    "in my head or",
    "for the support",
    "for all the support",
    "for your support",
    # Words of an entry's topic used in passing ("never once talked about the risks", "that kind
    # of low mood", "i still remember the warm glow", "reading about it for a class", "my cousin
    # ended up in rehab", "i sleep fine on it").
    "every other day",
    "every other week",
    "every other night",
    "kind of",
    "sort of",
    "that kind of",
    "talk about",
    "talks about",
    "talked about",
    "talking about",
    "talk to my doctor",
    "talk to my doc",
    "talked to my doctor",
    "talked to my doc",
    "still remember",
    "remember when",
    "remember the feeling",
    "remember that feeling",
    "remember how it felt",
    "for a class",
    "for my class",
    "for class",
    "for school",
    "for a paper",
    "for my homework",
    "for homework",
    "at a party",
    "at parties",
    "before a party",
    "at the party",
    "to a party",
    "ended up in rehab",
    "went to rehab",
    "been to rehab",
    "was in rehab",
    "been in rehab",
    "taper world",
    "taper community",
    "benzo community",
    "recovery community",
    "starting a taper from",
    "sleep fine",
    "sleeping fine",
    "sleep ok",
    "sleep okay",
    # Being handed a prescription, a dose kicking in: the story, not the question ("i was
    # just handed a prescription for it", "why cant i stop yapping after my kpin kicks in").
    # Asking when it kicks in keeps its words ("when does it kick in").
    "i was prescribed",
    "was handed",
    "handed me",
    "got handed",
    "after it kicks in",
    "once it kicks in",
    "when it kicks in",
    "after they kick in",
    "once they kick in",
    "when they kick in",
    "after my kpin kicks in",
    "after my kpins kick in",
    "after my klonopin kicks in",
    "once my klonopin kicks in",
    "when my klonopin kicks in",
    "once my kpin kicks in",
    "when my kpin kicks in",
    "after my dose kicks in",
    "once my dose kicks in",
    "when my dose kicks in",
    # Where the question is asked ("i always hear benzos in this server"): the server itself
    # is a topic of its own ("how do roles work in this server" keeps "roles").
    "in this server",
    "on this server",
    "in the server",
    "on the server",
    "in this discord",
    "on this discord",
    "in this group",
    "in this community",
)

# Intensifiers dropped before phrases are matched ("what even is it" -> "what is it").
_INTENSIFIER_TEXT = (
    "even really actually exactly just literally basically honestly kinda sorta so super very "
    "extra pretty quite totally real realy actual genuinely truly way total absolutely completely "
    "fully absolute utter utterly pure"
)
INTENSIFIERS: frozenset[str] = frozenset(_INTENSIFIER_TEXT.split()) | {"lol", "lmao", "tbh", "ngl"}

# Contractions whose apostrophe normalisation removed ("what's" -> "whats").
CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "whats": ("what", "is"),
    "hows": ("how", "is"),
    "wheres": ("where", "is"),
    "whos": ("who", "is"),
    "whens": ("when", "is"),
    "whys": ("why", "is"),
    "alot": ("a", "lot"),
    # chat shorthand, so phrases written out in full still match
    "u": ("you",),
    "ur": ("your",),
    "r": ("are",),
    "w": ("with",),
    "wat": ("what",),
    "wut": ("what",),
    "wht": ("what",),
    "wats": ("what", "is"),
    "wuts": ("what", "is"),
    "hw": ("how",),
    "y": ("why",),
    "wen": ("when",),
    "tht": ("that",),
    "dat": ("that",),
    "yu": ("you",),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "arent": ("are", "not"),
    "aint": ("is", "not"),
}


def is_stopword(word: str) -> bool:
    """True for words that carry no topic of their own."""
    return word in STOPWORDS


def _english_words() -> frozenset[str]:
    return dictionary_words()


_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("er", ""),
    ("est", ""),
    ("ly", ""),
)


def is_english_word(word: str) -> bool:
    """True when ``word`` or a simple inflection of it is in the offline English word list."""
    words = _english_words()
    if word in words:
        return True
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            if base in words:
                return True
            # Doubled consonant before the suffix: "stopping" -> "stop".
            if len(base) > 3 and base[-1] == base[-2] and base[:-1] in words:
                return True
    return False
