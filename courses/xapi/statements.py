"""xAPI 1.0.3 statements for Acervo's learning events.

The actor is an opaque account on the site's `homePage`: an HMAC of the user id keyed with the site's
secret key, never an email, a name or a username. Activities are identified by their public URLs.
Each statement's id is a UUID5 over the event's identity (verb, account, what and which), so the same
event always yields the same id and the LRS stores it once.
"""

import uuid

from django.utils import timezone
from django.utils.crypto import salted_hmac

from acervo import public_address
from courses.xapi import verbs

VERSION = "1.0.3"
NAMESPACE = uuid.UUID("0d3c1f6e-8a4b-5f4e-9c1d-2b7a6e5f4c3d")
ACTOR_SALT = "courses.xapi.actor"
PLATFORM = "Acervo"
LANGUAGE = "es-MX"

ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "certificate": "https://w3id.org/xapi/tla/activity-types/credential",
}
# The position in the lesson's video or audio, in seconds (xAPI Video Profile).
POSITION_EXTENSION = "https://w3id.org/xapi/video/extensions/time"


def account_name(user_id):
    """The learner's opaque, stable id in every statement."""
    return salted_hmac(ACTOR_SALT, str(user_id), algorithm="sha256").hexdigest()[:32]


def actor(account):
    return {"objectType": "Agent", "account": {"homePage": public_address.base_url(), "name": account}}


def activity(kind, url, title):
    return {
        "objectType": "Activity",
        "id": public_address.absolute(url),
        "definition": {"type": ACTIVITY_TYPES[kind], "name": {LANGUAGE: title}},
    }


def statement_id(verb, account, *identity):
    return uuid.uuid5(NAMESPACE, "|".join([verb.key, account, *map(str, identity)]))


def build(verb, account, identity, obj, result=None, parent=None, timestamp=None):
    """One statement: (id, verb key, payload)."""
    sid = statement_id(verb, account, *identity)
    context = {"platform": PLATFORM, "language": LANGUAGE}
    if parent:
        context["contextActivities"] = {"parent": [parent]}
    payload = {
        "id": str(sid),
        "actor": actor(account),
        "verb": verb.as_xapi(),
        "object": obj,
        "context": context,
        "timestamp": (timestamp or timezone.now()).isoformat(),
        "version": VERSION,
    }
    if result is not None:
        payload["result"] = result
    return sid, verb.key, payload


def registered(account, course):
    return build(verbs.REGISTERED, account, ["course", course.id], course.as_activity())


def lesson_progressed(account, course, lesson, position_seconds):
    result = {"extensions": {POSITION_EXTENSION: position_seconds}}
    return build(
        verbs.PROGRESSED,
        account,
        ["lesson", lesson.id, position_seconds],
        lesson.as_activity(),
        result=result,
        parent=course.as_activity(),
    )


def lesson_completed(account, course, lesson):
    return build(
        verbs.COMPLETED,
        account,
        ["lesson", lesson.id],
        lesson.as_activity(),
        result={"completion": True},
        parent=course.as_activity(),
    )


def quiz_answered(account, course, quiz, attempt_number):
    return build(
        verbs.ANSWERED,
        account,
        ["quiz", quiz.id, attempt_number],
        quiz.as_activity(),
        result={"completion": True},
        parent=course.as_activity(),
    )


def quiz_graded(account, course, quiz, attempt_number, scaled, passed):
    verb = verbs.PASSED if passed else verbs.FAILED
    result = {"score": {"scaled": scaled}, "success": passed, "completion": True}
    return build(
        verb, account, ["quiz", quiz.id, attempt_number], quiz.as_activity(), result=result, parent=course.as_activity()
    )


def course_completed(account, course):
    result = {"completion": True, "success": True}
    return build(verbs.COMPLETED, account, ["course", course.id], course.as_activity(), result=result)


def certificate_earned(account, course, certificate):
    return build(
        verbs.EARNED,
        account,
        ["certificate", certificate.id],
        certificate.as_activity(),
        parent=course.as_activity(),
    )
