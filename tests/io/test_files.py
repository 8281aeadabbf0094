import os

import pytest

from supple import InputError, write_atomic


def test_write_atomic_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    write_atomic(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert os.listdir(tmp_path) == ["plan.ics"]


def test_write_atomic_refuses_to_overwrite_an_input_file(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text("keep me")
    with pytest.raises(InputError, match="refusing to overwrite an input file"):
        write_atomic(tmp_path / "." / "r.toml", b"x", protect=[str(routine)])
    assert routine.read_text() == "keep me"


def test_write_atomic_refuses_a_directory_and_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path, b"x")
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "no" / "such.ics", b"x")


def test_interrupted_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.md"
    target.write_bytes(b"previous")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(InputError, match=r"cannot be written \(No space left on device\); nothing was written"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["plan.md"]


def test_interrupt_by_keyboard_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.md"
    target.write_bytes(b"previous")

    def ctrl_c(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["plan.md"]
