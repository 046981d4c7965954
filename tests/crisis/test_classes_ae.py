"""Hold-out sets AE, AF, AG and AH classes (fresh probes, never the sets' own messages).

False alarms: a past episode dated by the sentence after it ("... that was 2012, never
going back") or told as a whole story between a dated opening and a recovery at its end;
a stretch of time remembered ("i still remember that winter, 2018, when ..."); an era named
in Tagalog ("nung high school"), help given to others now; the last time someone relapsed,
told as the reason for a question; a question asking for information ("a known side
effect", "linked to") and studies or warnings discussed; Nigerian Pidgin and learner-English
negation ("i no go kill myself", "I not hallucinate"); laughter that "kills"; a line
performed at a daily chore; fiction being written; a name split into crisis short forms
("Odisha" read as "od i sh a").
Misses: parting words after "thank you all", "the kms thing" thought about, a leap said in
the present, Taglish "tinake ko lahat ng natira kong ...", cuts opened again.

Classes fixed in the rules are tested on the lexicon alone; those whose false alarm came
from the statistical second opinion (a dread with a trivial cause, the only thing
"murdered", encouragement) on the full detector.
"""

from __future__ import annotations

from tests.crisis.class_probes import class_probe_tests

RULES_CRISIS = [
    # 1. a dated past does not hide a present told beside it
    ("i was clean for 5 years but tonight i was hallucinating again after stopping my kpins",
     "withdrawal"),
    ("i had a seizure back in 2019. tonight i had another seizure after quitting klonopin",
     "withdrawal"),
    ("years ago i quit cold turkey. i want to die now. im fine now they think", "suicide"),
    ("i remember the night i tried. and tonight i want to kill myself again", "suicide"),
    # 2. an information question with the writer's own report
    ("is suicidal ideation a side effect? because i have it bad right now and i took 20 pills",
     "overdose"),
    # 3. Pidgin and learner English that are emergencies
    ("i no fit breathe, i take 15 klonopin", "overdose"),
    ("i not can wake up my brother, he took all his pills", "third-party"),
    # 4. and 5. short forms still read
    ("im gonna kms tonight, i mean it", "suicide"),
    ("gonna od tonight", "suicide"),
    ("imgonnaod tonight", "suicide"),
    # 6. parting words after thanks
    ("this is my last post here. thank you all, i love you guys", "suicide"),
    ("thanks everyone for everything. this is my final message here, take care of each other",
     "suicide"),
    # 7. the topic named as a thing, a leap said in the present
    ("been thinking about the kms thing a lot and i have a plan now", "suicide"),
    ("if work is like this again tomorrow im jumping off the bridge", "suicide"),
    # 8. Taglish and reopened cuts
    ("tinake ko lahat ng natira kong klonopin, sobrang antok ko", "overdose"),
    ("my cuts were healing and i reopened them all tonight", "self-harm"),
    # 9. a fresh event inside an old story: days just gone are not history
    ("quit cold turkey back in 2021. yesterday i had a seizure at work. im ok now", "withdrawal"),
]

RULES_CALM = [
    # 1. a past dated by the sentence after it
    "i had a seizure on day 4 of my cold turkey. that was 2012, never going back",
    "the doctor just cut my dose and i was seeing things for days. that was back in 2016",
    # 2. a stretch remembered
    "i still remember that winter, 2018, when i wanted to die every day. its different now",
    "i will never forget those months when i thought about killing myself. they passed",
    # 3. a story told whole, from a dated opening to a recovery
    "5 years ago my pharmacy lost my script. on day 4 i had a seizure at the bus stop. "
    "im doing great now, off benzos for 3 years",
    # 4. an era in Tagalog, help given now
    "nung high school, I cut myself a lot, now I mentor newcomers here",
    "sa college i overdosed twice. now im a peer supporter in this server",
    # 5. the last time someone relapsed
    "last time my son relapsed i found him passed out on the couch. how do i support him "
    "this time?",
    # 6. information asked, studies discussed
    "can suicidal thoughts be linked to clonazepam withdrawal? asking before my taper",
    "are self harm urges a known side effect of benzos? my pharmacist warned me",
    "new study on benzos and opioids together, worth a read",
    # 7. Pidgin and learner-English negation
    "i no go kill myself, e just dey hard this week",
    "i no wan die o, na just stress",
    "I not hallucinate, only hear my neighbours tv",
    # 8. laughter that kills
    "my nephew had me killing myself laughing at dinner",
    "laughed myself silly at the bake off final",
    # 9. a line performed at a chore
    "'i want to die' i mutter every time my alarm goes off for the monday standup",
    # 10. fiction
    "writing a crime novel where the detective finds a suicide note, is that too dark?",
    "my fanfic's main character overdoses in chapter 3, any tips on writing it sensitively?",
    # 11. names that are no short forms
    "going to Odisha next month",
    "my friend Odhiambo is coming over",
]

FULL_CALM = [
    "im gonna die i have a driving test at 9",
    "the only thing getting killed this weekend is my diet",
    "you already did the hardest part, now rest",
]


(
    test_rules_escalate_class,
    test_rules_let_look_alike_pass,
    test_full_detector_lets_look_alike_pass,
    test_full_detector_escalates_class,
) = class_probe_tests(RULES_CRISIS, RULES_CALM, FULL_CALM)
