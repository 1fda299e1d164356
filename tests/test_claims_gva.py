"""Issue #12 item 9: GVA's remaining error classes, on sentences quoted from
GVA train articles (``../shared/eval/gva``, husinthewei/CIS530P; articles
600..1099 of the train split, the slice session 3 tuned on, and 1100..1399 for
session 4).

Each test is one error class: a victim who later died counted once as killed,
implicit singular victims, victims found dead, shooters read as victims."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_claims_extract import find, run

PUBLISHED = dt.date(2014, 3, 1)


def tolls(claims):
    """(surface, category, value) of every counted claim, in reading order."""
    return [(c["surface"], c["category"], c["value_low"]) for c in claims if c["mentions"] > 0]


# -- one victim told in several sentences: injured, then died = one killed ------------

@pytest.mark.parametrize("text, surface", [
    ("Around 7:48 p.m., a man was shot in the city's Greenspring neighborhood, police said. He was taken to an area "
     "hospital, where he was pronounced dead.", "a man"),
    ("When officers arrived at the intersection, they found a 22-year-old man suffering from multiple gunshot wounds "
     "inside of a car. He was pronounced dead at the scene.", "a 22-year-old man"),
    ("Davis was transported to Grady hospital where he later died.", "Davis"),
    ("Investigators say 22-year-old William Laws was found with gunshot injuries along Augusta Drive and Malvern Road "
     "in Newark around 2 a.m. Friday.The victim died at the hospital.", "William Laws"),
    ("In Southeast D.C., police responded to the 1300 block of Stevens Road SE just before 3 p.m. A gunshot victim was "
     "found at the scene, and later pronounced dead.", "A gunshot victim"),
    ("Officers found one person shot when they entered the residence. The 42 year-old male subject was transported "
     "to USA Medical Center where he died from multiple gunshot wounds.", "one person"),
])
def test_a_victim_who_later_died_is_one_killed(nlp, text, surface):
    claims = run(nlp, text, published=PUBLISHED)
    assert tolls(claims) == [(surface, "killed", 1.0)]


def test_a_later_death_changes_only_the_one_victim_just_before(nlp):
    claims = run(nlp, "Five people were injured and another man was killed in separate shootings in Baltimore on "
                      "Sunday, police said. A man was shot around 9:46 p.m. in the 1800 block of McCulloh Street, in "
                      "Druid Heights, according to police. Medics pronounced him dead at the scene.",
                 published=PUBLISHED)
    assert tolls(claims) == [("Five people", "injured", 5.0), ("another man", "killed", 1.0),
                             ("A man", "killed", 1.0)]


def test_a_named_victim_shot_then_the_shooting_death_of_the_same_name(nlp):
    claims = run(nlp, "Lavon Spaights, 22, of Syracuse was shot outside this apartment at 115 Shonnard St., Syracuse "
                      "Police said. Witnesses told police that he was involved in an argument with four males before "
                      "shots were fired. A Syracuse man was arraigned this morning on murder and weapons charges in "
                      "Tuesday's shooting death of Lavon Spaights, 22.", published=PUBLISHED)
    assert tolls(claims) == [("Lavon Spaights", "killed", 1.0)]


def test_a_pronoun_pronounced_dead_counts_one_when_nobody_was_counted(nlp):
    claims = run(nlp, "When officers arrived on the scene, they found Logan in a grassy area. He had been shot "
                      "multiple times, and was pronounced dead on the scene.", published=PUBLISHED)
    assert tolls(claims) == [("He", "killed", 1.0)]


# -- found dead, fatally wounded --------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    # "fatally wounded" is a death, not killed-and-injured (casualties)
    ("Altariq A. Brown, 30, of Livingston was fatally wounded by gun fire last night on Springfield Avenue in "
     "Maplewood.", "Altariq A. Brown"),
    # a death and a wound of the same woman are one death
    ("They arrived to find a woman dead inside the home with multiple gunshot wounds.", "a woman"),
    # the parser hangs "dead" on "afternoon"
    ("Authorities have released the name of a Birmingham man found dead Friday afternoon behind an apartment "
     "building.", "a Birmingham man"),
    # a dateline the parser made the subject
    ("DETROIT, MI - A 30-year-old man died early Sunday in Detroit while reportedly showing off a gun, according to "
     "Detroit police.", "A 30-year-old man"),
    ("Police say the two men struggled for a gun and that's when Jordan allegedly shot Wright two times, killing "
     "him.", "Wright"),
])
def test_found_dead_and_fatally_wounded_are_killed(nlp, text, surface):
    assert tolls(run(nlp, text, published=PUBLISHED)) == [(surface, "killed", 1.0)]


# -- implicit singular victims ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Emergency personnel were called about 12:15 a.m. March 4 to the 1700 block of Vinewood Street in southwest "
     "Detroit. A medic arrived and pronounced the man dead, police reported.", ("the man", "killed")),
    ("Authorities have identified the man who was shot to death by a U.S. Department of Housing and Urban "
     "Development agent after allegedly pointing a gun at the agent Thursday morning in north suburban Zion.",
     ("the man", "killed")),
    ("The sheriff's office was notified around 2:30 p.m. Saturday that the 4-year-old had been shot and sustained "
     "injuries that were not considered life-threatening.", ("the 4-year-old", "injured")),
    ("Police say a man in his 20s shot his stepfather with a 12-gauge shotgun late Friday night.",
     ("his stepfather", "injured")),
    ("Milwaukee police are investigating the shooting of a 16-year-old boy on the city's north side.",
     ("a 16-year-old boy", "injured")),
    ("About 30 minutes later, county police were notified by Baltimore City police that an unidentified man walked "
     "into an area hospital with a gunshot wound to his leg.", ("an unidentified man", "injured")),
    ("Officers checking out a call about gunfire found a passenger in a van with a gunshot wound to the head on "
     "Tuesday.", ("a passenger", "injured")),
    # NER calls Bailey a place; a name given an age is a person
    ("Bailey, 47, of Columbus was shot about 7:53 p.m. near 2318 Forsyth Street on Jan. 25. She was pronounced dead "
     "at Midtown Medical Center about 25 minutes later.", ("Bailey", "killed")),
])
def test_an_implicit_singular_victim_counts_one(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == [(*expected, 1.0)]


def test_a_family_member_evacuated_is_still_no_toll(nlp):
    # the possessive-relative rule counts harm only
    assert run(nlp, "Filonenko had just evacuated his wife and two children from the building.") == []


# -- shooters are not victims ---------------------------------------------------------------

def test_the_shooters_are_not_counted(nlp):
    claims = run(nlp, "The Columbus Division of Police has identified the two officers who allegedly shot and killed "
                      "a 25-year-old woman during a SWAT standoff Saturday.", published=PUBLISHED)
    assert tolls(claims) == [("a 25-year-old woman", "killed", 1.0)]


@pytest.mark.parametrize("text", [
    "Police responded to reports of a man shooting a gun in a Clairemont Street and arrived to find casings, but no "
    "suspects.",
    "Portland police said they responded to the KFC at 8131 SE Powell Boulevard at 4:05 a.m. after receiving reports "
    "of two people shooting at each other.",
    "JACKSONVILLE, Fla. - Police are investigating after a man whose bike was stolen by three teenagers shot at them, "
    "according to the Jacksonville Sheriff's Office.",
])
def test_people_shooting_or_shooting_at_someone_are_no_toll(nlp, text):
    assert tolls(run(nlp, text, published=PUBLISHED)) == []


# -- the evaluation's main-incident rule -------------------------------------------------------

def test_a_threat_harms_nobody_in_the_article_count(nlp):
    from evaluation.eval_claims_gva import article_counts

    claims = run(nlp, "A 78-year-old man from Marathon was arrested Thursday after he pulled out a handgun and "
                      "threatened to shoot a driver who rear-ended him on Card Sound Road in Key Largo, authorities "
                      "said.", published=PUBLISHED)
    assert find(claims, "a driver")["modality"] == "hypothetical"
    assert article_counts(claims) == {"killed": 0, "injured": 0}


# -- batch 2: bodies, reflexives, "another injured", mortally wounded ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("According to Sgt. Roderick Holmes, officers found the body of 26-year-old Jonathan Kelly in the backyard of an "
     "abandoned home.", [("Jonathan Kelly", "killed", 1.0)]),
    ("Police have identified two men found mortally wounded in a car in North Philadelphia.",
     [("two men", "killed", 2.0)]),
    ("Detectives are investigating an early morning shooting that left one person dead and another injured.",
     [("one person", "killed", 1.0), ("another", "injured", 1.0)]),
    ("Police say the homeowner accidentally shot himself around 6 a.m. this morning.",
     [("the homeowner", "injured", 1.0)]),  # (session 4: the definite person, not the reflexive; one either way)
    ("A Denver teenager who identified with the grim reaper apparently broke into the home of his 37-year-old "
     "ex-girlfriend, shot her to death and then fatally shot himself, authorities say.",
     [("himself", "killed", 1.0)]),
    # the man who shot himself is counted once, as "a man"
    ("Police said a man appears to have shot and killed himself.", [("a man", "killed", 1.0)]),
    ("The victim suffered injuries that were not life-threatening, according to a spokesman.",
     [("The victim", "injured", 1.0)]),
])
def test_bodies_reflexives_and_a_second_victim(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


# -- war coverage the GVA rules must leave alone (ru_ua_2022, The Guardian) -------------------------

@pytest.mark.parametrize("text, expected", [
    # an intransitive participle ("missing") is no doer, unlike "a man shooting a gun"
    ("Russian media has claimed that two of three US volunteers missing in Ukraine have been captured and are being "
     "held by pro-Russian separatist forces.",
     [("two of three US volunteers", "missing", 2.0), ("three US volunteers", "missing", 3.0)]),
    # a relative clause with an object ("was posthumously awarded the title") is no shooter's clause
    ("Tarabalka was a real pilot who died on March 13 during air combat and was posthumously awarded the title Hero "
     "of Ukraine, Ukraine’s air force said last month.", [("a real pilot", "killed", 1.0)]),
    # the possessive-relative rule on war coverage
    ("There are unconfirmed reports that her father was killed in the attack.", [("her father", "killed", 1.0)]),
])
def test_war_sentences_keep_their_reading(nlp, text, expected):
    assert tolls(run(nlp, text)) == expected


# -- batch 3: threats to a life, cuts, linked stories ----------------------------------------------

def test_threatening_a_life_is_no_death_but_claiming_lives_is(nlp):
    assert run(nlp, "CONTARTESI also has prior state convictions including simple assault and battery and "
                    "threatening the life of a public employee.", published=PUBLISHED) == []
    # NYT (ru_ua_2022): the verbs that make lives deaths
    claims = run(nlp, "They have questioned their allies’ commitment to the Ukrainian cause and insisted that nothing "
                      "else can stop Russia’s advance, which even by conservative estimates has claimed the lives of "
                      "tens of thousands of civilians and soldiers.")
    assert find(claims, "tens of thousands")["category"] == "killed"


def test_a_cut_is_an_injury(nlp):
    claims = run(nlp, "A 60-year-old man suffered a four-inch cut on his head early Thursday after another man hit "
                      "him with a shotgun's handle during a robbery, Little Rock police said.", published=PUBLISHED)
    assert tolls(claims) == [("A 60-year-old man", "injured", 1.0)]


def test_a_figure_in_a_linked_story_is_another_incident(nlp):
    claims = run(nlp, "A 29-year-old has been arrested in the Monday morning shooting death of 38-year-old Benjamin "
                      "Young. More: Three shot, including officer, in Montgomery; one person dead The shooting deaths "
                      "of two men on Maury Street in early January were classified as death investigations.",
                 published=dt.date(2018, 2, 26))
    assert find(claims, "Benjamin Young")["scope"] == "incident"
    assert find(claims, "one person")["scope"] == "earlier" and find(claims, "one person")["event"] is None


@pytest.mark.parametrize("text", [
    # a death that did not happen
    "In delivering Bell’s sentence, Gottfried told Bell he was lucky the victim suffered only “lifelong scars,” as "
    "he could have died from his wounds.",
    # a suicide prevented
    "Training and quick responses likely prevented a burglary suspect and Spokane Police Academy reserve officer "
    "graduate from killing himself and possibly taking a pair of Cheney police officers with him.",
])
def test_deaths_that_did_not_happen_count_nobody(nlp, text):
    assert [c for c in tolls(run(nlp, text, published=PUBLISHED)) if c[1] == "killed"] == []


# -- session 4 (lane 12g): victims in care, named victims, bodies; sentences from GVA train 1100..1399 --

@pytest.mark.parametrize("text, expected", [
    # a named hospital ("Medical Center"), not only the word "hospital"
    ("According to police dispatchers, Gabrielle Johnson, 53, told officers she was laying in bed when a bullet "
     "grazed her face. Johnson was transported to Grant Medical Center in stable condition.",
     [("Johnson", "injured", 1.0)]),
    ("WEST GARDINER — Police are investigating a shooting on Cobboseecontee Stream Sunday. Scott Fraley, 54, of "
     "Raymond, was transported to the MaineGeneral Medical Center by Gardiner Ambulance after being struck in the "
     "head while fishing with friends off Manning Drive just before noon.", [("Scott Fraley", "injured", 1.0)]),
    # one unnamed victim in care after a shooting
    ("Police officers are searching for two suspects following a shooting that happened early Friday morning at a "
     "home on the 400 block of Lake Avenue in Ithaca. The victim was in stable condition as of 8 a.m. Friday, "
     "according to Ithaca police.", [("The victim", "injured", 1.0)]),
    ("Police said the robber implied he had a weapon and tried to flee with cash, so the officer opened fire on the "
     "man. Officials said the robber was hit by at least two bullets. The man was taken to a local hospital, where "
     "he's listed in stable condition.", [("the robber", "injured", 1.0)]),
    ("Deputies in Iberia Parish are reportedly investigating a Saturday night shooting that left a man in the "
     "hospital. The 23-year-old victim drove himself to the hospital at about 7 p.m. after being shot in the "
     "stomach.", [("a man", "injured", 1.0)]),
    # treated for injuries, struck by a shot
    ("When Dunlap attempted to Drive away, the suspect pulled a handgun and fired at the vehicle. One of the shots "
     "struck Dunlap in the back. Dunlap was able to Drive himself to the hospital and was treated for non-life "
     "threatening injuries.", [("Dunlap", "injured", 1.0)]),
    # left / discovered with a gunshot wound
    ("The Street John the Baptist Parish Sheriff's Office is investigating a shooting on Monday (Jan.27) that left "
     "a 23-year-old LaPlace man with a gunshot wound to his middle finger.",
     [("a 23-year-old LaPlace man", "injured", 1.0)]),
    ("Police also responded to a shooting at 2309 Benton Avenue at about 1:19 p.m. Edward Jackson, 22, was "
     "discovered by detectives with a gunshot wound to his right hip.", [("Edward Jackson", "injured", 1.0)]),
    # bodies and lives taken
    ("Police have released the name of a 25-year-old man whose body was found in a ditch on Jacksonville's "
     "Westside Monday.", [("a 25-year-old man", "killed", 1.0)]),
    ("The shooting, which took the life of 25-year-old Daniel Dechand, occurred just before 1 p.m. on Sunshine "
     "Lane, northwest of Hermiston.", [("Daniel Dechand", "killed", 1.0)]),
    # "another hurt" (the parser reads "hurt" as a noun)
    ("Police said Wednesday that one person was killed and another hurt during a shooting Tuesday night in "
     "Henderson, a city that has been grappling with a spate of deadly gun violence in recent days.",
     [("one person", "killed", 1.0), ("another hurt", "injured", 1.0)]),
    # an age without hyphens is no figure; "pronounced deceased" is a death
    ("Officers responded to the 500 block of Jefferson around 4 a.m. on February 10 to reports that a female was "
     "unconscious and unresponsive in the front yard of the home. Twenty-eight year old Nettie Adair was "
     "transported to Portneuf Medical Center where she was pronounced deceased.",
     [("Nettie Adair", "killed", 1.0)]),
])
def test_victims_in_care_named_victims_and_bodies(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_one_unnamed_person_in_care_counts_only_after_a_shooting(nlp):
    # GVA train (600..1099), a police blotter: a crash, not a shooting victim
    claims = run(nlp, "Officers learned that a 21-year-old man fell asleep while driving and struck the concrete "
                      "divider with his purple 2006 Chevrolet Impala. The 21-year-old man and his 18-year-old man "
                      "passenger were both taken to the hospital by ambulance for treatment of non life-threatening "
                      "injuries.", published=PUBLISHED)
    assert tolls(claims) == []


def test_a_spouse_with_the_same_surname_is_another_victim(nlp):
    from evaluation.eval_claims_gva import article_counts

    text = ("Emma Braddy had been shot in the hand and was bleeding profusely, according to the news release. At "
            "that time, both officers fired upon Earl Braddy. Earl Braddy was pronounced dead at the scene and his "
            "body was transported to the Alabama Department of Forensic Science in Mobile. Emma Braddy was taken to "
            "Thomas Hospital in Fairhope where she was treated for her injuries.")
    claims = run(nlp, text, published=PUBLISHED)
    assert tolls(claims) == [("Emma Braddy", "injured", 1.0), ("Earl Braddy", "killed", 1.0)]
    # she was shot and then taken to hospital: an injury of her own, not the dead man's shooting told again
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


@pytest.mark.parametrize("text, expected", [
    # bleeding from a wound; a hospital the parser makes an apposition
    ("According to the Kanawha County Sheriff's Office, a person was found bleeding from an apparent gunshot wound "
     "at a home near Finney Road in Institute just before 3 P.M. today.", [("a person", "injured", 1.0)]),
    ("An unidentified man was transported to the Penn State Milton S. Hershey Medical Center on Saturday after he "
     "was shot in the head in Harrisburg’s Allison Hill neighborhood, according to city police.",
     [("An unidentified man", "injured", 1.0)]),
    # pistol-whipped; "after being shot"; a victim the parser tags as an adjective
    ("The men burst into a home on the 5100 block of Arch Street in West Philadelphia sometime around 2 a.m. "
     "Tuesday and attacked the man and woman inside. The man was pistol whipped but the woman wasn’t harmed, "
     "according to Philadelphia Police.", [("The man", "injured", 1.0)]),
    ("× Two teens shot outside home in Northaven SHELBY COUNTY, Tenn. —Two 17-year-old boys are recovering in the "
     "hospital after being shot outside a home in Northaven, according to the Shelby County Sheriff’s Office.",
     [("Two 17-year-old boys", "injured", 2.0)]),
    ("Buy Photo Three Indianapolis metro police officers shot and injured a suspect Tuesday night after the suspect "
     "first shot at officers, police said.", [("a suspect", "injured", 1.0)]),
])
def test_more_ways_of_telling_one_injured(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize("text, cue", [
    # shot, and later in care or released: a survivor, not the dead victim told again
    ("Police are investigating after a man was found dead and a woman was found with a gunshot wound to the head in "
     "Pembroke Pines Tuesday morning. The incident began when a passerby spotted the woman bleeding and disoriented "
     "walking on the sidewalk at the Emerald Lake Estates community around 7:40 a.m., police said. The passerby "
     "flagged down a Miami Gardens Police officer, who was on their way to work. The officer found the woman, who had "
     "severe head trauma and was incoherent, police said. Pembroke Pines Police officers and fire rescue workers "
     "responded and rushed the woman to Memorial Regional Hospital in Hollywood where she was in critical condition "
     "and undergoing surgery.", "rush"),
    ("— A family dispute in Sanford ended Tuesday with one man dead, his daughter in the hospital and three police "
     "officers on administrative leave. Before police arrived, Romero shot his 19-year-old daughter inside the home. "
     "Ana Alvarado was taken to UNC Hospitals in Chapel Hill, but she had been released by Thursday.", "release"),
    # a strong cue beside "shot" gives the category
    ("HAZLETON -- One man is dead, and one is in custody after a shooting Sunday morning in Hazleton. Another man "
     "was also shot and taken to the hospital. There is no word on his condition.", "take"),
])
def test_a_victim_shot_who_survived_counts_beside_the_dead(nlp, text, cue):
    from evaluation.eval_claims_gva import article_counts

    claims = run(nlp, text, published=PUBLISHED)
    injured = [c for c in claims if c["category"] == "injured"]
    assert [(c["value_low"], c["cue"]) for c in injured] == [(1.0, cue)]
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


# -- session 4, batch 3: later deaths told otherwise, "non-fatal", the stabber, a wife's shooting death ---------

@pytest.mark.parametrize("text, expected", [
    # "passed away" (the parser makes "away" an adverb)
    ("A 33-year-old man who was gunned down in Southeast Washington last month has passed away from his injuries.",
     [("A 33-year-old man", "killed", 1.0)]),
    # "the victim ... was found dead" after the named victim was shot
    ("A friend of the victim told deputies that William Conner, 35, had been shot while on his front porch. The "
     "victim staggered off porch and was found dead in the yard, said Stafford sheriff’s spokesman Bill Kennedy.",
     [("William Conner", "killed", 1.0)]),
    # two gunshot victims, then "Both victims were later pronounced deceased"
    ("Upon arrival, two gunshot victims were located, 25-year-old male Clarence McGregor of Dorchester and "
     "28-year-old female Teasia Montgomery of Medford. Both victims were later pronounced deceased.",
     [("two gunshot victims", "killed", 2.0)]),
    # a non-fatal wound is no death
    ("Eastern New Orleans shooting injures one The New Orleans Police Department said an 18-year-old suffered a "
     "non-fatal gunshot wound Monday afternoon (Jan. 6) in eastern New Orleans.",
     [("one", "injured", 1.0), ("an 18-year-old", "injured", 1.0)]),
    # the man who stabbed is no victim
    ("Charges have been filed against a South Side man who is accused of a home invasion over the weekend that was "
     "thwarted after a man inside the home stabbed him.", []),
    # a relative's shooting death
    ("Buy Photo A 46-year-old Pelzer man has been charged in the shooting death of his wife late Wednesday night, "
     "authorities said.", [("his wife", "killed", 1.0)]),
])
def test_later_deaths_non_fatal_wounds_and_the_stabber(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


# -- session 4, batch 4: another hospitalized, injuries had, struck with a gun, one definite person --------------

@pytest.mark.parametrize("text, expected", [
    ("LITTLE ROCK, AR - One man is dead and another hospitalized after a shooting at a local nightclub early "
     "Monday.", [("One man", "killed", 1.0), ("another hospitalized", "injured", 1.0)]),
    ("The robbers forced the residents into the house in the 21000 block of Wells Drive just before 2 a.m., "
     "overtaking one who was opening a gate to pull into the driveway. One resident had minor injuries as a result "
     "of the pistol-whipping.", [("One resident", "injured", 1.0)]),
    # struck with a gun (GVA counts a pistol-whipping)
    ("When there were no more customers left in the store, police said the man came back in, displayed a handgun "
     "and demanded the clerk open the registers and struck the clerk in the head with the handgun.",
     [("the clerk", "injured", 1.0)]),
    # one definite person of any kind, when nothing else was counted
    ("After the third Taser attempt, police say the 23-year-old male suspect began to attack them with the knife. "
     "Police then shot the suspect, who was later pronounced dead at a local hospital.",
     [("the suspect", "killed", 1.0)]),
    ("— The owner of an adult store in Fayetteville was in serious condition after a shoot-out with armed robbers "
     "at the store, police said Thursday.", [("The owner", "injured", 1.0)]),
    # ... but hurt in a crash, with no shooting in sight, is not counted by that rule
    ("S-1(Elk Grove resident) was the driver of a motor vehicle that was involved in collision with another "
     "vehicle. The driver of the other vehicle sustained minor injuries as a result of the collision.", []),
])
def test_another_hospitalized_injuries_had_and_one_definite_person(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_shot_then_injured_is_a_survivor_beside_the_dead(nlp):
    from evaluation.eval_claims_gva import article_counts

    text = ("ORTING, WA - Police found a man's body inside a burned treehouse along the Carbon River early Monday "
            "morning. Police believe the man was shot and killed in the treehouse during a dispute with another man "
            "over property. Near 3:30 a.m., Pierce County deputies responded to a home along Pioneer Way in Orting "
            "on a report of a woman with a gunshot wound. The woman, who was shot in the foot, told the deputies she "
            "was injured during a dispute inside the treehouse along with another man.")
    claims = run(nlp, text, published=PUBLISHED)
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


# -- session 4, batch 5: "shot" tagged as a base verb, grazed, the shooting of N people ---------------------------

@pytest.mark.parametrize("text, expected", [
    ("Gregory Tramble, 65, was robbed and shot while he sat on his own front porch in Northside.",
     [("Gregory Tramble", "injured", 1.0)]),
    ("HUNTSVILLE, Alabama - Huntsville police have arrested a 15-year-old suspect in the shooting of five people "
     "early Sunday morning at the Benchwarmer sports club on University Drive.", [("five people", "injured", 5.0)]),
])
def test_shot_as_a_base_verb_and_the_shooting_of_n_people(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_grazed_and_survived_is_injured_beside_the_dead(nlp):
    from evaluation.eval_claims_gva import article_counts

    text = ("A 25-year-old man was arrested Wednesday in a New Year's Day killing of a young woman. Rivera, known "
            "as \"Beba,\" was shot in the chest. Kristopher Mora, 20, was grazed and survived.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "Kristopher Mora")["category"] == "injured"
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


def test_taken_to_hospital_for_an_evaluation_is_no_injury(nlp):
    # GVA train (0..599): a driver stopped by police, not hurt
    claims = run(nlp, "Yancey was taken to the hospital for a medical evaluation and to collect a specimen of his "
                      "blood.", published=PUBLISHED)
    assert tolls(claims) == []


@pytest.mark.parametrize("text, expected", [
    # GVA train (600..1099): a couple is two people; shrapnel that hits a person wounds them
    ("Chattanooga police are investigating a shooting that left a married couple injured.",
     [("a married couple", "injured", 2.0)]),
    ("The round struck another object, and shrapnel hit the victim in the leg.", [("the victim", "injured", 1.0)]),
])
def test_a_couple_is_two_and_shrapnel_wounds(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_taken_to_hospital_as_a_precaution_is_no_injury(nlp):
    # GVA train (600..1099): an officer after a shooting in which no officer was hurt
    claims = run(nlp, "No officers were injured, though one officer was taken to a hospital as a precaution stemming "
                      "from a health concern.", published=PUBLISHED)
    assert [c for c in tolls(claims) if c[1] == "injured"] == []


# -- session 5: a round-up's other incidents are not the main incident's -------------------------------------------

def test_a_round_up_counts_only_the_lede_incidents_toll(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 1180 (labelled 0 killed, 1 injured): the lede's robbery in Oxford Circle, Philadelphia; the woman
    # killed on Champlost Avenue the next morning is another shooting of the same round-up
    text = ("Crime scene tape surrounds the victim’s car after a 60-year-old man was critically wounded during a "
            "robbery and shooting Tuesday night in the Oxford Circle section of Philadelphia. According to "
            "investigators, police responded to the 6200 block of Kindred Street for reports of a shooting shortly "
            "after 7:30 p.m. and found the victim suffering from several chest wounds. They rushed him to Albert "
            "Einstein Medical Center, where he was listed in critical condition. A woman was shot and killed at "
            "about 6 a.m. Wednesday in the area of Champlost Avenue and Front Street in the Olney section of the city.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "A woman")["category"] == "killed"  # still a claim of the article, of its own event
    assert article_counts(claims, text) == {"killed": 0, "injured": 1}


def test_the_lede_city_and_the_next_sentences_street_are_one_incident(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 190 (labelled 1 killed, 1 injured): "Fillmore" in the lede, "Grand Avenue" in the next sentence
    text = ("A shooting near a party in Fillmore Saturday night left a man dead and a juvenile wounded, officials "
            "said. Deputies responded at 11:59 p.m. to the 1600 block of Grand Avenue (map) after receiving a report "
            "of a gunshot victim lying on the road, the Ventura County Sheriff’s Department stated in a news release. "
            "Upon their arrival, deputies learned that the two male victims had been shot near a party taking place "
            "at a home on Grand Avenue, authorities said.")
    claims = run(nlp, text, published=PUBLISHED)
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


# -- session 6: gapping, a person noun the lexicon lacked, arrivals and care, a small clause, a death in hospital ---

@pytest.mark.parametrize("text, second", [
    # GVA train 465: the parser hangs "another" on "night"
    ("OAKLAND — One man was killed and another wounded Monday night in a shooting in the heart of downtown Oakland, "
     "authorities said.", "another wounded"),
    # GVA train 704: an adverb between "another" and its fate
    ("Last Tuesday deputies responded to a call on Lee Street in Cleveland, just outside Bickleton, to find one man "
     "dead and another seriously wounded.", "another seriously wounded"),
])
def test_gapped_another_is_a_second_victim(nlp, text, second):
    from evaluation.eval_claims_gva import article_counts

    claims = run(nlp, text, published=PUBLISHED)
    assert (second, "injured", 1.0) in tolls(claims)
    # "wounded" alone is a weak cue, but "another" says it is not the dead man told again
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


def test_another_person_also_shot_is_not_the_dead_victim(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 517 (1 killed, 1 injured)
    text = ("When they arrived on scene they discovered that Roger Crum Jr. had been fatally shot. Deputies say "
            "another person was also shot and suffered injuries.")
    claims = run(nlp, text, published=PUBLISHED)
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


def test_showed_up_with_a_gunshot_wound_is_one_injured(nlp):
    # GVA train 175: "showed up" is no "shot up" (the particle rule is for shooting verbs' particles)
    claims = run(nlp, "JACKSONVILLE, Fla. - A teenager showed up at Northwest Jacksonville home with a gunshot wound "
                      "and looking for help Monday afternoon, according to Jacksonville police.", published=PUBLISHED)
    assert tolls(claims) == [("A teenager", "injured", 1.0)]


def test_taken_somewhere_with_injuries_is_care(nlp):
    from toolkit.claims.syntax import cared_for

    # GVA train 175: the hospital's name has no "hospital" in it; the injuries say it was care
    doc = nlp("The teen was taken to UF Health Jacksonville with non-life-threatening injuries.")
    teen = next(t for t in doc if t.lower_ == "teen")
    assert cared_for(teen.head, teen)


def test_one_black_male_was_shot_is_one_injured(nlp):
    # GVA train 383: "male" is a person noun (it was read as a thing)
    claims = run(nlp, "According to a preliminary update from Huntsville Police, one black male was shot in the chest "
                      "area at the residence and was in a priority one condition when taken to Huntsville Hospital.",
                 published=PUBLISHED)
    assert tolls(claims) == [("one black male", "injured", 1.0)]


def test_found_a_man_dead_from_a_wound_is_killed(nlp):
    # GVA train 594: the parser makes the man the subject of "dead"; it was read as injured (the wound)
    claims = run(nlp, "The sheriff says they found a man in his seventies dead from a gun shot wound.",
                 published=PUBLISHED)
    assert tolls(claims) == [("a man", "killed", 1.0)]


def test_a_named_death_in_hospital_after_a_shooting_is_its_victim(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 291 (1 killed, 0 injured): the death's own sentence has no violence word
    text = ("The York County Coroner’s Office is reporting the victim of a Feb. 13 shooting in York has died. Vinny "
            "A. Reinoso, 29, died at York Hospital at 1:11 p.m. Saturday, York County Coroner Pam Gay said. According "
            "to police, Reinoso was shot in the neck and shoulder in the area of Elm Terrace and Bruce Street around "
            "4 p.m. Feb. 16.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "Vinny A. Reinoso")["category"] == "killed"
    assert article_counts(claims, text) == {"killed": 1, "injured": 0}


@pytest.mark.parametrize("text, expected", [
    # GVA train 549: a suicide is one death
    ("Police say a Ringgold, Ga., man took his own life after a six-hour standoff Wednesday.",
     [("a Ringgold, Ga., man", "killed", 1.0)]),
    # GVA train 269: a named person's body found with a gunshot wound (NER tags the possessor)
    ("Thomas Hobson's body was found with a gunshot wound when officers responded March 25 to the 11100 block of "
     "Cotillion Drive, near Barnes Bridge Road.", [("Thomas Hobson", "killed", 1.0)]),
    # GVA train 1032: recovering after a shooting = hurt and alive
    ("Two men are recovering after a shooting Saturday afternoon in Bessemer.", [("Two men", "injured", 2.0)]),
    # GVA train 168: "after suffering ... injuries", like "after being shot"
    ("On March 13, Baker County deputies said that they responded to the emergency room at Ed Fraser Memorial "
     "Hospital, where four people had arrived after suffering non-life-threatening injuries during a shooting.",
     [("four people", "injured", 4.0)]),
])
def test_own_life_body_recovering_after_suffering(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_taken_into_surgery_is_care(nlp):
    from toolkit.claims.syntax import cared_for

    # GVA train 443
    doc = nlp("The victim was transported to Spohn Memorial by medic units and was taken into surgery.")
    taken = next(t for t in doc if t.lower_ == "taken")
    assert cared_for(taken, doc[1])


@pytest.mark.parametrize("text, total", [
    # GVA train 982 (0 killed, 1 injured)
    ("Two Paterson men were shot at different locations Thursday night. A 19-year-old man was shot in Montgomery "
     "Park.", "Two Paterson men"),
    # GVA train 16 (0 killed, 1 injured)
    ("CONCORD — Two people were injured Friday, one seriously, in what police said were unrelated shootings just "
     "hours apart. The most serious of the two incidents occurred around 6 p.m. at a Wendy’s restaurant located at "
     "1551 Monument Boulevard Police arrived there to find a man in the parking lot with a life-threatening gunshot "
     "wound.", "Two people"),
])
def test_a_round_up_total_over_several_shootings_is_not_one_incident(nlp, text, total):
    from evaluation.eval_claims_gva import article_counts

    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, total)["scope"] == "cumulative"  # the lede's total is a round-up, a sum of incidents
    assert article_counts(claims, text) == {"killed": 0, "injured": 1}  # the first incident told on its own


def test_in_two_named_shootings_is_a_round_up_but_one_of_the_shootings_is_one(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 222 (0 killed, 2 injured): the lede sums two shootings; the first is told next
    text = ("OAKLAND — A woman and two men were wounded in two Oakland shootings Saturday night, police said Sunday. "
            "All are expected to recover, and the shootings do not appear to be related, authorities said. About "
            "9:31 p.m. Saturday a 37-year-old woman and a 33-year-old man were shot while they sat in a car in the "
            "2300 block of Inyo Avenue in East Oakland.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "two men")["scope"] == "cumulative"
    assert article_counts(claims, text) == {"killed": 0, "injured": 2}
    # GVA train 1302: "one of the shootings" is one incident of the round-up
    claims = run(nlp, "In one of the shootings, a 35-year-old man was killed and four people were wounded after shots "
                      "were fired into a lounge in the South Side's Back of the Yards neighborhood.",
                 published=PUBLISHED)
    assert {c["scope"] for c in claims} == {"incident"}


# -- session 6: one victim told over more than two sentences --------------------------------------------------------

def test_the_victims_name_given_later_carries_the_death_to_the_figure(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 174 (1 killed, 0 injured): "the victim, identified as ... Lorenzo Bernat" names the man of the
    # figure; "Bernat died" four sentences after it is his death
    text = ("PORTSMOUTH, Va. – Detectives with the Portsmouth Police Department’s Major Crimes Unit are investigating "
            "an early morning shooting that left one person dead Wednesday. Around 2:40 a.m., authorities were "
            "advised that a man suffering from a gunshot wound to the abdomen was taken by personal vehicle to "
            "Chesapeake General Hospital. The man was said to have been shot in Portsmouth near George Washington "
            "Highway and Victory Boulevard. Officers responded to the area and located a possible scene at 1915 "
            "Victory Boulevard. The victim, identified as 26-year-old Lorenzo Bernat of Virginia Beach, was then "
            "taken by paramedics to Norfolk General Hospital with life-threatening injuries. Bernat died shortly "
            "after arriving at the hospital.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "a man")["category"] == "killed"
    assert article_counts(claims, text) == {"killed": 1, "injured": 0}


def test_a_chain_of_pronouns_carries_the_death_to_the_figure(nlp):
    # GVA train 313: three sentences of "the victim" / "He" between the figure and the death
    text = ("When authorities arrived, they learned a man had been limping in the area from a gunshot wound but they "
            "couldn’t locate him. A short time later, the Minnesota State Patrol found the victim with a wound to his "
            "lower leg. He was taken to Hennepin County Medical Center. He died three days later from complications.")
    assert tolls(run(nlp, text, published=PUBLISHED)) == [("a man", "killed", 1.0)]


def test_after_a_killed_and_wounded_pair_a_later_death_is_the_dead_ones(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 465 (1 killed, 1 injured): "He died later" is Weathersby, the man killed, not the wounded one
    text = ("OAKLAND — One man was killed and another wounded Monday night in a shooting in the heart of downtown "
            "Oakland, authorities said. The man killed was identified by police Tuesday as Joshua K. Weathersby, 28, "
            "of Oakland. The name of the 24-year-old man wounded has not been released. The shooting happened about "
            "9:55 p.m. Monday in the 1300 block of Broadway, a few blocks from City Hall. Police said Weathersby got "
            "into an argument with another man who shot him and then fled before police arrived. He died later at a "
            "hospital.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "another wounded")["category"] == "injured"
    assert article_counts(claims, text) == {"killed": 1, "injured": 1}


# -- session 6: a victim told only by a pronoun; GVA counts gun victims only ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # GVA train 1156: "a" and "a man taken into custody" count nobody; the pronoun is the one hurt
    ("With the help of the Emergency Support Team, the man was taken into protective custody. He had suffered a "
     "self-inflicted gunshot wound and was taken to Bronson Methodist Hospital, Marshall said.",
     [("He", "injured", 1.0)]),
    # GVA train 591: a belief, not an event
    ("Those who have seen the video say it is a miracle the officer was not seriously injured. The officer was so "
     "close to the bullets he thought he had been shot.", []),
])
def test_a_victim_told_only_by_a_pronoun(nlp, text, expected):
    assert tolls(run(nlp, text, published=PUBLISHED)) == expected


def test_a_stabbing_is_no_gun_victim_for_gva(nlp):
    from evaluation.eval_claims_gva import article_counts

    # GVA train 843 (1 killed, 0 injured): a linked story's stabbing after the gun death
    text = ("He was booked into the Osceola County Jail in connection with the death of Michelle Rodriguez-Laracuente, "
            "who died of a gunshot wound on March 5 at a residence on the 200 block of Manoel Silva Street. An "
            "Orlando woman stabbed her 11-year-old daughter more than a dozen times Sunday because the girl smiled "
            "“different,” causing her mother to think her child was having sex, authorities said.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "her 11-year-old daughter")["category"] == "injured"  # a claim of the table all the same
    assert article_counts(claims, text) == {"killed": 1, "injured": 0}


def test_a_slideshow_or_top_video_headline_is_a_linked_story(nlp):
    # GVA train 336: "Top video:" introduces a linked headline that runs on without a full stop; the killing in it
    # (an earlier shooting at the same complex) is not this incident's
    text = ("The officer and the other driver were not hurt.Top video: Surveillance video: Man escapes jail holding "
            "areaLess than two weeks ago, 27-year-old Nathaniel Williams was shot and killed at the same apartment "
            "complex.")
    claims = run(nlp, text, published=PUBLISHED)
    assert find(claims, "Nathaniel Williams")["scope"] == "earlier"
