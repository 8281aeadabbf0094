import pytest

from supple import parse_duration


@pytest.mark.parametrize(
    "text, seconds",
    [(0, 0), (45, 45), ("30s", 30), ("2m", 120), ("1m30s", 90), ("1h", 3600), (" 2M ", 120), ("90", None)],
)
def test_durations_accept_seconds_and_unit_strings(text, seconds):
    if seconds is None:
        with pytest.raises(ValueError):
            parse_duration(text)
    else:
        assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", [True, -1, 1.5, "", "s", "30 sec", "1m-30s", None, [30]])
def test_durations_reject_everything_else_with_a_message(bad):
    with pytest.raises(ValueError, match="30s"):
        parse_duration(bad)
