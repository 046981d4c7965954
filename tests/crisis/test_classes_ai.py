"""Hold-out sets AI, AJ, AK, AL, AM and AN classes (fresh probes, never the sets' own messages).

Misses: a benzo and drink or an opioid mixed now or announced as imminent by the writer
("about to ...", "gonna ... tonight", "starting now", "N drinks in", "wish me luck");
withdrawal seizures in shorthand ("sz", "c/t") or told loosely (mini seizures, a limb that
locks up); self-harm now (a blade in hand, "just did" after naming it, a burn given a
reason and repeated the same day, an injury to one's own body "on purpose"); someone
found beside an emptied supply; Jamaican patois and Nigerian Pidgin overdoses, people
not responding, and threats with a weapon made ready; the writer going to the person to
kill them; a question owned ("asking bc its me").
False alarms: a denial "not gonna X or anything" followed by the plain reason; an era of
life named ("in college", "in 2019"); a pet's mischief; a pet's look read as a plot; a
device about to die.

Classes fixed in the rules are tested on the lexicon alone; the device idiom, which only
the statistical second opinion misread, on the full detector.
"""

from __future__ import annotations

from tests.crisis.class_probes import class_probe_tests

RULES_CRISIS = [
    # 1. a mix happening now or announced as imminent
    ("bout to wash down 4 xans with the rest of this tequila lol", "combination"),
    ("finna pop a couple bars and crack another 40, pray for me", "combination"),
    ("im gonna mix my klonopin with my oxy tonight to finally sleep", "combination"),
    ("two kpins and the whiskey, here goes nothing", "combination"),
    ("already 7 beers deep and i just took my evening dose, wish me luck", "combination"),
    ("taking my kpins with the wine rn, see what happens", "combination"),
    ("my roommate is out so im doing bars and vodka tonight", "combination"),
    # 2. withdrawal seizures in shorthand or told loosely
    ("2 szs today. ran out of kpins tuesday", "withdrawal"),
    ("went ct off 2mg. had a sz in the kitchen", "withdrawal"),
    ("day 4 no klonopin and im getting these little seizures every few minutes", "withdrawal"),
    ("stopped my benzo abruptly and my jaw keeps locking up and my hand curls up", "withdrawal"),
    # 3. self-harm now
    ("got the blade in my hand again. dont know why im posting", "self-harm"),
    ("pulled the razors out of the drawer again tonight", "self-harm"),
    ("does anyone else sh during withdrawal? i caved. its deep", "self-harm"),
    ("been scratching my wrists raw whenever the anxiety gets too much, did it 3 times today",
     "self-harm"),
    ("smashed my fist into the wall on purpose tonight, knuckles split", "self-harm"),
    # 4. someone found beside an emptied supply
    ("came home to my wife asleep on the sofa next to an empty packet of her sleeping pills",
     "third-party"),
    ("just found my son in bed with an empty bottle of his xanax", "third-party"),
    # 5. Caribbean and West African Englishes
    ("mi swallow whole heap a mi tablet dem, mi feel fi sleep forever", "overdose"),
    ("mi bredda tek nuff a him pill dem an him nuh wake up", "third-party"),
    ("my padi swallow plenty tablet, e no dey breathe", "third-party"),
    ("i don buy knife finish, i go stab that landlord wey throw my tins outside", "harm-to-others"),
    ("mi know weh him live, mi a go chop him up tonight", "harm-to-others"),
    # 6. going to the person to kill them, a question owned
    ("i'm going over to her place tonight to kill her", "harm-to-others"),
    ("gonna sneak into his room and smother him", "harm-to-others"),
    ("if someone took 30 klonopin how long till they kick in? asking because its actually me",
     "overdose"),
]

RULES_CALM = [
    # 1. questions, plans not to, spaced doses, a prescribed benzo with a non-depressant
    "is it safe to have one beer if im on klonopin?",
    "about to take my kpin, is it ok that i had a glass of wine at lunch?",
    "im not gonna drink tonight because of my klonopin, staying in",
    "about to take my kpins, skipping the wine tonight",
    "about to take my klonopin with my sertraline like always",
    "gonna have a beer at the game on sunday, i'll wait 8 hours after my dose",
    "last year i used to mix bars and vodka every weekend. 14 months sober now",
    "wish me luck, first day of my taper today",
    # 2. seizure words that are no report
    "what's the sz risk of going ct from 1mg?",
    "my dog has epilepsy and had a sz this morning, vet says he's fine",
    # 3. blades for a chore
    "razor in hand, time to shave my legs for the wedding",
    "have the xacto blade in my hand for this scrapbook page",
    "just did my first 5k! anyone else run to cope?",
    "hit my own knee with the mallet on purpose to see if it still hurts lol",
    "burned my hand on the stove, not on purpose obviously",
    # 4. a parent asleep with nothing emptied
    "found my dad passed out on the couch again after his night shift",
    # 5. patois and Pidgin that are no emergency
    "mi tek mi tablet dem dis mawnin, mi good",
    "i go chop that grass tomorrow, my cutlass don ready",
    "she nah respond to mi texts since monday, mi vex",
    # 6. denials with the reason at once, eras, pets and looks
    "not gonna od or anything, i just forgot if i took my night dose",
    "in high school i cut a lot. now im a nurse",
    "the seizure i had in 2015 still scares me when i think about it",
    "my dumb dog ate my sandwich, i swear i will strangle him",
    "the cat stares at me like shes plotting my murder when her bowl is empty",
    "gonna go over to my sisters and kill some time before dinner",
]

FULL_CALM = [
    "laptop at 3 percent about to die, talk later",
    "my phone is gonna die, ill text u when im home",
]


(
    test_rules_escalate_class,
    test_rules_let_look_alike_pass,
    test_full_detector_lets_look_alike_pass,
    test_full_detector_escalates_class,
) = class_probe_tests(RULES_CRISIS, RULES_CALM, FULL_CALM)
