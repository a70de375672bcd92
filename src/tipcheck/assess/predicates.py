"""One predicate per kind of requirement (the rule's `assess:`), gathered from their modules."""

from tipcheck.assess.common import Finding
from tipcheck.assess.criminal import ancillary, jurisdiction, legal_persons, offence, penalty
from tipcheck.assess.definition import act, child_age, child_no_means, consent, means, open_list, purpose
from tipcheck.assess.measures import MEASURES
from tipcheck.assess.protection import protection

PREDICATES = {
    "act": act, "means": means, "purpose": purpose, "open-list": open_list, "consent": consent,
    "child-no-means": child_no_means, "child-age": child_age, "offence": offence, "ancillary": ancillary,
    "jurisdiction": jurisdiction, "legal-persons": legal_persons, "penalty": penalty, "protection": protection,
    **MEASURES,
}

__all__ = ["Finding", "PREDICATES"]
