"""The published sources the first-party safety rules rest on, as they appear in findings.

A finding's ``source`` is plain text: the short citation below. docs/safety.md gives each in
full, with what it says and how strong the evidence is.
"""

from __future__ import annotations

#: the seed articles, by the short names the back-care catalogue cites them by
ARTICLE_000 = "article 000 (Vitia, 2026: a simple exercise for back mobility)"
ARTICLE_001 = "article 001 (\"How to crack your back alone\", a web article)"
ARTICLE_001_REF = "article 001"

CAUDA_EQUINA = "BASS cauda equina standards 2018; NICE NG59"
RED_FLAG_REVIEW = "NICE NG59 rec. 1.1.1; AHCPR acute low back problems guideline, table 1"
RED_FLAG_TIERS = "IFOMPT red-flag framework (Finucane 2020); Henschke 2009"

BONE_FLEXION = "Sinaki 1984; Royal Osteoporosis Society consensus 2022"
BONE_TWIST = "Royal Osteoporosis Society consensus 2022; Bone Health & Osteoporosis Foundation"
FOAM_ROLLER = "Bartsch 2021 (Delphi consensus on foam rolling)"
PREGNANCY_SUPINE = "ACOG Committee Opinion 804 (2020)"
PREGNANCY_STOP = "Canadian guideline for physical activity throughout pregnancy 2019; ACOG Committee Opinion 804"
SURGERY = (
    "article 000 (excludes metal in the spine); clinic protocols (weak evidence: "
    "Sakaguchi 2024 found no consensus protocol)"
)
DISC = "article 000 (Vitia, 2026); May & Aina 2012"
NO_LOAD = "article 000 (Vitia, 2026): a weight only when the exercise is easy and pain-free"
INFLAMMATION = "article 000 (Vitia, 2026); NICE NG59 (stay active)"
HYPERMOBILITY = "Ehlers-Danlos Support UK"
MANIPULATION = (
    "article 000 (Vitia, 2026), which warns that forcing the spine can injure it; "
    "no guideline recommends self-manipulation"
)
NECK = "Mosby 2011; Persons 2024 (vertebral artery dissection after neck self-manipulation)"
PAIN = "Silbernagel 2007 (pain-monitoring traffic light); NICE NG59 (stay active)"
EXTENSION_CAP = "article 001 (\"How to crack your back alone\"): 'maximum three times'"
FOAM_DOSE = "article 001 (\"How to crack your back alone\"): 10 rolls, 20 s rest, 10 more, then an hour's break"
CHILDREN = "NICE NG59 (scope: people aged 16 and over)"
POST_TERM = "ACOG Committee Opinion 804 (2020); ACOG definition of post-term pregnancy (42 weeks)"
DVT = "NICE NG158 (venous thromboembolic diseases: assess suspected DVT promptly)"
CONTENT_REVIEW = "supple's content contract (docs/plugins/hooks.md): rules act on reviewed movement tags"
