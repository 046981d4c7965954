"""Hold-out sets AA, AB, AC and AD classes (fresh probes, never the sets' own messages).

False alarms: exasperated hyperbole laughed at ("about ready to throw myself into the sun
haha"), things "overdosed on" named after the verb or counted in steps, a decade or an old
episode dated inside the clause, a question someone asked answered "honestly no", a happy
parting from work, a threat over borrowed things, letters to one's future self, a bake or
a tent that collapsed, a denial with a reason for asking, pills sorted for the week.
Misses: Nigerian Pidgin overdose and mixing ("i don swallow ..., my eye dey close"),
voices nobody else hears or heard in the walls and pipes after stopping, anything
"whispering my name", someone who cannot be roused, "is my heart rate supposed to be this
slow" after pills and drink, a last message in here with a farewell, more pills on top of a
dose, a threat at a foreman or team leader.

Classes fixed in the rules are tested on the lexicon alone; those whose false alarm came
from the statistical second opinion (a haunting, a long life planned, a pepper dare, pills
sorted for the week) on the full detector.
"""

from __future__ import annotations

from tests.crisis.class_probes import class_probe_tests

RULES_CRISIS = [
    # 1. the same places, meant and not laughed at
    ("i want to walk into the sea tonight and not come back", "suicide"),
    ("im about ready to jump off a bridge. i mean it", "suicide"),
    ("if i have to wake up one more time like this ill walk into the ocean", "suicide"),
    # 2. an overdose that is one
    ("overdosed on my klonopin an hour ago, cant stay awake", "overdose"),
    ("i took my 2mg klonopin and then 20 more", "overdose"),
    # 3. and 4. history that is not over
    ("i was fine for most of my 40s but now i want to die", "suicide"),
    (
        "my withdrawal years back was bad but right now im having a seizure after quitting again",
        "withdrawal",
    ),
    # 5. a question answered yes
    ("my husband asked if i was thinking of harming myself and i said yes", "self-harm"),
    # 6. goodbyes that are farewells
    ("said goodbye to everyone tonight. i wont be here tomorrow", "suicide"),
    ("said goodbye to everyone at my leaving do. tonight im going to end it", "suicide"),
    ("this is my last post in here. take care of yourselves", "suicide"),
    # 7. Nigerian Pidgin
    ("e don tey, i don swallow like 20 of my clonazepam, my eye dey close", "overdose"),
    ("my sister don take plenty klonopin, she no fit wake", "third-party"),
    ("i don drink beer plus klonopin, i no fit stand", "combination"),
    # 8. hallucinations after stopping
    ("stopped my clonazepam cold turkey and the walls keep whispering my name", "withdrawal"),
    (
        "quit kpins 3 days ago and theres voices in the walls, nobody else hears them",
        "withdrawal",
    ),
    ("came off klonopin all at once, hearing voices in the pipes at night", "withdrawal"),
    # 9. someone who cannot be roused
    ("my dad took extra of his clonazepam and i cant rouse him", "third-party"),
    # 10. a slow body asked about after pills and drink
    (
        "had 3 kpins and im on my fifth beer, is my heart rate supposed to be this slow",
        "combination",
    ),
    # 11. threats that are meant
    ("gonna kill my sister, i have the knife and she is home alone", "harm-to-others"),
    ("im going to stab my foreman tomorrow, i have the knife", "harm-to-others"),
]

RULES_CALM = [
    # 1. exasperated hyperbole, laughed at
    "if my boss schedules one more 7am call im gonna walk into the ocean lmao",
    "two hours of algebra homework and im about ready to throw myself into the sun haha",
    "one more email about the printer and i swear ill jump off a cliff lol",
    "so close to walking into the sea lol this commute is cursed",
    "about ready to walk into the sea lol this toddler refuses to nap",
    # 2. things overdosed on
    "the only thing ive been overdosing on lately is wordle",
    "overdosed on squats yesterday, cant sit down lol",
    "i overdosed on zoom calls this week, brain is mush",
    # 3. and 4. a stretch of life or an old episode, dated
    "i was suicidal all through my twenties, now 45 and grateful every day",
    "i self harmed for much of my thirties but that chapter is closed",
    "my taper years ago gave me hallucinations for a week, this one is going smoothly",
    "the seizures during my detox a decade ago are why im so careful now",
    # 5. a question answered no
    "the nurse asked if i was having thoughts of suicide and honestly no, just tired",
    "my sister asked whether i wanted to hurt myself but no, im just grieving",
    "my brother asked if i was thinking of killing myself and nope, just burnt out from work",
    # 6. a happy parting, a pause
    "final shift at the hospital after 30 years, said goodbye to everyone at my leaving do",
    "said goodbye to all of you at the farewell party, happy tears all round",
    "this is my last post in here for the week, off to the lakes",
    # 7. threats over borrowed things
    "gonna murder my brother if he nicks my charger one more time",
    "swear ill kill her if she wears my jeans again",
    "going to beat my team leader at pool on friday, he has no chance",
    # 8. letters to oneself, a bake and a tent, a reason for asking, a pill box
    "writing a letter to my future self for when i hit a year off benzos",
    "my souffle collapsed in the oven, gutted",
    "the tent collapsed on us at 3am, worst camping trip ever",
    "im not gonna od, im asking for my coursework on benzodiazepines",
    "filled my pill organiser for the week, all my meds lined up",
]

FULL_CALM = [
    "if my grandkids dont visit more ill haunt them forever haha",
    "im planning to live to 100 just to annoy my sister",
    "tell my mum i loved her, about to eat a ghost pepper on stream",
    "sorting them for the week now, my pill bottles are all over the table",
]


(
    test_rules_escalate_class,
    test_rules_let_look_alike_pass,
    test_full_detector_lets_look_alike_pass,
    test_full_detector_escalates_class,
) = class_probe_tests(RULES_CRISIS, RULES_CALM, FULL_CALM)
