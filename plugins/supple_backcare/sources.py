"""Where the built-in back-care content comes from.

The five articles are the source of the movements and of their doses: each is cited by its file
name in the project's seed collection. The clinical sources are cited only for what they say
(a caution, a dose rule, the reason a safer variant exists); see the project's clinical notes.
"""

from __future__ import annotations

from supple import Source

# --- the five source articles (movements, positions, doses) -----------------------------------

ARTICLE_000 = Source(
    ref="000_7607688e5e28ef63.txt",
    title="A simple exercise that can help relieve discomfort and improve back mobility in a few "
    "minutes",
)
ARTICLE_001 = Source(
    ref="001_8d50d9e4fddaeaa5.txt",
    title="How to crack your back alone",
)
ARTICLE_002 = Source(
    ref="002_d08cac96adc0c623.txt",
    title="Exercises to help release back pain",
)
ARTICLE_003 = Source(
    ref="003_9c7cbb0087ada81f.txt",
    title="Exercises and Stretches to Relieve Back Pain",
)
ARTICLE_004 = Source(
    ref="004_5726d8492d92af4d.txt",
    title="7 Recommended Exercises to Get Rid of Back Pain",
)

#: The articles, in file order.
ARTICLES: tuple[Source, ...] = (ARTICLE_000, ARTICLE_001, ARTICLE_002, ARTICLE_003, ARTICLE_004)

# --- clinical sources (cautions, dose rules, reasons for safer variants) -----------------------

#: Osteoporosis: avoid postures with a high degree of spinal flexion; favour strengthening.
ROS_2022 = Source(
    ref="ROS 2022",
    title="Strong, steady and straight: an expert consensus statement on physical activity and "
    "exercise for osteoporosis (Royal Osteoporosis Society)",
)
#: Osteoporosis: flexion exercises were followed by more new vertebral fractures than extension.
SINAKI_1984 = Source(
    ref="Sinaki 1984",
    title="Postmenopausal spinal osteoporosis: flexion versus extension exercises",
)
#: Pregnancy: avoid lying flat on the back for long after the first trimester.
ACOG = Source(
    ref="ACOG",
    title="Physical Activity and Exercise During Pregnancy and the Postpartum Period "
    "(ACOG Committee Opinion 804)",
)
#: Static stretching: holds of 10-30 s, 2-4 times, to mild tightness.
ACSM = Source(
    ref="ACSM",
    title="ACSM's Guidelines for Exercise Testing and Prescription, 11th edition",
)
#: Foam rolling: contraindications and cautions (fractures, wounds, DVT; not on the lumbar spine).
BARTSCH_2021 = Source(
    ref="Bartsch 2021",
    title="Expert consensus on the contraindications and cautions of foam rolling: "
    "an international Delphi study",
)
#: Directional preference: a movement that makes leg symptoms spread is dropped.
MAY_AINA_2012 = Source(
    ref="May & Aina 2012",
    title="Centralization and directional preference: a systematic review",
)
#: Neck self-manipulation linked to vertebral artery dissection (case report).
MOSBY_2011 = Source(
    ref="Mosby 2011",
    title="Vertebral artery dissection in a patient practicing self-manipulation of the neck",
)

#: The clinical sources cited by the catalogue.
CLINICAL: tuple[Source, ...] = (
    ROS_2022,
    SINAKI_1984,
    ACOG,
    ACSM,
    BARTSCH_2021,
    MAY_AINA_2012,
    MOSBY_2011,
)
