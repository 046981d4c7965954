"""Set O classes, code-switching first: members who write their crisis partly or wholly in
Spanish, Portuguese, Tagalog or romanised Hindi (one test per language, every category:
a count or the whole box swallowed, pills with drink, a seizure or voices after stopping,
the wish or plan to die, cutting now, a threat against a named person, a relative who took
the box), with accents written or not; and the look-alikes of the same languages that must
stay quiet (dying and killing as sayings, general questions, past history, negations,
accidents, people joking). Then the English classes: a stabbing or a blow planned for when
the person comes home (never petty), a joke marker taken back by a plan, an urge to strike
one's own young child, a threat with stalking after a past wrong, means gathered "to end
this", "suicide tonight, it's decided" (with an invisible character inside the word), old
scars reopened and cutting back, a wound done to oneself minutes ago, withdrawal told by lost
awareness, nonsense talk or "i had one" (a seizure), a non-native past with a count, lists
of substances with commas, overdoing the pills; and the false alarms of past history
(non-native "before 3 years", old posts and journals, anniversaries, recovery now, a
goodbye to a group while staying online, doses taken on schedule).

These hold the lexicon's rules to the classes, so the detector is built from the lexicon
alone (no statistical second opinion, which is tested on its own).
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "perdón, me tomé como 20 clonazepam hace rato y no puedo mantener los ojos abiertos",
            "overdose",
        ),
        ("tome todas mis pastillas de rivotril, lo siento", "overdose"),
        ("me tomé 3 clonazepam con cerveza y me cuesta respirar", "combination"),
        ("dejé el clonazepam de golpe y acabo de tener una convulsión", "withdrawal"),
        ("ya no aguanto, me voy a matar esta noche", "suicide"),
        ("no quiero seguir viviendo, sorry guys", "suicide"),
        ("me quiero suicidar, nadie me entiende", "suicide"),
        ("me estoy cortando otra vez y no puedo parar", "self-harm"),
        ("lo voy a matar cuando llegue a casa, te lo juro", "harm-to-others"),
        ("ya decidí, voy a lastimar a mi jefe mañana", "harm-to-others"),
        ("mi hermano se tomó toda la caja de clonazepam y no despierta", "third-party"),
        # Look-alikes: sayings, a question, history, a negation, an accident, a joke.
        ("me muero de risa con este meme", None),
        ("me quiero morir de la vergüenza, le dije mamá a mi profe", None),
        ("me mata el calor hoy, no salgo", None),
        ("estoy matando el tiempo antes de mi cita", None),
        ("¿se puede tomar clonazepam con vino?", None),
        ("hace 2 años tuve una convulsión por dejar el clonazepam, ahora estoy bien", None),
        ("no me voy a matar, solo estoy cansada", None),
        ("me corté otra vez cocinando, nada grave", None),
        ("voy a matar a mi hermano si se come mi pizza jajaja", None),
        ("hay una cucaracha enorme en mi cuarto, la voy a matar", None),
        ("esa vieja me arruinó la vida, la voy a matar esta noche", "harm-to-others"),
    ],
)
def test_spanish_code_switching(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomei a caixa toda de rivotril, tô muito tonta", "overdose"),
        ("tomei uns 30 comprimidos de clonazepam agora", "overdose"),
        ("misturei rivotril com vinho e tá difícil respirar", "combination"),
        ("parei o clonazepam do nada e tive uma convulsão agora", "withdrawal"),
        ("estou ouvindo vozes desde que parei o rivotril", "withdrawal"),
        ("vou me matar hoje à noite", "suicide"),
        ("quero morrer, não aguento mais", "suicide"),
        ("tô me cortando agora, desculpa", "self-harm"),
        ("vou esfaquear meu padrasto quando ele dormir", "harm-to-others"),
        ("minha mãe tomou a cartela inteira e não acorda", "third-party"),
        # Look-alikes.
        ("tô morrendo de fome, bora almoçar", None),
        ("estou morto de cansaço depois do plantão", None),
        ("quero morrer de rir com esse vídeo kkkk", None),
        ("vou matar a saudade da minha família no natal", None),
        ("posso tomar rivotril com cerveja?", None),
        ("não vou me matar, só tô cansada", None),
        ("me cortei hoje fazendo a barba", None),
        ("em 2019 eu tive uma convulsão quando parei o rivotril, hoje estou bem", None),
    ],
)
def test_portuguese_code_switching(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uminom ako ng sobrang daming clonazepam, hindi ako makahinga", "overdose"),
        ("naubos ko yung buong banig ng rivotril kanina", "overdose"),
        ("uminom ako ng gin tapos tatlong klonopin, nahihilo ako", "combination"),
        ("nag-seizure ako kanina, tinigil ko bigla yung klonopin", "withdrawal"),
        ("gusto ko nang mamatay, seryoso", "suicide"),
        ("magpapakamatay na ako mamaya", "suicide"),
        ("sinaktan ko ulit yung sarili ko, ang daming dugo", "self-harm"),
        ("papatayin ko yung asawa ko pag-uwi niya", "harm-to-others"),
        ("yung nanay ko uminom ng maraming rivotril at hindi siya gumigising", "third-party"),
        # Look-alikes.
        ("mamamatay na ako sa kakatawa dito", None),
        ("gusto ko nang mamatay sa hiya, nadapa ako sa harap ng crush ko", None),
        ("papatayin ko yung ipis sa kusina", None),
        ("may daga sa bahay, papatayin ko siya mamaya", None),
        ("patayin mo yung ilaw please", None),
        ("hindi ako magpapakamatay, pagod lang ako", None),
        ("noong 2018 nag-overdose ako, ngayon sober na ako 5 years", None),
    ],
)
def test_tagalog_code_switching(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maine poori patti kha li clonazepam ki, sab ghoom raha hai", "overdose"),
        ("20 goliyan ek saath kha li, saans lene mein dikkat ho rahi hai", "overdose"),
        ("daaru ke saath 3 klonopin le li, behosh sa lag raha hai", "combination"),
        ("klonopin achanak band kar di aur abhi dauraa pada", "withdrawal"),
        ("main aaj raat khudkushi kar lunga", "suicide"),
        ("marna chahta hoon yaar, ab aur nahi", "suicide"),
        ("khud ko phir se kaat liya, khoon ruk nahi raha", "self-harm"),
        ("usko kal chaku maar dunga, bas", "harm-to-others"),
        (
            "mere papa ne daaru ke saath bahut saari klonopin kha li aur hosh mein nahi hain",
            "third-party",
        ),
        # Look-alikes.
        ("hass hass ke mar gaya is meme pe", None),
        ("maar daala is joke ne yaar", None),
        ("machhar ko maar dunga aaj", None),
        ("kya klonopin ke saath daaru pee sakte hain?", None),
        ("main khudkushi nahi karunga, bas thak gaya hoon", None),
        ("2 saal pehle maine khud ko kaat liya tha, ab theek hoon", None),
        ("sabzi kaatte hue khud ko kaat liya, ungli mein", None),
    ],
)
def test_hindi_code_switching(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "im going to stab my roommate when he gets home, he used my shampoo again",
            "harm-to-others",
        ),
        ("gonna shoot my stepdad when he walks in tonight", "harm-to-others"),
        ("im going to punch my dad when he comes in, im so done", "harm-to-others"),
        ("im gonna kill my brother when he gets home, he ate my fries", None),
        ("gonna stab my brother when he gets home lol", None),
        ("im going to punch my brother when he gets home, he ate my leftovers", None),
    ],
)
def test_attack_planned_for_when_they_come_home(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "lol im going to kill my neighbour tonight, like actually, i have it all planned",
            "harm-to-others",
        ),
        (
            "haha gonna murder my ex tonight, no but seriously, i have it planned out",
            "harm-to-others",
        ),
        ("lol gonna kill my sister tonight she stole my hoodie", None),
        ("gonna murder my cousin at mario kart tonight lol", None),
    ],
)
def test_joke_marker_taken_back_by_a_plan(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want to shake my baby and im scared, nobody else is home", "harm-to-others"),
        ("i want to slap my kid and im alone with him", "harm-to-others"),
        ("i want to hit my kids up about dinner plans", None),
        ("my toddler wants to hit me when he's tired", None),
    ],
)
def test_urge_to_strike_ones_young_child(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "im planning to hurt the guy who attacked me last year, ive been following him",
            "harm-to-others",
        ),
        (
            "I'm planning to hurt my old boss from last year. I know his routine now.",
            "harm-to-others",
        ),
        ("ive been following him on instagram for years, hes so funny", None),
        ("last year i was planning to hurt him but therapy helped", None),
    ],
)
def test_threat_with_stalking_after_a_past_wrong(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i have my pills and a bottle of gin and im going to use them to end it", "suicide"),
        ("got a whole script and some vodka, gonna use them both to end this", "suicide"),
        ("i'm going to use them both to end this migraine, ibuprofen and coffee", None),
        ("gonna use these to end the argument with my sister once and for all", None),
    ],
)
def test_means_gathered_to_end_this(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("su\u200bicide tonight, it's decided", "suicide"),
        ("sui\u200dcide tomorrow. i've made up my mind", "suicide"),
        ("su\u00adicide tonight, it's final", "suicide"),
        ("suicide prevention walk tonight, it's decided we're going", None),
        ("watching a documentary about suicide tonight, it's decided", None),
    ],
)
def test_suicide_dated_and_decided(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("reopened my old cuts tonight", "self-harm"),
        ("cutting is back and i hate myself for it", "self-harm"),
        ("i feel better after cutting, did it an hour ago", "self-harm"),
        ("every time the panic hits now i cut", "self-harm"),
        ("is it normal that a cut i made on purpose is still bleeding", "self-harm"),
        ("my old scars are faded now", None),
        ("i feel better after cutting out caffeine", None),
        ("whenever i cut onions i cry", None),
        ("cutting is back on the plan, 10% every month for my taper", None),
    ],
)
def test_cutting_back_and_scars_reopened(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how do i clean a deep cut on my thigh, i did it to myself an hour ago", "self-harm"),
        ("its still bleeding, did it to myself like 10 min ago", "self-harm"),
        ("gave myself a haircut, did it to myself an hour ago lol", None),
        ("i did it to myself years ago, the scar is just a line now", None),
    ],
)
def test_wound_done_to_oneself_minutes_ago(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "stopped klonopin cold turkey friday and i keep losing awareness for a few seconds",
            "withdrawal",
        ),
        ("3 days off kpins and my wife says i was talking nonsense all night", "withdrawal"),
        (
            "quit my clonazepam on monday, how long do seizures last? i had one an hour ago",
            "withdrawal",
        ),
        (
            "quit cold turkey on sunday, i feel like im dying, heart pounding and shaking",
            "withdrawal",
        ),
        ("stopped klonopin 4 days ago and my leg keeps jerking on its own", "withdrawal"),
        ("pharmacy messed up, missed 3 days of klonopin and i almost passed out", "withdrawal"),
        ("my toddler was talking nonsense all night, so cute", None),
        ("i missed the meeting about klonopin tapering, almost passed out from boredom", None),
        ("stopped coffee and i feel like im dying lol", None),
        ("how long do seizures last? my dog had one an hour ago", None),
    ],
)
def test_withdrawal_told_loosely(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I take today 20 tablets clonazepam, now very sleepy. Is dangerous?", "overdose"),
        ("me take tonight 30 pills of rivotril, everything is slow", "overdose"),
        ("overdid the klonopin tonight, slipping in and out", "overdose"),
        ("I take today 2 tablets clonazepam like doctor say", None),
        ("overdid the gym today, legs are dead", None),
    ],
)
def test_non_native_count_and_overdoing(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kpins, xans, vodka. cant breathe right", "combination"),
        ("benzos and beer, right now, help", "combination"),
        ("phenibut and klonopin and beer, heart slowing way down", "combination"),
        ("whiskey + klonnies + a vicodin. the room is so far away", "combination"),
        ("klonopin, xanax, valium. which one lasts longest?", None),
        ("benzos and alcohol, never again, 2 years sober", None),
    ],
)
def test_substances_listed_with_a_sign(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("before 5 years i was taking clonazepam with alcohol daily, now i am clean", None),
        ("reading my old posts from when i wanted to die, ive come so far", None),
        ("4 years since my last suicide attempt and i just started a new job", None),
        ("my sister overdosed years ago and shes in recovery now", None),
        ("before i got sober i'd black out on xanax and wine every weekend", None),
        ("in my worst year i wanted to die every day", None),
        ("took them all this week on schedule, no missed doses", None),
        ("this is goodbye to the book club group, still online though", None),
        ("i took all of them tonight, the whole bottle", "overdose"),
        ("4 years since my last attempt and tonight im going to kill myself", "suicide"),
        ("this is goodbye, i won't be here tomorrow", "suicide"),
    ],
)
def test_past_history_and_ordinary_goodbyes(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("accented", "plain", "expected"),
    [
        ("me tomé toda la caja de rivotril", "me tome toda la caja de rivotril", "overdose"),
        (
            "acabei de ter uma convulsão, parei o rivotril",
            "acabei de ter uma convulsao, parei o rivotril",
            "withdrawal",
        ),
        ("não quero mais viver", "nao quero mais viver", "suicide"),
        ("vou matar meu irmão amanhã", "vou matar meu irmao amanha", "harm-to-others"),
    ],
)
def test_accents_do_not_matter(
    rules_detector: CrisisDetector, accented: str, plain: str, expected: str
) -> None:
    assert category(rules_detector, accented) == expected
    assert category(rules_detector, plain) == expected
