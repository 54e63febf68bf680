"""Signed certificates: the issuer's keys and DID, Open Badges 3.0 VC-JWT, revocation status lists.

How keys, rotation and revocation work for an operator is told in docs/certificados.md.
"""
