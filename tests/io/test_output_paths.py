"""Issue 23 item 4 (and the temp-file part of item 14): ``-o`` writes only regular files.

A device, a FIFO, a directory or a read-only file is refused with a message naming the option
and the path (exit status 2) and is left exactly as it was; a symlink is followed and its
target written (the link stays a link); a SIGTERM in the middle of the write leaves the
previous file and no hidden temporary file.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import supple.cli
from supple import InputError, write_atomic

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")


def _export(out: Path | str):
    # --force: these tests are about the kind of path (the content check of -o is tested in
    # tests/cli/test_first_hour.py); no kind of path is ever forced
    return CliRunner().invoke(supple.cli.cli, ["export", ROUTINE, "--to", "json", "-o", str(out), "--force"])


def _device(tmp_path: Path) -> Path:
    """A character device in ``tmp_path``: a real one (mknod, as root), else a link to
    /dev/null, which ``-o`` must follow and then refuse."""
    node = tmp_path / "device"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        node.symlink_to("/dev/null")
    return node


def test_a_character_device_is_refused_and_left_alone(tmp_path):
    node = _device(tmp_path)
    result = _export(node)
    assert result.exit_code == 2, result.output
    assert f"-o {node}" in result.output and "character device" in result.output
    assert "Traceback" not in result.output
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert sorted(os.listdir(tmp_path)) == ["device"]


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = _export(fifo)  # opening a FIFO with no reader would hang: the test would too
    assert result.exit_code == 2, result.output
    assert f"-o {fifo}" in result.output and "FIFO" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_a_directory_is_refused(tmp_path):
    result = _export(tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.output


def test_a_read_only_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text("keep me")
    target.chmod(0o444)
    result = _export(target)
    assert result.exit_code == 2, result.output
    assert f"-o {target}" in result.output and "read-only" in result.output
    assert target.read_text() == "keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert os.listdir(tmp_path) == ["plan.json"]


def test_a_symlink_is_followed_and_its_target_written(tmp_path):
    real = tmp_path / "real" / "plan.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = _export(link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("{")
    assert sorted(os.listdir(real.parent)) == ["plan.json"]
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    write_atomic(link, b"data")
    assert link.is_symlink() and (tmp_path / "new.json").read_bytes() == b"data"


def test_the_refusal_is_an_input_error_naming_the_option(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        write_atomic(fifo, b"x", option="--output")
    assert str(caught.value).startswith(f"--output {fifo}: ")


def test_a_full_device_behind_a_link_is_a_clear_error(tmp_path):
    link = tmp_path / "full"
    link.symlink_to("/dev/full")
    result = _export(link)
    assert result.exit_code == 2 and "character device" in result.output


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", no_space)
    result = _export(tmp_path / "plan.json")
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "nothing was written" in result.output


CHILD = textwrap.dedent("""
    import os, sys, time
    from supple.io.files import write_atomic

    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(30)

    os.fsync = slow_fsync
    write_atomic(sys.argv[1], b"new contents")
""")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_leaves_no_temporary_file(tmp_path, signum):
    target = tmp_path / "plan.md"
    target.write_bytes(b"previous")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline() == "writing\n"
        assert len(os.listdir(tmp_path)) == 2  # the temporary file exists now
        child.send_signal(signum)
        assert child.wait(timeout=10) == 128 + signum
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["plan.md"]
