"""The verbs Acervo's statements use: ADL's vocabulary, and the TLA one for a credential earned."""

from typing import NamedTuple


class Verb(NamedTuple):
    key: str
    iri: str
    display: str  # Spanish (es-MX)

    def as_xapi(self):
        return {"id": self.iri, "display": {"es-MX": self.display}}


ADL = "http://adlnet.gov/expapi/verbs/"

REGISTERED = Verb("registered", ADL + "registered", "se inscribió en")
PROGRESSED = Verb("progressed", ADL + "progressed", "avanzó en")
COMPLETED = Verb("completed", ADL + "completed", "completó")
ANSWERED = Verb("answered", ADL + "answered", "respondió")
PASSED = Verb("passed", ADL + "passed", "aprobó")
FAILED = Verb("failed", ADL + "failed", "no aprobó")
EARNED = Verb("earned", "https://w3id.org/xapi/tla/verbs/earned", "obtuvo")
