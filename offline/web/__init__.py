"""Lessons that work offline: the installable site, its service worker and the saved-course listing."""
