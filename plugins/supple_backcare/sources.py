"""Where the built-in back-care content comes from.

The five articles are the source of the movements and of their doses. Outputs cite each as
"article 000" to "article 004" with its title and what is known of its origin (author or
publisher, date); the project's seed collection keeps them as 000_7607688e5e28ef63.txt,
001_8d50d9e4fddaeaa5.txt, 002_d08cac96adc0c623.txt, 003_9c7cbb0087ada81f.txt and
004_5726d8492d92af4d.txt, a name that never appears in what supple shows. None of the saved
articles gives its web address. The clinical sources are cited only for what they say (a
caution, a dose rule, the reason a safer variant exists); see the project's clinical notes.
"""

from __future__ import annotations

from supple import Source

# --- the five source articles (movements, positions, doses) -----------------------------------

ARTICLE_000 = Source(
    ref="article 000",
    title="A simple exercise that can help relieve discomfort and improve back mobility in a few "
    "minutes",
    author="Vitia (social-media post)",  # signed "By Vitia", dated 15.02.2026
    year=2026,
)
ARTICLE_001 = Source(
    ref="article 001",
    title="How to crack your back alone",
    author="Web article (author and date not given)",
)
ARTICLE_002 = Source(
    ref="article 002",
    title="Exercises to help release back pain",
    author="CitySpidey (web article; author and date not given)",
)
ARTICLE_003 = Source(
    ref="article 003",
    title="Exercises and Stretches to Relieve Back Pain",
    author="Web article (author and date not given)",
)
ARTICLE_004 = Source(
    ref="article 004",
    title="7 Recommended Exercises to Get Rid of Back Pain",
    author="Web article (author and date not given)",
)

#: The articles, in file order.
ARTICLES: tuple[Source, ...] = (ARTICLE_000, ARTICLE_001, ARTICLE_002, ARTICLE_003, ARTICLE_004)

# --- clinical sources (cautions, dose rules, reasons for safer variants) -----------------------

#: Osteoporosis: avoid postures with a high degree of spinal flexion; favour strengthening.
ROS_2022 = Source(
    ref="ROS 2022",
    title="Strong, steady and straight: UK consensus statement on physical activity and exercise "
    "for osteoporosis (endorsed by the Royal Osteoporosis Society)",
    author="Brooke-Wavell K et al., British Journal of Sports Medicine 56(15):837-846",
    year=2022,
    url="https://doi.org/10.1136/bjsports-2021-104634",
)
#: Osteoporosis: flexion exercises were followed by more new vertebral fractures than extension.
SINAKI_1984 = Source(
    ref="Sinaki 1984",
    title="Postmenopausal spinal osteoporosis: flexion versus extension exercises",
    author="Sinaki M et al., Archives of Physical Medicine and Rehabilitation 65(10):593-596",
    year=1984,
    url="https://pubmed.ncbi.nlm.nih.gov/6487063/",
)
#: Pregnancy: avoid lying flat on the back for long after the first trimester.
ACOG = Source(
    ref="ACOG",
    title="Physical Activity and Exercise During Pregnancy and the Postpartum Period "
    "(ACOG Committee Opinion 804)",
    author="American College of Obstetricians and Gynecologists, Obstetrics & Gynecology",
    year=2020,
    url="https://doi.org/10.1097/AOG.0000000000003772",
)
#: Static stretching: holds of 10-30 s, 2-4 times, to mild tightness.
ACSM = Source(
    ref="ACSM",
    title="ACSM's Guidelines for Exercise Testing and Prescription, 11th edition",
    author="American College of Sports Medicine (book)",
    year=2021,
)
#: Foam rolling: contraindications and cautions (fractures, wounds, DVT; not on the lumbar spine).
BARTSCH_2021 = Source(
    ref="Bartsch 2021",
    title="Expert consensus on the contraindications and cautions of foam rolling: "
    "an international Delphi study",
    author="Bartsch KM et al., Journal of Clinical Medicine 10(22):5360",
    year=2021,
    url="https://doi.org/10.3390/jcm10225360",
)
#: Directional preference: a movement that makes leg symptoms spread is dropped.
MAY_AINA_2012 = Source(
    ref="May & Aina 2012",
    title="Centralization and directional preference: a systematic review",
    author="May S, Aina A, Manual Therapy 17(6):497-506",
    year=2012,
    url="https://doi.org/10.1016/j.math.2012.05.003",
)
#: Neck self-manipulation linked to vertebral artery dissection (case report).
MOSBY_2011 = Source(
    ref="Mosby 2011",
    title="Vertebral artery dissection in a patient practicing self-manipulation of the neck",
    author="Mosby JS, Duray SM, Journal of Chiropractic Medicine 10(4):283-287",
    year=2011,
    url="https://doi.org/10.1016/j.jcm.2011.01.007",
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
