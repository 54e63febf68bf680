"""Thin signal handlers: however an account is deleted (API, dashboard, admin), its certificates lose the name."""

from django.conf import settings
from django.db.models.signals import pre_delete


def _anonymise_certificates(sender, instance, **kwargs):
    from courses import api

    api.anonymise_certificates(instance)


def connect():
    pre_delete.connect(_anonymise_certificates, sender=settings.AUTH_USER_MODEL, dispatch_uid="courses-anonymise")
