"""Sending a stored file to the browser: streamed from local disk with byte ranges, or a signed S3 redirect.

pdf.js asks for the parts of a book it needs with `Range` requests, so a reader on a slow
connection downloads the pages it shows, not the whole file. Stored files are content
addressed, so their sha256 is a strong ETag.
"""

import os
import re

from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from storages.backends.s3 import S3Storage

CHUNK = 64 * 1024
# Browsers and proxies may keep the bytes this long; the resource's file may be replaced or
# unpublished, so not forever (the ETag makes revalidation cheap).
MAX_AGE = 3600
# How long the browser may reuse a redirect to a signed URL, well below the signature's lifetime.
REDIRECT_MAX_AGE = 60
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# More digits than any file size has; int() would refuse a 5,000-digit position outright.
POSITION_DIGITS = 18


class RangeNotSatisfiable(Exception):
    pass


def requested_range(header, size):
    """The (first, last) byte, inclusive, that a `Range` header asks for; None for the whole file.

    Only one range is served: a header asking for several, or one that does not parse, gets the
    whole file (RFC 9110 lets a server ignore Range). A range starting past the end raises
    RangeNotSatisfiable.
    """
    match = SINGLE_RANGE.match(header.strip()) if header else None
    if match is None:
        return None
    first, last = (_position(text) for text in match.groups())
    if first is None and last is None:
        return None
    if first is None:  # "bytes=-500": the last 500 bytes
        if last == 0:
            raise RangeNotSatisfiable
        return max(0, size - last), size - 1
    if last is not None and last < first:
        return None
    if first >= size:
        raise RangeNotSatisfiable
    return first, min(last, size - 1) if last is not None else size - 1


def _position(text):
    """A byte position, or None when absent; one with too many digits is past the end of any file."""
    if not text:
        return None
    return int(text) if len(text) <= POSITION_DIGITS else 10**POSITION_DIGITS


class FileSlice:
    """Bytes first..first+length of an open file, in chunks; the response closes it even unread (HEAD)."""

    def __init__(self, handle, first, length):
        self.handle, self.first, self.length = handle, first, length

    def __iter__(self):
        self.handle.seek(self.first)
        left = self.length
        while left > 0:
            chunk = self.handle.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk

    def close(self):
        self.handle.close()


def _is_local(storage, name):
    try:
        storage.path(name)
    except NotImplementedError:
        return False
    return True


def file_response(request, stored, filename, *, attachment=False):
    """The response that delivers `stored` (a media StoredFile) under `filename`.

    Raises Http404 when the bytes are missing from storage.
    """
    storage, name = stored.file.storage, stored.file.name
    disposition = content_disposition_header(attachment, filename)
    if not _is_local(storage, name):
        return _redirect_to_signed_url(storage, name, stored.mime_type, disposition)

    etag = f'"{stored.sha256}"'
    last_modified = int(stored.created_at.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    size = os.fstat(handle.fileno()).st_size

    wanted = None
    if request.headers.get("If-Range", etag) == etag:  # a stale If-Range asks for the whole file
        try:
            wanted = requested_range(request.headers.get("Range"), size)
        except RangeNotSatisfiable:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
    if wanted is None:
        first, length = 0, size
        response = StreamingHttpResponse(FileSlice(handle, 0, size), content_type=stored.mime_type)
    else:
        first, last = wanted
        length = last - first + 1
        response = StreamingHttpResponse(FileSlice(handle, first, length), content_type=stored.mime_type, status=206)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = disposition
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def _redirect_to_signed_url(storage, name, mime_type, disposition):
    """A short-lived signed URL; S3 is told the file name and type to answer with."""
    if isinstance(storage, S3Storage):
        url = storage.url(
            name, parameters={"ResponseContentDisposition": disposition, "ResponseContentType": mime_type}
        )
    else:
        url = storage.url(name)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = f"private, max-age={REDIRECT_MAX_AGE}"
    return response
