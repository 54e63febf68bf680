"""Downloading a record's file_url against a real local HTTP(S) server: limits, redirects, SSRF refusals."""

import datetime
import io
import ipaddress
import runpy
import socket
import ssl
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings
from pytest_httpserver import HTTPServer
from werkzeug import Response

from media.fetch import FetchError, fetch, fetch_settings, is_internal

PDF = b"%PDF-1.7\n" + b"contenido del libro " * 5000 + b"\n%%EOF\n"
LOCAL = ("localhost",)
QUICK = (1, 1)


def _fetch(url, dest=None, max_bytes=10 * 1024 * 1024, allowed_hosts=LOCAL, timeout=QUICK):
    dest = io.BytesIO() if dest is None else dest
    return fetch(url, dest, max_bytes=max_bytes, allowed_hosts=allowed_hosts, timeout=timeout)


def _refusal(url, **kwargs):
    with pytest.raises(FetchError) as refused:
        _fetch(url, **kwargs)
    return refused.value.reason


def test_downloads_the_body_into_the_file(httpserver):
    httpserver.expect_request("/libros/quinto.pdf").respond_with_data(PDF, content_type="application/pdf; qs=1")
    dest = io.BytesIO()
    result = _fetch(httpserver.url_for("/libros/quinto.pdf"), dest)
    assert dest.getvalue() == PDF
    assert result.size == len(PDF)
    assert result.content_type == "application/pdf"
    assert result.final_url == httpserver.url_for("/libros/quinto.pdf")


def test_allowed_host_names_match_in_any_case(httpserver):
    httpserver.expect_request("/a.pdf").respond_with_data(PDF)
    assert _fetch(httpserver.url_for("/a.pdf"), allowed_hosts=["LocalHost"]).size == len(PDF)


def test_declared_size_over_the_cap_is_refused_before_reading(httpserver):
    httpserver.expect_request("/grande.pdf").respond_with_data(PDF)
    reason = _refusal(httpserver.url_for("/grande.pdf"), max_bytes=1000)
    assert reason.startswith("el archivo pesa ") and reason.endswith("; el máximo es 1000\xa0bytes")


def test_undeclared_size_stops_as_soon_as_the_cap_is_passed(httpserver):
    sent = []

    def endless(request):
        def body():
            for _ in range(50 * 16):  # up to 50 MB, far past the 1 MB cap
                sent.append(1)
                yield b"x" * 65536

        return Response(body(), content_type="application/pdf")

    httpserver.expect_request("/sin-tamano.pdf").respond_with_handler(endless)
    dest = io.BytesIO(b"ya estaba")
    dest.seek(0, io.SEEK_END)
    reason = _refusal(httpserver.url_for("/sin-tamano.pdf"), dest=dest, max_bytes=1024 * 1024)
    assert reason == "el archivo pasa del máximo de 1.0\xa0MB"
    # What was written is taken back; what was there before stays.
    assert dest.getvalue() == b"ya estaba"
    time.sleep(0.2)
    assert len(sent) < 10 * 16


def test_follows_up_to_five_redirects(httpserver):
    for hop in range(5):
        redirect = {"Location": f"/r{hop + 1}"}
        httpserver.expect_request(f"/r{hop}").respond_with_data("", status=302, headers=redirect)
    httpserver.expect_request("/r5").respond_with_data(PDF)
    result = _fetch(httpserver.url_for("/r0"))
    assert result.final_url == httpserver.url_for("/r5")
    assert result.size == len(PDF)


def test_a_sixth_redirect_is_refused(httpserver):
    for hop in range(6):
        redirect = {"Location": f"/r{hop + 1}"}
        httpserver.expect_request(f"/r{hop}").respond_with_data("", status=301, headers=redirect)
    httpserver.expect_request("/r6").respond_with_data(PDF)
    assert _refusal(httpserver.url_for("/r0")) == "demasiadas redirecciones (más de 5)"
    assert "/r6" not in [request.path for request, _ in httpserver.log]


@pytest.mark.parametrize("status", [404, 500])
def test_an_error_status_is_reported_and_nothing_is_written(httpserver, status):
    httpserver.expect_request("/falta.pdf").respond_with_data("No encontrado", status=status)
    dest = io.BytesIO()
    assert _refusal(httpserver.url_for("/falta.pdf"), dest=dest) == f"el servidor respondió {status}"
    assert dest.getvalue() == b""


def test_a_server_that_stops_answering_times_out(httpserver):
    def slow(request):
        time.sleep(1)
        return Response(PDF)

    httpserver.expect_request("/lento.pdf").respond_with_handler(slow)
    reason = _refusal(httpserver.url_for("/lento.pdf"), timeout=(1, 0.2))
    assert reason == "el servidor «localhost» dejó de responder: tiempo agotado"


def test_a_closed_port_is_a_connection_error():
    with HTTPServer(host="localhost", port=0) as server:
        url = server.url_for("/x.pdf")
    assert _refusal(url) == "no se pudo conectar con «localhost»"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://ftp.sep.mx/x.pdf", "gopher://x/", "/relativa.pdf", "http:///sin-servidor"]
)
def test_only_http_and_https(url):
    assert _refusal(url) == f"«{url}» no es una dirección http o https válida"


def test_a_redirect_to_another_scheme_is_refused(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    assert _refusal(httpserver.url_for("/a")) == "«file:///etc/passwd» no es una dirección http o https válida"


# --- SSRF: internal addresses are refused after resolution, before any connection. ---

INTERNAL_URLS = [
    ("http://127.0.0.1:{port}/libro.pdf", "127.0.0.1"),
    ("http://10.0.0.1/libro.pdf", "10.0.0.1"),
    ("http://169.254.169.254/latest/", "169.254.169.254"),
    ("http://192.168.1.10/libro.pdf", "192.168.1.10"),
    ("http://172.16.5.4/libro.pdf", "172.16.5.4"),
    ("http://100.100.100.200/latest/meta-data/", "100.100.100.200"),
    ("http://0.0.0.0:{port}/", "0.0.0.0"),
    ("http://224.0.0.1/", "224.0.0.1"),
    ("http://[::1]:{port}/", "::1"),
    ("http://[::ffff:127.0.0.1]:{port}/", "::ffff:7f00:1"),
    ("http://[fd00:ec2::254]/latest/", "fd00:ec2::254"),
    ("http://[fe80::1]/", "fe80::1"),
    # The same loopback address written as one decimal number resolves to 127.0.0.1.
    ("http://2130706433:{port}/", "127.0.0.1"),
]


@pytest.mark.parametrize("url, address", INTERNAL_URLS)
def test_internal_addresses_are_refused_without_connecting(httpserver, url, address):
    httpserver.expect_request("/libro.pdf").respond_with_data(PDF)
    url = url.format(port=httpserver.port)
    reason = _refusal(url, allowed_hosts=())
    assert reason.endswith(f"lleva a una dirección interna ({address}); no se descarga desde ahí")
    assert httpserver.log == []


def test_a_host_name_that_resolves_to_loopback_is_refused(httpserver):
    httpserver.expect_request("/libro.pdf").respond_with_data(PDF)
    reason = _refusal(httpserver.url_for("/libro.pdf"), allowed_hosts=())
    assert reason.startswith("«localhost» lleva a una dirección interna (")
    assert httpserver.log == []


def test_a_redirect_from_an_allowed_host_to_loopback_is_refused(httpserver):
    secret = f"http://127.0.0.1:{httpserver.port}/secreto"
    httpserver.expect_request("/libro.pdf").respond_with_data("", status=302, headers={"Location": secret})
    httpserver.expect_request("/secreto").respond_with_data("credenciales")
    dest = io.BytesIO()
    reason = _refusal(httpserver.url_for("/libro.pdf"), dest=dest, allowed_hosts=["localhost"])
    assert reason == "«127.0.0.1» lleva a una dirección interna (127.0.0.1); no se descarga desde ahí"
    assert [request.path for request, _ in httpserver.log] == ["/libro.pdf"]
    assert dest.getvalue() == b""


def test_the_connection_goes_to_the_address_that_was_checked(httpserver, monkeypatch):
    # A name that answers a second lookup differently (DNS rebinding) must not get that lookup.
    real_getaddrinfo, lookups = socket.getaddrinfo, []

    def rebinding(host, port, *args, **kwargs):
        if host != "libros.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        answer = "127.0.0.1" if len(lookups) == 1 else "127.0.0.2"
        return real_getaddrinfo(answer, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    httpserver.expect_request("/libro.pdf").respond_with_data(PDF)
    result = _fetch(f"http://libros.example:{httpserver.port}/libro.pdf", allowed_hosts=["libros.example"])
    assert result.size == len(PDF)
    assert lookups == ["libros.example"]
    assert httpserver.log[0][0].headers["Host"] == f"libros.example:{httpserver.port}"


def test_an_unknown_host_name_is_reported():
    assert _refusal("http://no-existe.invalid/libro.pdf") == "no se encontró el servidor «no-existe.invalid»"


@pytest.mark.parametrize("address", ["8.8.8.8", "200.23.242.193", "2001:4860:4860::8888", "2606:4700::1111"])
def test_public_addresses_are_not_internal(address):
    assert not is_internal(ipaddress.ip_address(address))


# --- HTTPS to the pinned address still checks the certificate against the host name. ---


def _certificate(subject, issuer, public_key, signing_key, extension):
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(extension, critical=False)
        .sign(signing_key, hashes.SHA256())
    )


def _certificate_authority(directory):
    """A throwaway CA and a certificate for "localhost" signed by it; returns (ca file, server context)."""
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = "Acervo CA de prueba"
    authority = x509.BasicConstraints(ca=True, path_length=None)
    ca = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, authority)
    names = x509.SubjectAlternativeName([x509.DNSName("localhost")])
    leaf = _certificate("localhost", ca_name, key.public_key(), ca_key, names)
    ca_file, cert_file, key_file = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    pem = serialization.Encoding.PEM
    ca_file.write_bytes(ca.public_bytes(pem))
    cert_file.write_bytes(leaf.public_bytes(pem))
    key_file.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return ca_file, context


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    ca_file, context = _certificate_authority(tmp_path_factory.mktemp("tls"))
    with HTTPServer(host="localhost", port=0, ssl_context=context) as server:
        server.expect_request("/libro.pdf").respond_with_data(PDF, content_type="application/pdf")
        yield server, ca_file


def test_https_with_a_certificate_for_the_host_name(https_server, monkeypatch):
    server, ca_file = https_server
    # OpenSSL's default trust store follows SSL_CERT_FILE, so the test CA is trusted here only.
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    result = _fetch(server.url_for("/libro.pdf"))
    assert result.size == len(PDF)
    assert result.final_url.startswith("https://localhost:")


def test_https_with_an_untrusted_certificate_is_refused(https_server):
    server, _ = https_server
    reason = _refusal(server.url_for("/libro.pdf"))
    assert reason == "la conexión HTTPS con «localhost» no es segura (certificado no válido)"


# --- Settings ---


def test_fetch_settings_come_from_django_settings(settings):
    settings.ACERVO_FETCH_MAX_BYTES = 5 * 1024 * 1024
    settings.ACERVO_FETCH_ALLOWED_HOSTS = ["espejo.sep.local"]
    assert fetch_settings() == (5 * 1024 * 1024, ("espejo.sep.local",))


@pytest.mark.parametrize(
    "environment, expected",
    [
        ({}, (2 * 1024**3, ())),
        (
            {"ACERVO_FETCH_MAX_BYTES": "1048576", "ACERVO_FETCH_ALLOWED_HOSTS": "espejo.sep.local, archivos.mx"},
            (1048576, ("espejo.sep.local", "archivos.mx")),
        ),
    ],
)
def test_fetch_settings_read_the_environment(monkeypatch, environment, expected):
    for name in ("ACERVO_FETCH_MAX_BYTES", "ACERVO_FETCH_ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # The settings file run afresh, as a process starting with this environment would read it.
    base = runpy.run_path(str(settings.PROJECT_DIR / "settings" / "base.py"))
    assert (base["ACERVO_FETCH_MAX_BYTES"], tuple(base["ACERVO_FETCH_ALLOWED_HOSTS"])) == expected
