"""Review states and the moves allowed between them (a small, explicit table)."""

from __future__ import annotations

from curbside.errors import ReviewError
from curbside.records import ReviewStatus

S = ReviewStatus

#: status → the statuses it may move to. Anything else is a ReviewError.
TRANSITIONS: dict[ReviewStatus, tuple[ReviewStatus, ...]] = {
    S.SUBMITTED: (S.UNDER_REVIEW,),
    S.UNDER_REVIEW: (S.APPROVED, S.CHANGES_REQUESTED),
    S.CHANGES_REQUESTED: (S.SUBMITTED,),  # resubmitted after the changes
    S.APPROVED: (S.UNDER_REVIEW,),  # reopened, e.g. when the evidence changes
}

#: The public steps shown on an answer page (changes requested sits beside under review).
STEPS: tuple[ReviewStatus, ...] = (S.SUBMITTED, S.UNDER_REVIEW, S.APPROVED)


def allowed_next(status: ReviewStatus) -> tuple[ReviewStatus, ...]:
    return TRANSITIONS[status]


def can_transition(current: ReviewStatus, to: ReviewStatus) -> bool:
    return to in TRANSITIONS[current]


def parse_status(value: str) -> ReviewStatus:
    """``approved``, ``Under review``, ``under-review`` … → ReviewStatus (ReviewError if unknown)."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return ReviewStatus(key)
    except ValueError:
        known = ", ".join(s.value for s in ReviewStatus)
        raise ReviewError(f"unknown review status {value!r}; choose one of: {known}") from None
