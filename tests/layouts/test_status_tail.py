"""An activity's status written after its title ("… – Pågående", "… (Avslutad)")."""

from __future__ import annotations

import time

from planparse.layouts.tables import split_status_suffix
from planparse.model import StatusValue


def test_status_after_dash_colon_or_in_brackets() -> None:
    title, status = split_status_suffix("Trygghetsvandringar i alla stadsdelar – Pågående enligt plan")
    assert title == "Trygghetsvandringar i alla stadsdelar"
    assert status is not None and status.value is StatusValue.in_progress
    title, status = split_status_suffix("Ny rutin för inköp (Avslutad)")
    assert title == "Ny rutin för inköp"
    assert status is not None and status.value is StatusValue.completed
    title, status = split_status_suffix("Översyn av lokaler: Ej påbörjad.")
    assert title == "Översyn av lokaler"
    assert status is not None and status.value is StatusValue.not_started


def test_text_after_a_dash_that_is_no_status_stays() -> None:
    text = "Kompetensutveckling – digitala verktyg i skolan"
    assert split_status_suffix(text) == (text, None)


def test_long_activity_text_is_read_in_linear_time() -> None:
    """A long description with dashes but no status tail: the pattern used to retry
    every word character as the title's start for every end of the title (quadratic; about
    two seconds for these 6,000 characters), now a few milliseconds."""
    text = "Aktiviteten genomförs - under året och sedan fortsätter vi med det, " * 90
    t0 = time.process_time()
    assert split_status_suffix(text) == (text, None)
    title, status = split_status_suffix(text + "– Avslutad")
    assert time.process_time() - t0 < 0.5
    assert title == text.rstrip()
    assert status is not None and status.value is StatusValue.completed
