"""Hold-out sets W, X, Y and Z classes (fresh probes, never the sets' own messages).

False alarms: a past seizure, overdose or relapse told as the reason for a careful present;
a dose cut without a number, pills split with a blade, a fringe cut at home; a goodbye for
a while in formal English; a parent's general question, a news story, an overdose denied.
Misses: an overdose told lightly with signs, an amount far above any prescription already
taken, "can't hardly breathe" after drink and pills, mixing said as imminent, masked and
dotted letters, "a plan and a date", withdrawal told in learner English.

Classes fixed in the rules are tested on the lexicon alone; those whose false alarm came
from the statistical second opinion (a fringe, pill splitting, a goodbye for a while, a
news story) on the full detector.
"""

from __future__ import annotations

from tests.crisis.class_probes import class_probe_tests

RULES_CRISIS = [
    # 1. the crisis versions of a past event
    ("i had a seizure an hour ago after quitting cold turkey, still shaking", "withdrawal"),
    ("relapsed on sh last night after 2 years clean", "self-harm"),
    (
        "few years back i was fine but today i had a seizure after stopping my klonopin",
        "withdrawal",
    ),
    # 2. cutting as self-harm
    ("trying to cut tonight, i have the blade ready", "self-harm"),
    ("i want to cut myself with a razor blade", "self-harm"),
    # 5. an overdose told lightly
    (
        "oops think i took like 12 of my klonopin by mistake?? cant keep my eyes open lol",
        "overdose",
    ),
    ("way too many pills. can barely stay awake", "overdose"),
    ("how long till 30mg of klonopin hits, took it at 9", "overdose"),
    ("too much klonopin. cant stay awake", "overdose"),
    # 6. a combination
    ("had most of a bottle of wine and my klonopin and my oxy, cant hardly breathe", "combination"),
    ("about to pop 2 bars with this 6 pack lol", "combination"),
    ("bout to take some pins with a fifth of henny wish me luck", "combination"),
    # 7. suicide, masked and dotted
    ("gonna k*ll myself tonight fr", "suicide"),
    ("s.u.i.c.i.d.e is all thats on my mind", "suicide"),
    ("k*ll myself tonight, its decided", "suicide"),
    # 3. a goodbye for good, in the same formal voice
    ("goodbye everyone, i wont be here tomorrow. take care of each other when im gone", "suicide"),
    ("I won't be around much longer. Please look after one another when I'm gone.", "suicide"),
    # 4. a report, not a story
    (
        "my husband had a seizure an hour ago after running out of his klonopin and he is confused",
        "third-party",
    ),
    ("about to mix 4 kpins with a bottle of wine, here goes", "combination"),
    ("i might of taken 20 of my pins by accident?? words coming out slurred lol", "overdose"),
    ("been looking up methods all week. ive got a plan and a date now.", "suicide"),
    # 8. withdrawal in learner English
    ("I stop klonopin 5 days. Now I have seizure and shaking", "withdrawal"),
    ("i stop my pills, today i see bugs on the wall and shake very bad", "withdrawal"),
    ("i stop clonazepam 4 days, now i see people who are not there", "withdrawal"),
    ("i stop the pills and now my body shake and i fall down, i have seizure", "withdrawal"),
]

RULES_CALM = [
    # 1. a past event as the reason for a careful present
    "few months back i had a seizure from jumping off, thats why im crawling down this time",
    "the winter i stopped cold turkey i had a seizure at work. slow taper this round",
    "last term i had a seizure in class after quitting too fast, now tapering with my gp",
    "that time i mixed bars and vodka at prom was the last time i ever touched either",
    "relapsed on cutting after my divorce but that was 4 years ago, doing well since",
    # 2. a dose cut without a number
    "on 0.25 klonopin at night now, trying to cut",
    "taking 1 clonazepam only on workdays, trying to cut",
    # 4. a general question, a news story, a denial
    "my daughter is coming off clonazepam with her doctors help. I keep reading scary "
    "stories online about seizures, how slow should she go?",
    "the paper had an article about a woman who had a seizure after her pharmacy ran out",
    "saw a news report about a teen who overdosed on fake bars, so sad",
    "nobody had a seizure, she just fainted from the heat",
    "nobody overdosed, my brother just miscounted his pills",
    "article about a man who overdosed on pressed pills in our town, heartbreaking",
    "my husband is tapering off klonopin with his psychiatrist. are seizures likely at the end "
    "of a taper?",
    # 6. and 8. look-alikes of mixing and of stopping
    "about to take my klonopin with a glass of water",
    "I stop at pharmacy after work to get my klonopin",
    # 7. a plan and a date that are no crisis
    "i have a plan and a date for my next cut, my doctor agreed",
]

FULL_CALM = [
    "cut my own fringe during lockdown, never again lol",
    "my sister cut my bangs and i look twelve",
    "cutting my tablets into quarters with a knife since the liquid ran out",
    "splitting pills with a razor blade is a pain, get a pill cutter",
    "I shall be away for a month at my sister's in Leeds. Do look after yourselves while "
    "I am away.",
    "Will be away for two weeks on a cruise, take care of each other while I'm gone!",
    "news about laced pills going round the city, be careful out there",
    "I'll be away for the weekend at a wedding, be good while I'm gone",
    "Shall be away until Easter visiting family. Look after one another.",
    "We will be away for three weeks in Spain, do take care all while we are away",
    "buzzed my own hair off last night lol",
    "trimmed my fringe with kitchen scissors, big mistake",
]


(
    test_rules_escalate_class,
    test_rules_let_look_alike_pass,
    test_full_detector_lets_look_alike_pass,
    test_full_detector_escalates_class,
) = class_probe_tests(RULES_CRISIS, RULES_CALM, FULL_CALM)
