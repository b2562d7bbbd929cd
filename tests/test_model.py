"""The model's uniform accessors: what every kind of item answers alike, so that no caller
duck-types items with getattr."""

from __future__ import annotations

import datetime as dt

from seminar_archive.model import (
    Appearance,
    Event,
    PressRelease,
    Role,
    Series,
    Session,
    date_of,
    moderators_of,
    speakers_of,
)

DAY = dt.date(2021, 10, 14)
SPEAKER = Appearance("ada", Role.SPEAKER)
MODERATOR = Appearance("bob", Role.MODERATOR)


def _items() -> tuple[Session, Event, PressRelease, Series]:
    return (Session("s", "T", "d", "s.txt", series="ser", number=1, date=DAY, moderators=(MODERATOR,),
                    speakers=(SPEAKER,), organisations=("cnrs",)),
            Event("e", "T", "d", "s.txt", date=DAY, organisers=("org",), supporters=("sup",), speakers=(SPEAKER,)),
            PressRelease("p", "T", "d", "s.txt", date=DAY, issuer=("hdh",), organisations=("ans",), people=(SPEAKER,)),
            Series("ser", "T", "d", "s.txt", organisers=("chaire",)))


def test_every_item_answers_for_its_people_dates_and_organisations() -> None:
    session, event, press, series = _items()
    assert session.appearances == (MODERATOR, SPEAKER) and press.appearances == (SPEAKER,)
    assert series.appearances == ()
    assert [date_of(i) for i in (session, event, press, series)] == [DAY, DAY, DAY, None]
    assert speakers_of(session) == speakers_of(event) == (SPEAKER,) and speakers_of(press) == ()
    assert moderators_of(session) == (MODERATOR,) and moderators_of(series) == ()
    assert session.organisation_fields == (("organisations", ("cnrs",)),)
    assert event.organisation_fields == (("organisers", ("org",)), ("supporters", ("sup",)))
    assert press.organisation_fields == (("organisations", ("ans",)), ("issuer", ("hdh",)))
    assert series.organisation_fields == (("organisers", ("chaire",)),)


def test_the_shown_title_brackets_what_the_archive_supplied() -> None:
    session, *_ = _items()
    assert session.shown_title == "T"
    supplied = Session(id="s", title="Séance", docname="d", source="s", supplied=frozenset({"title"}))
    assert supplied.shown_title == "[Séance]"
