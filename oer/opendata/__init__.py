"""Open data for partners: dated catalogue dumps, the Atom feed of new resources and API v2."""
