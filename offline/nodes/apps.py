"""The community-node app: sync state, the course export and the admin report."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NodesConfig(AppConfig):
    name = "offline.nodes"
    label = "offline_nodes"
    verbose_name = _("Nodos comunitarios")
    default_auto_field = "django.db.models.BigAutoField"
