import pytest

import supple
from supple.plugin.catalogue import Catalogue, CatalogueEntry, UnknownExercise


def exercise(id, **kw):
    return supple.Exercise(id=id, name=id.title(), summary="s", kind="mobility", position="supine",
                           dose=supple.Dose(reps=5), sources=[supple.Source("t")], **kw)


@pytest.fixture
def catalogue():
    return Catalogue([
        CatalogueEntry(exercise("cat-cow", aliases=["cat-camel"]), "b", "p2"),
        CatalogueEntry(exercise("cat-cow"), "a", "p1"),
        CatalogueEntry(exercise("bridge", easier=["tilt"]), "a", "p1"),
        CatalogueEntry(exercise("tilt"), "a", "p1"),
    ])


def test_entries_are_sorted_by_set_then_id(catalogue):
    assert [e.ref for e in catalogue] == ["a/bridge", "a/cat-cow", "a/tilt", "b/cat-cow"]


def test_plain_id_unique_across_sets_resolves(catalogue):
    assert catalogue.get("bridge").ref == "a/bridge"


def test_alias_resolves_to_its_exercise(catalogue):
    assert catalogue.get("cat-camel").ref == "b/cat-cow"


def test_id_in_two_sets_asks_for_the_qualified_name(catalogue):
    with pytest.raises(UnknownExercise, match="a/cat-cow, b/cat-cow"):
        catalogue.get("cat-cow")
    assert catalogue.get("b/cat-cow").set_name == "b"


def test_unknown_id_suggests_close_names(catalogue):
    with pytest.raises(UnknownExercise, match="did you mean 'bridge'"):
        catalogue.get("bridgee")


def test_variant_is_looked_up_in_the_same_set(catalogue):
    assert catalogue.variant(catalogue.get("bridge"), "tilt").ref == "a/tilt"


def test_filters_combine(catalogue):
    assert [e.ref for e in catalogue.filter(set_name=["a"], kind=["mobility"])] == ["a/bridge", "a/cat-cow", "a/tilt"]
    assert catalogue.filter(position=["standing"]) == []


def test_exercise_set_rejects_duplicate_ids_and_missing_variants():
    with pytest.raises(ValueError, match="two exercises called 'x'"):
        supple.ExerciseSet(name="s", title="S", exercises=[exercise("x"), exercise("x")])
    with pytest.raises(ValueError, match="variant 'nope'"):
        supple.ExerciseSet(name="s", title="S", exercises=[exercise("x", easier=["nope"])])


def test_exercise_requires_a_source_and_known_kind():
    with pytest.raises(ValueError, match="at least one source"):
        supple.Exercise(id="x", name="X", summary="", kind="mobility", position="supine",
                        dose=supple.Dose(), sources=[])
    with pytest.raises(ValueError, match="kind must be a lowercase slug"):
        supple.Exercise(id="x", name="X", summary="", kind="Yoga!", position="supine",
                        dose=supple.Dose(), sources=[supple.Source("t")])
    # an unknown kind is a slug: it is refused when the set is loaded (tests/plugin/test_vocabulary.py)
