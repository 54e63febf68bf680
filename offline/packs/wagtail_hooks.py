"""Admin: the offline pack report under Informes."""

from wagtail import hooks

from . import report

hooks.register("register_admin_urls", report.url_patterns)
hooks.register("register_reports_menu_item", report.menu_item)
