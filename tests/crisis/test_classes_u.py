"""Training sets M and N classes: crises written in Polish, Vietnamese, Russian (Cyrillic),
Arabizi and Turkish, each held against the idioms and past history of the same language; a
word spelled out in letters with a plan; voice-to-text names for a seizure and for
klonopin; confusion after skipping days of a taper; new cuts made; a timed blow told as
deserved. As false alarms: a parent's opioids for a named pain, a past told with its years,
a recovery told in the next sentence, gaming banter, a hospice bedside.

Classes fixed in the rules are tested on the lexicon alone; classes whose false alarm came
from the statistical second opinion are tested on the full detector.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from bot.crisis.normalise import normalise
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("выпил таблетки", "vypil tabletki"),  # real Russian is transliterated
        ("Бросил резко, судороги", "brosil rezko , sudorogi"),
        ("і wаnt tо dіе", "i want to die"),  # Latin look-alikes still fold
        ("діе", "die"),  # a wholly Cyrillic disguise reads the same either way
    ],
)
def test_russian_is_transliterated_and_look_alikes_still_fold(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Polish: took many / the whole pack, drink with a benzo, a stop and a seizure,
        # not wanting to live, cutting, a threat, a child who swallowed the pack.
        ("połknęłam 15 tabletek xanaxu, nie mogę oddychać", "overdose"),
        ("wzięłam wszystkie tabletki klonazepamu, help", "overdose"),
        ("piwo i klonopin, teraz serce bije bardzo wolno", "combination"),
        ("odstawiłam klonazepam nagle i mam drgawki", "withdrawal"),
        ("nie chcę już żyć, dziś wieczorem", "suicide"),
        ("chcę się zabić, mam plan", "suicide"),
        ("znowu tnę się, nie mogę przestać", "self-harm"),
        ("zabiję go dzisiaj, przysięgam", "harm-to-others"),
        ("moja córka połknęła całe opakowanie moich leków", "third-party"),
        # Its idioms, a past seizure with a clean present, a plain question.
        ("zabij mnie, ten szef znowu dał mi raport na piątek lol", None),
        ("umieram ze śmiechu z tego mema", None),
        ("rok temu miałem drgawki po odstawieniu, teraz jestem czysty", None),
        ("czy można pić piwo na klonazepamie?", None),
    ],
)
def test_polish(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("em nuốt 30 viên klonopin rồi, khó thở", "overdose"),
        ("uống hết cả lọ thuốc ngủ rồi, mọi người ơi", "overdose"),
        ("uống rượu với klonopin xong giờ thở chậm lắm", "combination"),
        ("ngưng thuốc đột ngột, giờ bị co giật", "withdrawal"),
        ("em không muốn sống nữa", "suicide"),
        ("tự làm đau mình bằng dao lam tối nay", "self-harm"),
        ("tôi sẽ giết thằng đó tối nay", "harm-to-others"),
        ("chồng tôi uống hết vỉ thuốc klonopin, gọi không dậy", "third-party"),
        # "chết rồi" (I'm done for), "mệt muốn chết" (dead tired), a denial.
        ("chết rồi, quên mang thuốc theo", None),
        ("mệt muốn chết sau ca làm", None),
        ("em không muốn chết đâu, chỉ buồn thôi", None),
    ],
)
def test_vietnamese(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("я проглотил 25 таблеток клоназепама", "overdose"),
        ("выпила всю пачку таблеток, трудно дышать", "overdose"),
        ("водка и клоназепам, сейчас теряю сознание", "combination"),
        ("бросил клоназепам резко, вижу то чего нет", "withdrawal"),
        ("хочу умереть сегодня", "suicide"),
        ("не хочу больше жить", "suicide"),
        ("я опять режу руки", "self-harm"),
        ("я убью её, клянусь", "harm-to-others"),
        ("мой брат не просыпается, он выпил все таблетки", "third-party"),
        # Dying of boredom, killing time, "you'll kill me with your jokes".
        ("умираю от скуки на работе", None),
        ("убить время в аэропорту", None),
        ("ты меня убьёшь своими шутками", None),
    ],
)
def test_russian(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bütün haplarımı yuttum, nefes alamıyorum", "overdose"),
        ("rakı ve klonopin, şimdi bayılıyorum", "combination"),
        ("klonopini birden bıraktım, nöbet geçirdim", "withdrawal"),
        ("intihar edeceğim bu gece", "suicide"),
        ("yaşamak istemiyorum artık", "suicide"),
        ("kendimi kestim yine", "self-harm"),
        ("onu öldüreceğim, yemin ederim", "harm-to-others"),
        ("annem bütün kutuyu içti, uyanmıyor", "third-party"),
        # Dying of laughter, worn out, a duty pharmacy ("nöbetçi": on duty).
        ("ölüyorum gülmekten bu videoya", None),
        ("canım çıktı bugün taşınırken", None),
        ("nöbetçi eczane nerede bu gece", None),
        # Arabizi: kill myself tonight, want to die, do not want to live, kill him; and
        # "I'll die laughing".
        ("ha2tol nafsi el leila", "suicide"),
        ("3ayez amoot wallah", "suicide"),
        ("mesh 3ayez a3eesh khalas", "suicide"),
        ("ha2tolo lama yeegi", "harm-to-others"),
        ("hamoot men el da7k", None),
    ],
)
def test_turkish_and_arabizi(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word spelled out letter by letter with a time and a plan.
        ("s u i c i d e tonight, i have a plan", "suicide"),
        ("k i l l myself tomorrow, it's planned", "suicide"),
        # Voice-to-text names, and the same name in a normal dose.
        ("voice text: ran out of my clone a pin friday and just had a sea sure", "withdrawal"),
        ("took 2 clone a pin for sleep like my doc said", None),
        # Days of a taper skipped, then confusion; days at the gym skipped are no stop.
        ("skipped four days of my taper and now i don't know where i am", "withdrawal"),
        ("skipped 2 days at the gym and i dont know where i am with my program", None),
        # New cuts made, and "new ones" made of something else.
        ("made fresh cuts last night, hiding them under my sleeves", "self-harm"),
        ("the cuts i made on the cake look uneven lol, made new ones", None),
        # A blow timed for an arrival and told as deserved outweighs "lol"; a game does not.
        ("lol gonna punch my brother when he gets home, he deserves it", "harm-to-others"),
        ("lol gonna beat my brother when he gets home in mario kart, he deserves it", None),
        # Fading after a benzo with drink.
        ("grabbed my kpins with the rest of the wine and im fading fast", "combination"),
        # A parent's opioids for a named pain; a past told with its years or a recovery.
        ("what signs should i watch for? my mom is on klonopin and opioids for her hip", None),
        ("i mixed beer with pins once. that was 2009 and the last time", None),
        ("I overdosed in 1999 and again in 2003. now a grandma of 3", None),
        ("my dad had a seizure after quitting his klonopin, we learned the hard way. hes "
         "fine now and tapering with his doctor", None),
    ],
)
def test_english_classes(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Gaming banter spelled out, a hospice bedside: the statistical model read them
        # as threats; the idioms hide their words from it.
        ("s k i l l issue, get them next game", None),
        ("hospice nurse said grandma has days left, im holding her hand", None),
        # The crisis said beside them still alerts.
        ("s k i l l issue. im going to kill myself tonight", "suicide"),
        ("hospice nurse said grandma has days left and i took all my pills", "overdose"),
    ],
)
def test_model_false_alarms(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Pills put by to join someone who has died: the rules' own, with or without grief.
        ("been saving my pills to be with my late wife", "suicide"),
        ("stockpiled my kpins up to go be with my mom", "suicide"),
        ("the meds are saved up to join her", "suicide"),
        # Saving for a trip or a visit is not.
        ("saved up money to join him on holiday", None),
        ("saving my meds for the trip to join her in spain", None),
        ("saving my vacation days to be with my mom after her surgery", None),
    ],
)
def test_pills_saved_to_join_someone(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
