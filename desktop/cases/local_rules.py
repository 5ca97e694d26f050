"""The NGO's own verified rules, kept in the case log (the editing UI comes later).

A record has exactly the fields of a rule-file record (``resources/rules/README.md``) and is
checked by the same loader as the rule files (``desktop.rules.local``), so a rule saved here
always loads as a rule. Records come back with dates as ``date`` objects, as ``tomllib``
gives them for a rule file; they are stored as JSON text. Deleting only sets a flag.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from db.models import LocalRule
from desktop.cases.base import actor, audit, now
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

ID_PREFIX = "local-"


def _encode(record: dict[str, Any]) -> str:
    from desktop.rules.local import record_to_json

    return json.dumps(record_to_json(record), ensure_ascii=False, sort_keys=True)


def _decode(text: str) -> dict[str, Any]:
    from desktop.rules.local import record_from_json

    return record_from_json(json.loads(text))


def list_local_rules(session: Session) -> list[dict[str, Any]]:
    """Every local rule that has not been deleted, by id."""
    rows = session.exec(
        select(LocalRule).where(col(LocalRule.deleted).is_(False)).order_by(col(LocalRule.id))
    ).all()
    return [_decode(row.record) for row in rows]


@requires(Permission.RULES_LOCAL)
def save_local_rule(session: Session, record: dict[str, Any], who: str | None) -> dict[str, Any]:
    """Add or replace a local rule after checking it like a rule file; returns it as stored."""
    from desktop.rules.local import check_local_record, record_from_json

    record = record_from_json(dict(record))
    rule_id = record.get("id")
    if not isinstance(rule_id, str) or not rule_id.startswith(ID_PREFIX):
        raise UserError(_("A local rule's id must start with {prefix!r}.").format(prefix=ID_PREFIX))
    _rule, messages = check_local_record(record)
    if messages:
        raise UserError(
            _("The local rule {id} is not valid: {problem}").format(id=rule_id, problem=messages[0])
        )
    stamp = now()
    row = session.get(LocalRule, rule_id)
    action = "create"
    if row is None:
        row = LocalRule(
            id=rule_id, record=_encode(record), created_at=stamp, updated_at=stamp, who=actor(who)
        )
    else:
        action = "update" if not row.deleted else "restore"
        row.record, row.updated_at, row.who, row.deleted = _encode(record), stamp, actor(who), False
    session.add(row)
    session.flush()
    audit(session, who=who, record_type="local_rule", record_id=rule_id, action=action)
    return _decode(row.record)


@requires(Permission.RULES_LOCAL)
def delete_local_rule(session: Session, id: str, who: str | None) -> None:
    """Mark a local rule deleted; saving it again brings it back."""
    row = session.get(LocalRule, id)
    if row is None or row.deleted:
        raise UserError(_("There is no local rule {id}.").format(id=id))
    row.deleted, row.updated_at, row.who = True, now(), actor(who)
    session.add(row)
    audit(session, who=who, record_type="local_rule", record_id=id, action="delete")
