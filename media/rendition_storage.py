"""The storage Wagtail writes renditions to, looked up lazily like Django's default storage."""

import weakref

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

_instances = weakref.WeakSet()


class RenditionStorage(LazyObject):
    """Proxy to STORAGES["renditions"].

    Wagtail binds the rendition field's storage once, when its model class is built; this proxy
    resolves the alias on first use instead, and again whenever STORAGES changes (as in tests).
    """

    def __init__(self):
        super().__init__()
        _instances.add(self)

    def _setup(self):
        self._wrapped = storages["renditions"]


@receiver(setting_changed)
def reset_rendition_storages(*, setting, **kwargs):
    if setting == "STORAGES":
        for instance in list(_instances):
            instance._wrapped = empty
