"""Editorial work in the Wagtail admin: roles, the review workflow, listings and catalogue import."""
