"""Editorial review of stored answers: states, allowed moves, append-only history.

::

    submitted ──► under_review ──► approved ──(reopen)──► under_review
        ▲               │
        │               ▼
        └──(resubmit)── changes_requested
"""

from curbside.review.states import TRANSITIONS, allowed_next, can_transition, parse_status
from curbside.review.workflow import ReviewEvent, history, transition

__all__ = ["TRANSITIONS", "ReviewEvent", "allowed_next", "can_transition", "history", "parse_status",
           "transition"]
