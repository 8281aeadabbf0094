"""The built-in back-care exercises.

Every movement described in the five source articles is here, merged where two articles describe
the same movement, plus a few safer variants that the safety filters use as substitutes. All text
is supple's own wording; facts (positions, doses, cautions) come from the sources each exercise
cites. Nothing here is medical advice.

The coverage table below (a comment) maps each article section to an exercise id.
"""

# Coverage of the articles: one row per exercise description in an article (a test reads this
# table; "file" is the article's number). "crack" is "yes" where the article's own text for that
# movement says the back or a joint will crack, snap or pop; every such exercise is tagged
# ``self-manipulation``. Article 001 also lists the bed-edge stretch among its ways to make the
# back crack, so it is tagged the same way.
#
# | file | section                                | exercise id                           | crack |
# | ---- | -------------------------------------- | ------------------------------------- | ----- |
# | 000  | How to do it step by step / Movement   | side-lying-thoracic-rotation          | no    |
# | 000  | Weighted progression                   | side-lying-thoracic-rotation-weighted | no    |
# | 001  | Stretch lying down                     | supine-full-body-stretch              | no    |
# | 001  | Bring your knees to your chest         | double-knee-to-chest                  | no    |
# | 001  | Do the cat pose                        | cat-cow                               | no    |
# | 001  | Stretch your back on the edge of a bed | bed-edge-back-extension               | no    |
# | 001  | Stretch the spine backwards            | standing-back-extension               | no    |
# | 001  | Rotate the spine                       | standing-rotation-release             | yes   |
# | 001  | Do a spinal stretch                    | supine-crossover-twist                | no    |
# | 001  | Stretch in the morning                 | standing-overhead-arch-release        | yes   |
# | 001  | Stretch your back in a chair           | chair-backrest-extension-release      | yes   |
# | 001  | Mohammedan exercise                    | childs-pose                           | no    |
# | 001  | Foam roller exercise                   | thoracic-foam-roll                    | yes   |
# | 001  | Lying stretch                          | lying-knee-across-twist               | yes   |
# | 002  | Pelvic tilts                           | pelvic-tilt                           | no    |
# | 002  | Cat stretch                            | cat-cow                               | no    |
# | 002  | Lower back rotational stretches        | lying-spinal-twist                    | no    |
# | 002  | Knee to chest stretch                  | single-knee-to-chest                  | no    |
# | 002  | (glute bridge, untitled section)       | glute-bridge                          | no    |
# | 003  | 1. Cat-Cow Stretch                     | cat-cow                               | no    |
# | 003  | 2. Child's Pose Stretch                | childs-pose                           | no    |
# | 003  | 3. Lying Spinal Twist                  | lying-spinal-twist                    | no    |
# | 003  | 4. Pelvic Bridge                       | glute-bridge                          | no    |
# | 003  | 5. Piriformis Stretch                  | piriformis-stretch                    | no    |
# | 004  | 1. Leg lift                            | supine-hamstring-stretch              | no    |
# | 004  | 2. Singular knee to chest              | single-knee-to-chest                  | no    |
# | 004  | 3. Dual knees to ribcage or chest      | double-knee-to-chest                  | no    |
# | 004  | 4. The inclination of the pelvis       | pelvic-lift                           | no    |
# | 004  | 5. Stretching hamstrings               | seated-hamstring-stretch              | no    |
# | 004  | 6. Hip flexion                         | hip-flexion-lunge                     | no    |
# | 004  | 7. Squat                               | deep-squat                            | no    |
#
# Safer variants added for the safety filters and the composed routines (no floor for the desk
# break; seated, standing or all-fours versions of supine work in pregnancy; neutral-spine versions
# of deep forward bends): standing-gentle-rotation, seated-gentle-rotation,
# standing-gentle-back-extension, seated-gentle-back-extension, seated-pelvic-tilt,
# seated-figure-4-stretch, standing-hip-flexor-stretch, sit-to-stand.
#
# Doses: an article's range becomes its lower end (15-20 repetitions -> 15). Where an article gives
# no number, the dose is a product default and the comment next to it says so.

from __future__ import annotations

from supple import Dose, Exercise
from supple_backcare.sources import (
    ACOG,
    ACSM,
    ARTICLE_000,
    ARTICLE_001,
    ARTICLE_002,
    ARTICLE_003,
    ARTICLE_004,
    BARTSCH_2021,
    MAY_AINA_2012,
    MOSBY_2011,
    ROS_2022,
    SINAKI_1984,
)

# --- cautions shared by several exercises ------------------------------------------------------

STOP_IF_WORSE = (
    "Stop if pain spreads down a leg or increases sharply; next time use a smaller range or the "
    "easier variant."
)
MILD_TIGHTNESS = "Stretch to mild tightness only, never into pain."
NOT_FORCED = "Move slowly and under your own muscle control; never bounce or force the range."
DEEP_FLEXION = (
    "If you have osteoporosis or have had a spinal fracture, deep or pulled forward bending is "
    "usually advised against; the safety filters replace or remove this exercise for you."
)
SUPINE_PREGNANCY = (
    "After the first trimester of pregnancy, lying flat on the back is usually avoided; the "
    "safety filters swap this for a seated, side-lying or all-fours version."
)
NOT_RECOMMENDED_POP = (
    "supple does not recommend this movement as its source article (see Sources) teaches it: "
    "it is meant to "
    "make a joint of the spine crack or pop. supple never recommends forcing a joint to pop, "
    "pushing a twist further with the arms, or repeating a movement until something cracks."
)
FILTERED = (
    "It is kept in the catalogue so the routine of its source article (see Sources) can be "
    "reproduced honestly; the safety "
    "filters remove it or replace it with its easier variant."
)
NECK_DANGER = (
    "Taking the head back with force has been linked to injury of the arteries in the neck; "
    "keep the head supported and never push it back."
)


EXERCISES: tuple[Exercise, ...] = (
    # ------------------------------------------------------------------ article 000
    Exercise(
        id="side-lying-thoracic-rotation",
        name="Side-lying thoracic rotation",
        summary="Lying on one side with the top knee pinned, open the top arm and chest towards "
        "the floor behind you, then return.",
        kind="mobility",
        position="side-lying",
        dose=Dose(reps=15, per_side=True),  # 000: 15-20 slow repetitions per side
        instructions=(
            "Lie on either side with your head resting on a pillow or your arm, in line with "
            "your body.",
            "Bend the top leg to a right angle at hip and knee and let it rest on the floor in "
            "front of the lower leg.",
            "Hold the top knee down with your lower hand so it stays on the floor throughout.",
            "Rest the top hand in front of your chest.",
            "Breathing out slowly, sweep the top arm up and back, following the hand with your "
            "eyes, and let the chest turn towards the ceiling and then the floor behind you, as "
            "far as is comfortable while the knee stays down.",
            "At the end of the turn take one full breath in and a slow breath out, then come "
            "back to the start slowly. Do all repetitions, then change sides.",
        ),
        cues=(
            "The knee stays down; the movement comes from the upper and middle back.",
            "Slow and controlled: the turn is never forced.",
        ),
        breathing="Breathe out as you open; at the end of the turn breathe in fully and out "
        "slowly before returning.",
        cautions=(
            "Not for people with acute inflammation or persistent severe pain, or with metal "
            "implants in the spine.",
            "With a disc herniation and active pain, do this only under a professional's "
            "supervision.",
            NOT_FORCED,
            STOP_IF_WORSE,
        ),
        regions=("thoracic", "shoulders", "lumbar", "hips"),
        tags=("spinal-rotation", "end-range-rotation", "floor"),
        equipment=("mat",),
        easier=("seated-gentle-rotation",),
        harder=("side-lying-thoracic-rotation-weighted",),
        sources=(ARTICLE_000,),
    ),
    Exercise(
        id="side-lying-thoracic-rotation-weighted",
        name="Side-lying thoracic rotation with a light weight",
        summary="The side-lying rotation holding a light object, for when the plain version is "
        "easy and pain-free.",
        kind="mobility",
        position="side-lying",
        dose=Dose(reps=15, per_side=True, load_kg=1),  # 000: a book or a 1 kg weight
        instructions=(
            "Set up as for the side-lying thoracic rotation, top knee held down by the lower hand.",
            "Hold a light object, such as a book or a 1 kg weight, in the top hand.",
            "Open the arm and chest slowly to a comfortable range, breathe in and out at the end, "
            "and return slowly.",
            "Do all repetitions, then change sides.",
        ),
        cues=("Use the weight only when the unweighted version feels easy and causes no pain.",),
        breathing="Breathe out as you open; a full breath at the end of the turn.",
        cautions=(
            "Only add weight when the exercise is already easy and pain-free; increase it "
            "gradually.",
            "Not for people with acute inflammation, persistent severe pain or metal implants in "
            "the spine.",
            STOP_IF_WORSE,
        ),
        regions=("thoracic", "shoulders", "lumbar", "hips"),
        tags=("spinal-rotation", "end-range-rotation", "external-load", "floor"),
        equipment=("mat", "light-weight"),
        easier=("side-lying-thoracic-rotation",),
        sources=(ARTICLE_000,),
    ),
    # ------------------------------------------------------------------ article 001
    Exercise(
        id="supine-full-body-stretch",
        name="Lying full-body reach",
        summary="Lying on your back, reach the hands overhead and the heels away to lengthen the "
        "whole body.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=30),  # 001: 30 seconds
        instructions=(
            "Lie on your back on a mat with your legs straight.",
            "Take both arms overhead and lightly link the fingers, palms facing away from you.",
            "Reach the hands one way and the heels the other, lengthening the body along the "
            "floor without arching the lower back.",
            "Hold, breathing easily, then let go and rest with the arms by your sides.",
        ),
        cues=("Lengthen, do not strain: the lower back stays close to the floor.",),
        breathing="Breathe slowly and evenly throughout the hold.",
        cautions=(
            "Bring the arms down if the shoulders pinch or tingle.",
            SUPINE_PREGNANCY,
        ),
        regions=("shoulders", "thoracic", "lumbar"),
        tags=("floor",),
        equipment=("mat",),
        sources=(ARTICLE_001,),
    ),
    Exercise(
        id="double-knee-to-chest",
        name="Double knee to chest",
        summary="Lying on your back, hug both knees towards the chest and hold.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=15),  # 004: 15-20 s (001 holds 20 s)
        instructions=(
            "Lie on your back with the knees bent and the feet flat.",
            "Bring one knee and then the other up towards the chest.",
            "Hold the knees with your hands, just below the kneecaps or behind the thighs, and "
            "draw them in only as far as is comfortable.",
            "Hold, then lower one foot at a time to the floor and straighten the legs.",
            "Optional: rock a little from side to side while holding the knees (article 001).",
        ),
        cues=(
            "Draw the knees in gently; the arms guide, they do not crank.",
            "Head and shoulders stay relaxed on the floor.",
        ),
        breathing="Breathe slowly; let the lower back relax a little more on each breath out.",
        cautions=(
            DEEP_FLEXION,
            SUPINE_PREGNANCY,
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "glutes", "hips"),
        tags=(
            "spinal-flexion",
            "end-range-flexion",
            "loaded-flexion",
            "hip-flexion",
            "end-range-hold",
            "floor",
        ),
        equipment=("mat",),
        easier=("single-knee-to-chest",),
        sources=(ARTICLE_001, ARTICLE_004, ROS_2022),
    ),
    Exercise(
        id="cat-cow",
        name="Cat-cow",
        summary="On hands and knees, round the back up and then let it dip, slowly and within a "
        "comfortable range.",
        kind="mobility",
        position="quadruped",
        dose=Dose(reps=5, hold_s=3),  # 003: 5-10 reps, a few seconds; 001: 5 reps, 5 s; 002: 3-5
        instructions=(
            "Come onto hands and knees: hands under the shoulders, knees under the hips and "
            "hip-width apart, tops of the feet on the mat.",
            "Breathing out, round the back up towards the ceiling, draw the navel in and let the "
            "head drop.",
            "Pause for a few seconds.",
            "Breathing in, let the belly sink and the back dip gently, bringing the gaze and the "
            "tailbone a little upward without throwing the head back.",
            "Pause, then repeat, moving slowly between the two positions.",
        ),
        cues=(
            "Stay in a comfortable middle range; it does not need to go as far as possible.",
            "Weight spread evenly over hands and knees.",
        ),
        breathing="Breathe out as you round up, breathe in as the back dips.",
        cautions=(
            "With osteoporosis keep the rounding small.",
            "Use a folded mat under the knees if kneeling is uncomfortable.",
            STOP_IF_WORSE,
        ),
        regions=("thoracic", "lumbar", "pelvis"),
        tags=("spinal-flexion", "spinal-extension", "floor"),
        equipment=("mat",),
        sources=(ARTICLE_001, ARTICLE_002, ARTICLE_003),
    ),
    Exercise(
        id="bed-edge-back-extension",
        name="Bed-edge back arch (article 001)",
        summary="Lying on a firm bed with the shoulder blades over the edge, the head and arms "
        "hang back; article 001 lists it among its ways to make the back crack.",
        kind="self-release",
        position="supine",
        dose=Dose(reps=4, hold_s=5),  # 001: about 5 s, about four times
        instructions=(
            "Article 001's version: lie on your back on a firm bed that does not sink, with the "
            "shoulder blades just past the edge so the head is unsupported.",
            "On a breath in, the arms are taken overhead and allowed to drop back, palms up.",
            "After about five seconds, breathing out, bend the knees and sit up on the bed.",
            "supple does not recommend letting the head hang: use the standing gentle back "
            "extension instead.",
        ),
        breathing="Breathe in as the arms go overhead, out as you sit up.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            "The head hangs without support and the body's weight takes the back into a full "
            "arch; this can strain the neck and may cause dizziness.",
            NECK_DANGER,
        ),
        regions=("thoracic", "neck", "shoulders"),
        tags=(
            "spinal-extension",
            "end-range-extension",
            "neck-extension",
            "overpressure",
            "end-range-hold",
            "self-manipulation",
        ),
        equipment=("bed",),
        easier=("standing-gentle-back-extension",),
        sources=(ARTICLE_001, MOSBY_2011),
    ),
    Exercise(
        id="standing-back-extension",
        name="Standing chest-lift back extension",
        summary="Standing, draw the shoulders back and lift the chest on a breath in, then "
        "relax; at most three times.",
        kind="mobility",
        position="standing",
        dose=Dose(reps=3),  # 001: at most three repetitions
        instructions=(
            "Stand tall with the palms resting against the sides of the thighs and the chin "
            "level.",
            "Breathing in, roll the shoulders back and lift the chest forward and up, keeping "
            "the stomach muscles gently firm.",
            "Breathing out, return to standing tall.",
            "Do no more than three repetitions, then let the body relax.",
        ),
        cues=("A small, comfortable arch through the upper back; the head stays in line.",),
        breathing="Breathe in as the chest lifts, out as you return.",
        cautions=(
            "Article 001 limits this to three repetitions at most.",
            STOP_IF_WORSE,
        ),
        regions=("thoracic", "shoulders"),
        tags=("spinal-extension",),
        easier=("standing-gentle-back-extension",),
        sources=(ARTICLE_001,),
    ),
    Exercise(
        id="standing-rotation-release",
        name="Standing twist with arm push (article 001)",
        summary="A standing trunk twist that article 001 finishes with a push of the arms to make "
        "the back crack; recorded here, not recommended.",
        kind="self-release",
        position="standing",
        dose=Dose(reps=2, per_side=True),  # 001: "a couple of times" each way
        instructions=(
            "Stand with the feet a little apart, arms close to the body and elbows bent to a "
            "right angle.",
            "Turn the trunk slowly to the left, only as far as it goes without pain, using your "
            "own muscles, and come back to the middle.",
            "Turn the same way to the right and come back.",
            "Article 001 then adds a push with the arms to drive the twist further; supple does "
            "not recommend that push: keep the twist slow, active and within a comfortable range.",
            "Article 001 asks you to wait an hour before doing the twist again.",
        ),
        cues=("Hips face forward; the turn is slow and comes from the trunk.",),
        breathing="Breathe out as you turn, in as you come back to the middle.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            "Pushing a twist past where the muscles take it strains the joints and discs of the "
            "spine.",
        ),
        regions=("thoracic", "lumbar"),
        tags=(
            "spinal-rotation",
            "end-range-rotation",
            "overpressure",
            "self-manipulation",
        ),
        easier=("standing-gentle-rotation", "seated-gentle-rotation"),
        min_interval_s=3600,  # 001: wait an hour before repeating
        sources=(ARTICLE_001,),
    ),
    Exercise(
        id="supine-crossover-twist",
        name="Lying single-leg crossover twist",
        summary="Lying on your back with one arm out to the side, cross that leg over the other "
        "towards the floor and hold.",
        kind="stretch",
        position="supine",
        dose=Dose(sets=2, hold_s=10, per_side=True),  # 001: 10 s, four repetitions in all
        instructions=(
            "Lie on your back on a mat with the legs straight.",
            "Stretch the left arm out on the floor at shoulder height.",
            "Bend the left knee and take it across the right leg towards the floor, turning the "
            "hips; let the knee go only as low as is comfortable.",
            "Rest the right hand lightly on the left knee and hold, keeping the left shoulder "
            "on the floor.",
            "Come back to the middle and repeat on the other side.",
        ),
        cues=(
            "The hand rests on the knee; it does not press it down.",
            "The opposite shoulder stays relaxed on the mat.",
        ),
        breathing="Breathe slowly through the hold.",
        cautions=(
            MILD_TIGHTNESS,
            "With osteoporosis keep the twist small and mid-range.",
            SUPINE_PREGNANCY,
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "thoracic", "glutes"),
        tags=("spinal-rotation", "end-range-rotation", "end-range-hold", "floor"),
        equipment=("mat",),
        easier=("lying-spinal-twist",),
        sources=(ARTICLE_001,),
    ),
    Exercise(
        id="standing-overhead-arch-release",
        name="Standing overhead back arch (article 001)",
        summary="Standing with the hands behind the head, article 001 pushes the head back and "
        "arches the whole back until it cracks; recorded here, not recommended.",
        kind="self-release",
        position="standing",
        dose=Dose(reps=1),  # 001 gives no count: done once
        instructions=(
            "Article 001's version: stand tall, raise both arms overhead with the fingers "
            "linked, then bring the hands to the back of the head.",
            "It then takes the head and upper body back into a deep arch with the belly pushed "
            "forward.",
            "supple does not recommend pushing the head back or arching as far as possible: use "
            "the standing gentle back extension, with the hands on the hips and a small range, "
            "instead.",
        ),
        breathing="Breathe normally; never hold the breath while arching.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            NECK_DANGER,
            "A deep standing backbend can also cost you your balance.",
        ),
        regions=("thoracic", "lumbar", "neck"),
        tags=(
            "spinal-extension",
            "end-range-extension",
            "neck-extension",
            "overpressure",
            "balance",
            "self-manipulation",
        ),
        easier=("standing-gentle-back-extension",),
        sources=(ARTICLE_001, MOSBY_2011),
    ),
    Exercise(
        id="chair-backrest-extension-release",
        name="Chair backrest arch (article 001)",
        summary="Sitting slumped forward on a chair so the backrest meets the mid-back, article "
        "001 takes the head back as far as it goes until the back snaps; recorded here, not "
        "recommended.",
        kind="self-release",
        position="seated",
        dose=Dose(reps=1),  # 001 gives no count: done once
        instructions=(
            "Article 001's version: sit on a firm chair and slide forward so the top of the "
            "backrest meets the middle of the back.",
            "The legs reach forward with the heels on the floor and the arms hang loose.",
            "The head is then taken back as far as it goes over the backrest.",
            "supple does not recommend taking the head back as far as it goes: use the seated "
            "gentle back extension, head in line with the body, instead.",
        ),
        breathing="Breathe normally.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            NECK_DANGER,
        ),
        regions=("thoracic", "neck"),
        tags=(
            "spinal-extension",
            "end-range-extension",
            "neck-extension",
            "overpressure",
            "end-range-hold",
            "self-manipulation",
        ),
        equipment=("chair",),
        easier=("seated-gentle-back-extension",),
        sources=(ARTICLE_001, MOSBY_2011),
    ),
    Exercise(
        id="childs-pose",
        name="Child's pose",
        summary="From hands and knees, sit back towards the heels with the arms reaching forward "
        "and rest the back.",
        kind="stretch",
        position="kneeling",
        dose=Dose(hold_s=20),  # 003: 20-30 s; 001: 20 s, about four times, a minute's rest
        instructions=(
            "Start on hands and knees on a mat.",
            "Optional warm-in from article 001: rock gently forward and back a few times.",
            "Sit the hips back towards the heels, walking the hands forward on the floor.",
            "Let the forehead come towards the mat, only as low as is comfortable, and let the "
            "back relax.",
            "Hold, breathing slowly, then walk the hands back and return to hands and knees.",
        ),
        cues=(
            "A pillow under the forehead or between hips and heels makes it easier.",
            "Comfort first: the hips do not need to reach the heels.",
        ),
        breathing="Slow breaths into the back of the ribs.",
        cautions=(
            DEEP_FLEXION,
            "Skip it if kneeling hurts your knees.",
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "thoracic", "shoulders", "hips"),
        tags=(
            "spinal-flexion",
            "end-range-flexion",
            "hip-flexion",
            "end-range-hold",
            "floor",
        ),
        equipment=("mat",),
        sources=(ARTICLE_001, ARTICLE_003, ROS_2022),
    ),
    Exercise(
        id="thoracic-foam-roll",
        name="Upper-back foam roll (article 001)",
        summary="Lying with a foam roller under the shoulders, roll slowly down to the mid-back "
        "and up again; article 001 expects joints to crack and says to stop for an hour if so.",
        kind="self-release",
        position="supine",
        dose=Dose(sets=2, reps=10, rest_s=20),  # 001: 10 rolls, 20 s rest, 10 more
        instructions=(
            "Place a foam roller across a mat and lie back on it with the roller under the "
            "shoulder blades.",
            "Bend the knees and set the feet flat so the legs can move you; rest the arms on the "
            "mat to steady yourself.",
            "Push gently with the legs to roll the roller down to the middle of the back, then "
            "back up to the shoulder blades.",
            "Keep the roller on the upper and middle back only, never under the lower back or "
            "the neck.",
            "After a set, rest, then do the second set. Article 001 asks for at least an hour "
            "before rolling again.",
        ),
        cues=("Slow rolls; the hips stay low.",),
        breathing="Breathe steadily as you roll.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            "Do not foam roll with a fracture or osteoporosis, open wounds, or a current or past "
            "blood clot (DVT); take care over any inflamed area; never roll on the lumbar spine.",
        ),
        regions=("thoracic", "shoulders"),
        tags=(
            "direct-pressure",
            "foam-roller",
            "spinal-extension",
            "self-manipulation",
            "floor",
        ),
        equipment=("foam-roller", "mat"),
        easier=("seated-gentle-back-extension",),
        min_interval_s=3600,  # 001: stop for at least an hour
        sources=(ARTICLE_001, BARTSCH_2021),
    ),
    Exercise(
        id="lying-knee-across-twist",
        name="Lying knee-across twist with pointed foot (article 001)",
        summary="Lying on your back, draw one knee up and take it across the body towards the "
        "floor while the other leg stretches long; article 001 says it sometimes cracks.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=20, per_side=True),  # 001: about 20 s, then the other side
        instructions=(
            "Lie on your back on a flat surface.",
            "Draw the left knee towards the chest with both hands.",
            "Let go with the right hand and lay that arm out to the side, palm up.",
            "Keep the right leg long with the toes pointed away.",
            "Guide the left knee across to the right only as far as is comfortable; it does not "
            "need to reach the floor. Hold, then change sides.",
        ),
        cues=("The twist is gentle and held; nothing is pushed.",),
        breathing="Breathe slowly through the hold.",
        cautions=(
            NOT_RECOMMENDED_POP,
            FILTERED,
            SUPINE_PREGNANCY,
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "glutes", "hips"),
        tags=(
            "spinal-rotation",
            "end-range-rotation",
            "hip-flexion",
            "end-range-hold",
            "self-manipulation",
            "floor",
        ),
        equipment=("mat",),
        easier=("lying-spinal-twist",),
        sources=(ARTICLE_001,),
    ),
    # ------------------------------------------------------------------ article 002
    Exercise(
        id="pelvic-tilt",
        name="Pelvic tilt",
        summary="Lying on your back with knees bent, rock the pelvis to arch the lower back a "
        "little, then to flatten it, holding each.",
        kind="motor-control",
        position="supine",
        # 002: 5 s holds, repetitions "gradually increased": 5 to start is a product default.
        dose=Dose(reps=5, hold_s=5),
        instructions=(
            "Lie on your back, knees bent, feet flat and arms by your sides.",
            "Gently tip the pelvis so the lower back lifts a little off the floor and the belly "
            "rises. Hold.",
            "Relax, then tip the pelvis the other way, drawing the navel down so the lower back "
            "flattens onto the floor. Hold.",
            "Relax between repetitions; add repetitions gradually as it gets easier.",
        ),
        cues=("Small movements of the pelvis; the rest of the body stays still.",),
        breathing="Breathe normally during the holds; do not hold your breath.",
        cautions=(SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("lumbar", "pelvis", "core"),
        tags=("spinal-flexion", "spinal-extension", "floor"),
        equipment=("mat",),
        easier=("seated-pelvic-tilt",),
        harder=("pelvic-lift",),
        sources=(ARTICLE_002,),
    ),
    Exercise(
        id="lying-spinal-twist",
        name="Lying spinal twist (knees together)",
        summary="Lying on your back, arms out, let both bent knees roll gently to one side and "
        "hold, then the other.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=20, per_side=True),  # 003: 20-30 s; 002: 5-10 s, 2-3 times a side
        instructions=(
            "Lie on your back with the knees bent and the feet flat together.",
            "Spread the arms out on the floor at shoulder height.",
            "Keeping the knees together and both shoulders on the floor, let the knees roll "
            "gently to one side, only as far as is comfortable.",
            "Hold, bring the knees back to the middle, and repeat to the other side.",
        ),
        cues=(
            "The shoulders stay down; the knees go only part of the way if that is comfortable.",
        ),
        breathing="Breathe slowly through the hold.",
        cautions=(MILD_TIGHTNESS, SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("lumbar", "thoracic", "glutes"),
        tags=("spinal-rotation", "floor"),
        equipment=("mat",),
        easier=("seated-gentle-rotation",),
        sources=(ARTICLE_002, ARTICLE_003),
    ),
    Exercise(
        id="single-knee-to-chest",
        name="Single knee to chest",
        summary="Lying on your back, draw one knee towards the chest with both hands and hold, "
        "then the other.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=15, per_side=True),  # 004: 15-20 s each leg; 002: 5 s, 2-4 times
        instructions=(
            "Lie on your back with the knees bent and the feet flat.",
            "Bring one knee up and hold it with both hands behind the thigh or just below the "
            "knee; the other foot stays on the floor, or that leg lies straight if comfortable.",
            "Draw the knee gently towards the chest while keeping the stomach muscles lightly "
            "firm and the lower back resting on the floor.",
            "Hold, lower the leg slowly, and repeat with the other leg.",
        ),
        cues=("The pull is gentle; the lower back stays long on the floor.",),
        breathing="Breathe slowly during the hold.",
        cautions=(MILD_TIGHTNESS, SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("lumbar", "glutes", "hips"),
        tags=("spinal-flexion", "hip-flexion", "floor"),
        equipment=("mat",),
        harder=("double-knee-to-chest",),
        sources=(ARTICLE_002, ARTICLE_004),
    ),
    Exercise(
        id="glute-bridge",
        name="Glute bridge",
        summary="Lying on your back with knees bent, squeeze the buttocks and lift the hips until "
        "shoulders, hips and knees line up, then lower slowly.",
        kind="strength",
        position="supine",
        dose=Dose(reps=10, hold_s=3),  # 003: 10-15, hold a few seconds; 002: 3 reps
        instructions=(
            "Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides.",
            "Set the feet firmly, tighten the buttocks and the lower stomach muscles.",
            "Lift the hips until the body makes a straight line from the shoulders to the knees; "
            "the shoulders stay on the floor.",
            "Hold for a few seconds, then lower the back to the floor slowly, one part at a time, "
            "and rest briefly before the next repetition.",
        ),
        cues=(
            "Lift with the buttocks, not by arching the lower back.",
            "Knees stay in line with the feet.",
        ),
        breathing="Breathe out as you lift, in as you lower.",
        cautions=(SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("glutes", "hamstrings", "core", "lumbar"),
        tags=("floor",),
        equipment=("mat",),
        easier=("pelvic-lift", "sit-to-stand"),
        sources=(ARTICLE_002, ARTICLE_003),
    ),
    # ------------------------------------------------------------------ article 003
    Exercise(
        id="piriformis-stretch",
        name="Lying piriformis stretch",
        summary="Lying on your back, cross one ankle over the other knee and draw the uncrossed "
        "leg towards you to stretch the buttock.",
        kind="stretch",
        position="supine",
        dose=Dose(hold_s=20, per_side=True),  # 003: 20-30 s each side
        instructions=(
            "Lie on your back with the knees bent and the feet flat.",
            "Rest the right ankle across the left knee.",
            "Take hold of the left thigh and draw it gently towards the chest until you feel a "
            "stretch in the right buttock.",
            "Hold, release, and change sides.",
        ),
        cues=("Head and shoulders stay relaxed on the floor.",),
        breathing="Breathe slowly through the hold.",
        cautions=(MILD_TIGHTNESS, SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("glutes", "hips"),
        tags=("hip-flexion", "spinal-flexion", "floor"),
        equipment=("mat",),
        easier=("seated-figure-4-stretch",),
        sources=(ARTICLE_003,),
    ),
    # ------------------------------------------------------------------ article 004
    Exercise(
        id="supine-hamstring-stretch",
        name="Lying hamstring stretch",
        summary="Lying on your back, raise one straight leg and hold it behind the thigh (or with "
        "a strap) to stretch the back of the thigh with the back kept neutral.",
        kind="stretch",
        position="supine",
        dose=Dose(sets=2, hold_s=30, per_side=True),  # 004: at least 30 s, twice each leg
        instructions=(
            "Lie on your back with one knee bent and that foot flat on the floor.",
            "Raise the other leg, keeping it as straight as is comfortable.",
            "Hold it with both hands behind the thigh or behind the knee, or loop a strap or "
            "towel around the foot.",
            "Ease the leg towards you until you feel mild tightness at the back of the thigh, and "
            "hold. Lower it slowly and change legs.",
        ),
        cues=(
            "The lower back and head stay resting on the floor.",
            "A slight bend in the knee is fine.",
        ),
        breathing="Breathe slowly through the hold.",
        cautions=(
            MILD_TIGHTNESS,
            "Because the back stays neutral, this replaces the seated toe-reach for people "
            "advised to avoid deep forward bending.",
            SUPINE_PREGNANCY,
            STOP_IF_WORSE,
        ),
        regions=("hamstrings", "legs"),
        tags=("hip-flexion", "floor"),
        equipment=("mat", "strap"),
        sources=(ARTICLE_004, ROS_2022),
    ),
    Exercise(
        id="pelvic-lift",
        name="Pelvic lift with hold",
        summary="Lying on your back with knees bent, lift the buttocks a few centimetres, hold "
        "with the stomach muscles working, and lower.",
        kind="motor-control",
        position="supine",
        # 004: hold 5-10 s, 3 sets of 10; rest between sets is a product default (ACSM: 1-3 min).
        dose=Dose(sets=3, reps=10, hold_s=5, rest_s=60),
        instructions=(
            "Lie on your back, knees bent and feet flat on the floor.",
            "Tighten the stomach muscles and lift the buttocks just a few centimetres off the "
            "floor.",
            "Hold, keeping the stomach muscles working, then lower and relax.",
            "Rest between sets.",
        ),
        cues=("A small lift: the work is in holding steady, not in lifting high.",),
        breathing="Breathe steadily through each hold.",
        cautions=(SUPINE_PREGNANCY, STOP_IF_WORSE),
        regions=("core", "glutes", "pelvis"),
        tags=("floor",),
        equipment=("mat",),
        easier=("pelvic-tilt",),
        harder=("glute-bridge",),
        sources=(ARTICLE_004, ACSM),
    ),
    Exercise(
        id="seated-hamstring-stretch",
        name="Seated toe-reach hamstring stretch",
        summary="Sitting on the floor with straight legs, fold forward reaching towards the feet "
        "and hold.",
        kind="stretch",
        position="seated",
        dose=Dose(sets=2, hold_s=15),  # 004: about 15 s, rest, repeat
        instructions=(
            "Sit on the floor with the legs straight out in front and the trunk upright.",
            "Reach the arms forward and lower the trunk slowly over the legs, reaching towards "
            "the balls of the feet without bending the knees.",
            "Stop at mild tightness, wherever the hands reach, and hold.",
            "Come back up slowly, rest, and repeat.",
        ),
        cues=("Fold from the hips as much as you can; the hands do not have to reach the feet.",),
        breathing="Breathe slowly; do not hold your breath.",
        cautions=(
            DEEP_FLEXION,
            "The lying hamstring stretch works the same muscles with the back kept neutral.",
            MILD_TIGHTNESS,
            STOP_IF_WORSE,
        ),
        regions=("hamstrings", "lumbar", "legs"),
        tags=(
            "spinal-flexion",
            "end-range-flexion",
            "hip-flexion",
            "end-range-hold",
            "floor",
        ),
        equipment=("mat",),
        easier=("supine-hamstring-stretch",),
        sources=(ARTICLE_004, ROS_2022, SINAKI_1984),
    ),
    Exercise(
        id="hip-flexion-lunge",
        name="Lunge with chest to knee",
        summary="In a long lunge with the back leg straight, fold the chest down towards the "
        "front knee, then come up and switch legs.",
        kind="mobility",
        position="standing",
        dose=Dose(reps=5, per_side=True),  # 004 gives no count: 5 a side is a product default
        instructions=(
            "Stand with the left foot forward and the knee bent, the right leg stretched back and "
            "straight; hold a chair or the wall if you need to.",
            "Lean the chest forward towards the front thigh, bringing the armpit towards the "
            "left knee as far as is comfortable.",
            "Come back up to the lunge and then to standing.",
            "Repeat, then change legs.",
        ),
        cues=("Front knee over the ankle; move slowly and keep your balance.",),
        breathing="Breathe out as you fold forward, in as you come up.",
        cautions=(
            DEEP_FLEXION,
            "Needs good balance; use support or the supported standing hip-flexor stretch "
            "instead.",
            STOP_IF_WORSE,
        ),
        regions=("hip-flexors", "hips", "hamstrings", "legs", "lumbar"),
        tags=("hip-flexion", "spinal-flexion", "end-range-flexion", "balance"),
        easier=("standing-hip-flexor-stretch",),
        sources=(ARTICLE_004,),
    ),
    Exercise(
        id="deep-squat",
        name="Deep squat",
        summary="Standing with the feet shoulder-width apart, bend the knees and lower the "
        "buttocks towards the floor, then stand up.",
        kind="strength",
        position="standing",
        # 004: at least 3 sets of 10; rest between sets is a product default (ACSM: 1-3 min).
        dose=Dose(sets=3, reps=10, rest_s=60),
        instructions=(
            "Stand with the feet shoulder-width apart and the trunk upright.",
            "Bend the knees and lower the buttocks as far towards the floor as is comfortable, "
            "keeping the heels down and the back long.",
            "Push through the feet to stand up again.",
            "Rest between sets.",
        ),
        cues=(
            "Knees follow the line of the toes.",
            "Go only as low as you can with the back long and the heels down.",
        ),
        breathing="Breathe in as you lower, out as you stand.",
        cautions=(
            "Hold a sturdy support if your balance is unsure; the sit-to-stand is the easier "
            "version.",
            STOP_IF_WORSE,
        ),
        regions=("legs", "glutes", "hips"),
        tags=("deep-squat", "hip-flexion", "balance"),
        easier=("sit-to-stand",),
        sources=(ARTICLE_004, ACSM),
    ),
    # ------------------------------------------------------------------ safer variants
    Exercise(
        id="standing-gentle-rotation",
        name="Standing gentle trunk rotation",
        summary="Standing, turn the trunk slowly to each side within a comfortable middle range, "
        "with no push from the arms.",
        kind="mobility",
        position="standing",
        dose=Dose(reps=5, per_side=True, alternate=True),  # product default (mobility drill)
        instructions=(
            "Stand with the feet a little apart, arms close to the body and elbows bent to a "
            "right angle.",
            "Turn the trunk slowly to one side, using your own muscles, to a comfortable point "
            "well short of the end of the range.",
            "Come back to the middle and turn to the other side.",
        ),
        cues=("Hips face forward; the arms travel with the trunk and never push it.",),
        breathing="Breathe out as you turn, in as you return.",
        cautions=(NOT_FORCED, STOP_IF_WORSE),
        regions=("thoracic", "lumbar"),
        tags=("spinal-rotation",),
        sources=(ARTICLE_001,),  # the first, active part of 001's standing twist
    ),
    Exercise(
        id="seated-gentle-rotation",
        name="Seated gentle trunk rotation",
        summary="Sitting tall on a chair, turn the upper body slowly to each side within a "
        "comfortable middle range.",
        kind="mobility",
        position="seated",
        dose=Dose(reps=5, per_side=True, alternate=True),  # product default (mobility drill)
        instructions=(
            "Sit tall near the front of a firm chair, feet flat and hip-width apart.",
            "Cross the arms over the chest or rest the hands on the thighs.",
            "Turn the upper body slowly to one side, to a comfortable point in the middle of the "
            "range, letting the head follow.",
            "Return to the middle and turn to the other side.",
        ),
        cues=(
            "Knees and hips stay facing forward.",
            "Do not hook the hands on the chair to pull further.",
        ),
        breathing="Breathe out as you turn, in as you return.",
        cautions=(
            NOT_FORCED,
            "A seated alternative to lying twists, for example after the first trimester of "
            "pregnancy.",
            STOP_IF_WORSE,
        ),
        regions=("thoracic", "lumbar"),
        tags=("spinal-rotation",),
        equipment=("chair",),
        harder=("side-lying-thoracic-rotation",),
        sources=(ARTICLE_000, ARTICLE_001, ACOG),  # adapts 000/001's rotations; ACOG: no supine
    ),
    Exercise(
        id="standing-gentle-back-extension",
        name="Standing gentle back extension",
        summary="Standing with the hands on the hips, lean back a little to arch the back in a "
        "small, comfortable range, and return.",
        kind="mobility",
        position="standing",
        dose=Dose(reps=5),  # product default (mobility drill)
        instructions=(
            "Stand with the feet hip-width apart and the hands on the back of the hips.",
            "Keeping the knees soft and the head in line with the body, lean the upper body back "
            "a little, letting the hands support the lower back.",
            "Go only a small distance, pause briefly, and return to upright.",
        ),
        cues=(
            "Small range; the head does not tip back.",
            "Useful after a long spell of sitting.",
        ),
        breathing="Breathe out as you lean back, in as you return.",
        cautions=(
            "If pain or tingling spreads further down a leg, stop: this direction does not suit "
            "you today. If leg symptoms ease, it may be a good direction for you.",
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "thoracic"),
        tags=("spinal-extension",),
        harder=("standing-back-extension",),
        sources=(ARTICLE_001, MAY_AINA_2012),  # adapts 001's backward stretch
    ),
    Exercise(
        id="seated-gentle-back-extension",
        name="Seated gentle back extension",
        summary="Sitting tall on a chair, lift the chest slightly to arch the upper back a "
        "little, with the head kept in line.",
        kind="mobility",
        position="seated",
        dose=Dose(reps=5),  # product default (mobility drill)
        instructions=(
            "Sit tall on a firm chair with your back against the backrest and the feet flat.",
            "Cross the arms over the chest or rest the hands on the thighs.",
            "Lift the breastbone a little up and forward so the upper back arches slightly, "
            "keeping the chin level and the head in line with the body.",
            "Pause briefly and return to sitting tall.",
        ),
        cues=("Small and easy: the head never tips back.",),
        breathing="Breathe in as the chest lifts, out as you return.",
        cautions=(NOT_FORCED, STOP_IF_WORSE),
        regions=("thoracic",),
        tags=("spinal-extension",),
        equipment=("chair",),
        sources=(ARTICLE_001,),  # a safe version of 001's chair stretch
    ),
    Exercise(
        id="seated-pelvic-tilt",
        name="Seated pelvic tilt",
        summary="Sitting on a chair, rock the pelvis forward and back to arch and then round the "
        "lower back a little.",
        kind="motor-control",
        position="seated",
        dose=Dose(reps=10),  # product default (mobility drill, 8-15 slow reps)
        instructions=(
            "Sit near the front of a firm chair, feet flat and hip-width apart, hands on the "
            "thighs.",
            "Tip the pelvis forward so the lower back arches a little and the chest lifts.",
            "Then tip it back so the lower back rounds a little and the navel draws in.",
            "Move slowly between the two in a comfortable range.",
        ),
        cues=("The movement is in the pelvis; the shoulders stay relaxed.",),
        breathing="Breathe in as the back arches, out as it rounds.",
        cautions=(
            "A seated alternative to the lying pelvic tilt, for example after the first "
            "trimester of pregnancy.",
            STOP_IF_WORSE,
        ),
        regions=("lumbar", "pelvis", "core"),
        tags=("spinal-flexion", "spinal-extension"),
        equipment=("chair",),
        harder=("pelvic-tilt",),
        sources=(ARTICLE_002, ACOG),  # adapts 002's pelvic tilt; ACOG: avoid lying supine
    ),
    Exercise(
        id="seated-figure-4-stretch",
        name="Seated figure-4 (piriformis) stretch",
        summary="Sitting on a chair with one ankle on the other knee, lean forward a little from "
        "the hips to stretch the buttock.",
        kind="stretch",
        position="seated",
        dose=Dose(hold_s=30, per_side=True),  # ACSM static stretch: 10-30 s
        instructions=(
            "Sit tall on a firm chair with both feet flat.",
            "Rest the right ankle on the left knee and let the right knee drop outward as far "
            "as is comfortable.",
            "Keeping the back long, lean forward slightly from the hips until you feel a stretch "
            "in the right buttock.",
            "Hold, sit up, and change sides.",
        ),
        cues=("Lean from the hips with a long back; do not round forward.",),
        breathing="Breathe slowly through the hold.",
        cautions=(
            MILD_TIGHTNESS,
            "A seated alternative to the lying piriformis stretch, for example after the first "
            "trimester of pregnancy.",
            STOP_IF_WORSE,
        ),
        regions=("glutes", "hips"),
        equipment=("chair",),
        harder=("piriformis-stretch",),
        sources=(ARTICLE_003, ACSM, ACOG),  # adapts 003's piriformis stretch
    ),
    Exercise(
        id="standing-hip-flexor-stretch",
        name="Supported standing hip-flexor stretch",
        summary="In a short split stance holding a chair or wall, tuck the pelvis under to "
        "stretch the front of the back hip, trunk upright.",
        kind="stretch",
        position="standing",
        dose=Dose(hold_s=30, per_side=True),  # ACSM static stretch: 10-30 s
        instructions=(
            "Stand beside a chair back or a wall and hold it with one hand.",
            "Step one foot forward into a short split stance, both feet pointing forward, the "
            "back heel lifted.",
            "Bend both knees a little and gently tuck the pelvis under, until you feel a stretch "
            "at the front of the back hip.",
            "Keep the trunk upright, hold, then step together and change sides.",
        ),
        cues=("Tuck the pelvis rather than leaning back; the lower back does not arch.",),
        breathing="Breathe slowly through the hold.",
        cautions=(MILD_TIGHTNESS, STOP_IF_WORSE),
        regions=("hip-flexors", "hips", "legs"),
        equipment=("chair", "wall"),
        harder=("hip-flexion-lunge",),
        sources=(ARTICLE_004, ACSM),  # a supported, upright version of 004's hip flexion lunge
    ),
    Exercise(
        id="sit-to-stand",
        name="Sit to stand",
        summary="From a firm chair, stand up and sit down again slowly with the back kept long.",
        kind="strength",
        position="seated",
        dose=Dose(reps=8),  # product default (ACSM strength: 8-12 reps)
        instructions=(
            "Sit near the front of a firm chair without wheels, feet flat and hip-width apart, "
            "slightly behind the knees.",
            "Lean forward from the hips with a long back and stand up by pushing through the "
            "feet, using the hands on the thighs or the chair only if you need to.",
            "Stand tall, then sit back down slowly and under control.",
        ),
        cues=(
            "Hinge at the hips; the back stays long, not rounded.",
            "Knees follow the line of the toes.",
        ),
        breathing="Breathe out as you stand, in as you sit.",
        cautions=(
            "Use a chair that cannot slide or roll away.",
            STOP_IF_WORSE,
        ),
        regions=("legs", "glutes", "hips"),
        equipment=("chair",),
        harder=("deep-squat",),
        sources=(ARTICLE_004, ROS_2022, ACSM),  # a chair-height version of 004's squat
    ),
)
