"""The shared vocabulary that content plugins and safety filters agree on.

The engine knows no exercise, but it does fix the words used to describe one, so that an
exercise set written by one author and a safety rule written by another meet on the same terms.
Kinds and positions are closed lists (a typo is an error); movement tags are open (a plugin may
invent one), and the standard ones below are what the first-party safety filters act on.
"""

from __future__ import annotations

#: What an exercise is for.
KINDS: dict[str, str] = {
    "mobility": "moves a joint or the spine through a comfortable range, repeatedly",
    "stretch": "holds a lengthened position for a number of seconds",
    "strength": "works muscles against the body's weight or a load",
    "motor-control": "trains steady, controlled use of the trunk muscles",
    "self-release": "self-massage or a movement aimed at 'releasing' the back (foam roller, "
    "cracking); recorded honestly, acted on by safety filters",
}


#: The body position an exercise is done in.
POSITIONS: dict[str, str] = {
    "supine": "lying on the back",
    "prone": "lying face down",
    "side-lying": "lying on one side",
    "quadruped": "on hands and knees",
    "kneeling": "kneeling, sitting back towards the heels",
    "seated": "sitting on a chair, a bed edge or the floor",
    "standing": "standing",
}


#: Movement tags the first-party safety filters act on. Plugins may use others.
TAGS: dict[str, str] = {
    "spinal-flexion": "the spine bends forward (rounds)",
    "end-range-flexion": "the spine is taken to or held at the end of its forward bend",
    "loaded-flexion": "the spine bends forward under a load or pulled by the arms",
    "spinal-rotation": "the trunk twists",
    "end-range-rotation": "the trunk twist goes to or is held at the end of its range",
    "spinal-extension": "the spine arches backward",
    "end-range-extension": "the backward arch goes to the end of its range",
    "side-bending": "the trunk bends sideways",
    "hip-flexion": "the hip bends strongly (knee towards chest)",
    "external-load": "a weight or object is held",
    "direct-pressure": "the body rests its weight on a tool such as a foam roller",
    "foam-roller": "uses a foam roller",
    "overpressure": "the hands, arms or body weight push the joint further than muscles take it",
    "self-manipulation": "aims to make a joint of the spine 'crack' or 'pop'",
    "neck-extension": "the head is taken back or hangs unsupported",
    "end-range-hold": "a position is held at the end of the available range",
    "impact": "jumps, bounces or sudden movements",
    "floor": "needs getting down onto the floor",
    "deep-squat": "the hips go below the knees",
    "balance": "needs standing balance",
}


#: Equipment words used by the first-party content (open list).
EQUIPMENT: dict[str, str] = {
    "mat": "an exercise mat or a carpeted floor",
    "chair": "a firm chair without wheels",
    "bed": "a firm bed that does not sink",
    "foam-roller": "a foam roller",
    "light-weight": "a light weight, such as a 1 kg dumbbell or a book",
    "wall": "a clear wall",
    "strap": "a strap, belt or towel",
}


#: Body regions (open list).
REGIONS: dict[str, str] = {
    "neck": "the cervical spine",
    "thoracic": "the upper and middle back",
    "lumbar": "the lower back",
    "pelvis": "the pelvis and sacrum",
    "hips": "the hip joints and the muscles around them",
    "glutes": "the buttock muscles",
    "hamstrings": "the back of the thighs",
    "hip-flexors": "the front of the hips",
    "shoulders": "the shoulders and shoulder blades",
    "core": "the abdominal and deep trunk muscles",
    "legs": "the thighs and calves",
}
