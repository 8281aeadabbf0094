"""The entry-point cache gives the same answer as importlib.metadata, notices every install,
and can never make discovery fail."""

from __future__ import annotations

import sys

import pytest

from supple.plugin import discovery


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv(discovery.ENV_CACHE_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(discovery.ENV_NO_CACHE, raising=False)
    return folder


def install(site, name, entry_points):
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n\nbody\n")
    (info / "entry_points.txt").write_text("[supple]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()))
    return info


def names(found):
    return sorted((f.name, f.value, f.distribution, f.version) for f in found)


def test_cached_answer_equals_importlib_metadata(site):
    install(site, "supple-one", {"one": "supple_one"})
    first = discovery.find("supple")
    assert ("one", "supple_one", "supple-one", "1.0") in names(first)
    assert names(discovery.find("supple")) == names(first) == names(discovery._scan("supple"))
    assert list((site.parent / "cache").iterdir())


def test_installing_or_removing_a_distribution_is_noticed(site):
    discovery.find("supple")
    info = install(site, "supple-two", {"two": "supple_two"})
    assert "two" in {f.name for f in discovery.find("supple")}
    (info / "entry_points.txt").unlink()
    (info / "METADATA").unlink()
    info.rmdir()
    assert "two" not in {f.name for f in discovery.find("supple")}


def test_a_corrupt_cache_is_rebuilt(site):
    install(site, "supple-three", {"three": "supple_three"})
    discovery.find("supple")
    for path in (site.parent / "cache").iterdir():
        path.write_bytes(b"\x00garbage")
    assert "three" in {f.name for f in discovery.find("supple")}


def test_an_unwritable_cache_folder_still_discovers(site, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(discovery.ENV_CACHE_DIR, str(blocker))
    install(site, "supple-four", {"four": "supple_four"})
    assert "four" in {f.name for f in discovery.find("supple")}


def test_found_entry_point_loads_module_and_attribute(site):
    (site / "supple_five.py").write_text("class Holder:\n    value = 42\n")
    install(site, "supple-five", {"five": "supple_five:Holder.value"})
    found = {f.name: f for f in discovery.find("supple")}
    assert found["five"].load() == 42
    sys.modules.pop("supple_five", None)
