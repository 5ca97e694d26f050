"""Made-up case logs for trainers and benchmarks (``cases demo --count N``).

Every record is flagged ``made_up`` and every note says so. The same seed and the same
"today" give the same people, cases and dates. Rows are built as plain dicts and written with
``executemany`` in batches (one commit per batch), which is what makes 100 000 clients with
their cases, trips, consultations and follow-ups take seconds rather than minutes.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlmodel import Session

from db.models import CaseCategory, CaseFile, Client, Consultation, FollowUp, Referral, Trip
from desktop.cases import demo_names as names
from desktop.cases import vocab
from desktop.cases.base import audit, now, write_connection
from desktop.cases.base import today as local_today
from desktop.cases.search import INSERT_SQL, index_row
from desktop.cases.translit import document_key, phone_key, transliterate
from desktop.security.permissions import Permission, requires

TABLES: dict[str, Any] = {
    "client": Client,
    "case_file": CaseFile,
    "case_category": CaseCategory,
    "trip": Trip,
    "consultation": Consultation,
    "follow_up": FollowUp,
    "referral": Referral,
}


@dataclass
class DemoSummary:
    """How many made-up records of each kind were added."""

    counts: dict[str, int] = field(default_factory=dict)
    first_client_id: int = 0


def _pick(rng: random.Random, weighted: Any) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def _feminine(surname: str) -> str:
    if surname.endswith(("зода", "ӣ")):
        return surname
    latin = surname.endswith(("ov", "ev", "ow", "ew"))
    cyrillic = surname.endswith(("ов", "ев", "ёв", "ин"))
    return surname + ("a" if latin else "а" if cyrillic else "")


def _phone(rng: random.Random, code: str, length: int) -> str:
    local = str(rng.randint(10 ** (length - 1), 10**length - 1))
    if length == 9:
        return f"+{code} {local[:2]} {local[2:5]} {local[5:7]} {local[7:]}"
    if length == 10:
        return f"+{code} {local[:3]} {local[3:6]} {local[6:8]} {local[8:]}"
    return f"+{code} {local[:2]} {local[2:]}"


def _document(rng: random.Random, citizenship: str) -> str:
    digits = str(rng.randint(1_000_000, 9_999_999))
    series = {"UZ": ("AA", "AB", "AC", "FA"), "KG": ("AC", "ID"), "TJ": ("A",), "KZ": ("N",)}
    return rng.choice(series.get(citizenship, ("I-AS ",))) + digits


class _Builder:
    """Builds the rows of one batch; ids are given here so children can point at parents."""

    def __init__(self, rng: random.Random, today: date, stamp: datetime, next_ids: dict[str, int]):
        self.rng, self.today, self.stamp, self.ids = rng, today, stamp, next_ids
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.fts: list[dict[str, Any]] = []

    def _add(self, table: str, **values: Any) -> int:
        row_id = self.ids[table]
        self.ids[table] += 1
        values.update(
            id=row_id, made_up=True, created_at=self.stamp, updated_at=self.stamp, deleted_at=None
        )
        self.rows[table].append(values)
        return row_id

    def client(self) -> None:
        rng = self.rng
        citizenship = _pick(rng, [(c, v[0]) for c, v in names.CITIZENSHIPS.items()])
        _, code, length, scripts = names.CITIZENSHIPS[citizenship]
        surnames, men, women = _pick(rng, scripts)
        sex = rng.choice(("female", "male"))
        surname = rng.choice(surnames)
        if sex == "female":
            full_name = f"{_feminine(surname)} {rng.choice(women)}"
        else:
            full_name = f"{surname} {rng.choice(men)}"
        born = self.today - timedelta(days=rng.randint(18 * 365, 58 * 365))
        known = rng.random()
        phone = _phone(rng, code, length) if rng.random() < 0.9 else None
        document = _document(rng, citizenship) if rng.random() < 0.7 else None
        notes = rng.choice(names.NOTES)
        consent = rng.random() < 0.95
        client_id = self._add(
            "client",
            full_name=full_name,
            name_latin=transliterate(full_name),
            sex=sex,
            birth_date=born if known < 0.8 else None,
            birth_year=born.year if known < 0.9 else None,
            citizenship=citizenship,
            languages=",".join((names.LANGUAGES[citizenship], "ru")),
            phone=phone,
            phone_key=phone_key(phone),
            messenger=rng.choice(("Telegram", "WhatsApp", "imo", None)),
            document_type="passport" if document else None,
            document_number=document,
            document_key=document_key(document),
            consent_given=consent,
            consent_date=self.today - timedelta(days=rng.randint(0, 1000)) if consent else None,
            consent_scope="advice,referral,statistics"
            if consent and rng.random() < 0.9
            else ("advice" if consent else ""),
            notes=notes,
        )
        self.fts.append(
            {
                "rowid": client_id,
                **index_row(
                    full_name=full_name, phone=phone, messenger=None, document=document, notes=notes
                ),
            }
        )
        today = self.today
        if rng.random() < 0.8:
            self.case(client_id, citizenship, today - timedelta(days=rng.randint(0, 3 * 365)))
        else:  # an earlier, closed case, then a new one after the client came back
            first = today - timedelta(days=rng.randint(365, 3 * 365))
            closed = first + timedelta(days=rng.randint(30, 120))
            self.case(client_id, citizenship, first, closed=closed)
            again = min(today, closed + timedelta(days=rng.randint(60, 300)))
            self.case(client_id, citizenship, again, previous_exit=closed)

    def case(
        self,
        client_id: int,
        citizenship: str,
        opened: date,
        *,
        closed: date | None = None,
        previous_exit: date | None = None,
    ) -> None:
        rng, today = self.rng, self.today
        old = (today - opened).days > 180
        status = (
            "closed"
            if closed
            else _pick(
                rng,
                [
                    ("open", 30),
                    ("in_progress", 40),
                    ("referred", 10),
                    ("closed", 20 if not old else 230),
                ],
            )
        )
        if status == "closed" and closed is None:
            closed = min(today, opened + timedelta(days=rng.randint(1, 120)))
        destination = _pick(rng, names.DESTINATIONS)
        follow_ups = []
        if status != "closed":
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                due = today + timedelta(days=rng.randint(-20, 45))
                done = due < today and rng.random() < 0.3
                follow_ups.append((due, done))
        open_dues = [due for due, done in follow_ups if not done]
        counsellor = rng.choice(names.COUNSELLORS)
        case_id = self._add(
            "case_file",
            client_id=client_id,
            opened_on=opened,
            closed_on=closed,
            status=status,
            destination=destination,
            counsellor=counsellor,
            outcome=rng.choice(list(vocab.OUTCOMES)) if closed else None,
            outcome_note="",
            notes="Made-up case.",
            next_due_on=min(open_dues) if open_dues else None,
        )
        for category in rng.sample(list(vocab.CATEGORIES), rng.choice((1, 1, 2, 3))):
            self.rows["case_category"].append({"case_id": case_id, "category": category})
        entry = opened - timedelta(days=rng.randint(5, 60))
        if previous_exit is not None:
            entry = max(entry, previous_exit + timedelta(days=1))
        self._add(
            "trip",
            client_id=client_id,
            destination=destination,
            entry_on=entry,
            exit_on=closed,
            purpose="work",
        )
        last = closed or today
        for _ in range(rng.randint(1, 4)):
            held = opened + timedelta(days=rng.randint(0, max(0, (last - opened).days)))
            rule = (
                f"{destination.lower()}-registration-{citizenship.lower()}"
                if rng.random() < 0.3
                else ""
            )
            self._add(
                "consultation",
                case_id=case_id,
                held_on=held,
                channel=rng.choice(list(vocab.CHANNELS)),
                summary=rng.choice(names.SUMMARIES),
                advice="Made-up advice.",
                rule_ids=rule,
                counsellor=counsellor,
            )
        for due, done in follow_ups:
            what = rng.choice(names.FOLLOW_UPS)
            done_on = due if done else None
            self._add(
                "follow_up",
                active=not done,
                case_id=case_id,
                due_on=due,
                what=what,
                rule_id=None,
                done=done,
                done_on=done_on,
            )
        if status == "referred":
            self._add(
                "referral",
                case_id=case_id,
                to_name=rng.choice(names.REFERRAL_TARGETS),
                to_rule_id=None,
                referred_on=min(today, opened + timedelta(days=rng.randint(0, 30))),
                status=rng.choice(("sent", "accepted")),
                notes="",
            )


@requires(Permission.CASES_WRITE)
def make_demo(
    *,
    session: Session,
    count: int,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = 5000,
    who: str | None = None,
) -> DemoSummary:
    """Add ``count`` made-up clients with their cases; commits after each batch.

    ``progress(done, count)`` is called after each batch (the CLI prints it on stderr).
    """
    rng = random.Random(seed)
    day = today or local_today()
    connection = write_connection(session)
    next_ids = {
        name: int(
            connection.execute(select(func.coalesce(func.max(model.__table__.c.id), 0))).scalar()
            or 0
        )
        + 1
        for name, model in TABLES.items()
        if name != "case_category"
    }
    summary = DemoSummary(first_client_id=next_ids["client"])
    done = 0
    while done < count:
        builder = _Builder(rng, day, now(), next_ids)
        for _ in range(min(batch_size, count - done)):
            builder.client()
        connection = write_connection(session)
        for name, model in TABLES.items():
            if builder.rows[name]:
                connection.execute(insert(model.__table__), builder.rows[name])
                summary.counts[name] = summary.counts.get(name, 0) + len(builder.rows[name])
        connection.execute(text(INSERT_SQL), builder.fts)
        done += min(batch_size, count - done)
        audit(
            session,
            who=who,
            record_type="demo",
            record_id=summary.first_client_id,
            action="create",
            detail=f"{done} made-up clients",
        )
        session.commit()
        if progress:
            progress(done, count)
    return summary
