"""TOTP two-factor for the admin, through HTTP: turned on with a code computed from the secret shown, asked
after the password, wrong codes refused and counted, backup codes once each, off only with a code."""

from axes.models import AccessAttempt

from tests.accounts.conftest import PASSWORD, admin_log_in, backup_codes_in, code_for, code_from_page


def turn_on(client):
    """Opens the set-up page, reads the secret and confirms with a code; the page of backup codes."""
    page = client.get("/admin/dos-pasos/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Escribe el código que muestra la aplicación" in html
    device = code_from_page(html)
    response = client.post("/admin/dos-pasos/", {"code": code_for(device)}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/dos-pasos/respaldo/"
    return device, response.content.decode()


def test_a_staff_member_turns_it_on_and_the_admin_then_asks_for_the_code(editor):
    client = admin_log_in("editora")
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "/admin/dos-pasos/" in account and "Verificación en dos pasos" in account

    page = client.get("/admin/dos-pasos/").content.decode()
    wrong = client.post("/admin/dos-pasos/", {"code": "000000"})
    assert wrong.status_code == 200 and "El código no coincide" in wrong.content.decode()
    assert "<svg" in page and 'src="http' not in page.split("<svg")[1].split("</svg>")[0]

    device, codes_page = turn_on(client)
    assert "La verificación en dos pasos está activada" in codes_page
    assert len(backup_codes_in(codes_page)) == 10
    # The session that turned it on stays verified.
    assert client.get("/admin/").status_code == 200

    # A new log-in: the password alone reaches only the code page.
    fresh = admin_log_in("editora")
    asked = fresh.get("/admin/pages/")
    assert asked.status_code == 302 and asked["Location"].startswith("/admin/dos-pasos/codigo/?next=/admin/pages/")
    form = fresh.get(asked["Location"]).content.decode()
    assert "Escribe el código de 6 dígitos" in form

    refused = fresh.post("/admin/dos-pasos/codigo/", {"code": "123456", "next": "/admin/pages/"})
    assert refused.status_code == 400 and "El código no es válido" in refused.content.decode()
    assert fresh.get("/admin/").status_code == 302

    done = fresh.post("/admin/dos-pasos/codigo/", {"code": code_for(device, 1), "next": "/admin/pages/"})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert fresh.get("/admin/").status_code == 200


def test_wrong_codes_count_toward_the_log_in_lock(editor):
    client = admin_log_in("editora")
    device, _ = turn_on(client)
    fresh = admin_log_in("editora", address="203.0.113.5")
    for _ in range(9):
        assert fresh.post("/admin/dos-pasos/codigo/", {"code": "111111"}).status_code == 400
    assert AccessAttempt.objects.get(username="editora").failures_since_start == 9
    tenth = fresh.post("/admin/dos-pasos/codigo/", {"code": "111111"})
    assert tenth.status_code == 429 and "Demasiados intentos" in tenth.content.decode()
    # The session is closed and the password no longer opens the admin, even with the right code at hand.
    assert fresh.get("/admin/")["Location"].startswith("/admin/login/")
    locked = fresh.post("/admin/login/", {"username": "editora", "password": PASSWORD})
    assert locked.status_code == 429


def test_a_backup_code_works_once(editor):
    client = admin_log_in("editora")
    _device, codes_page = turn_on(client)
    code = backup_codes_in(codes_page)[0]

    first = admin_log_in("editora")
    assert first.post("/admin/dos-pasos/codigo/", {"code": code}).status_code == 302
    assert first.get("/admin/").status_code == 200
    remaining = first.get("/admin/dos-pasos/respaldo/").content.decode()
    assert code not in backup_codes_in(remaining) and len(backup_codes_in(remaining)) == 9

    second = admin_log_in("editora")
    again = second.post("/admin/dos-pasos/codigo/", {"code": code})
    assert again.status_code == 400
    assert second.get("/admin/").status_code == 302


def test_turning_it_off_needs_a_valid_code(editor):
    client = admin_log_in("editora")
    device, _ = turn_on(client)
    manage = client.get("/admin/dos-pasos/").content.decode()
    assert "Desactivar la verificación en dos pasos" in manage

    refused = client.post("/admin/dos-pasos/desactivar/", {"code": "222222"}, follow=True)
    assert "El código no es válido" in refused.content.decode()
    assert "está activada" in client.get("/admin/dos-pasos/").content.decode()

    client.post("/admin/dos-pasos/desactivar/", {"code": code_for(device, 1)})
    assert "Escribe el código que muestra la aplicación" in client.get("/admin/dos-pasos/").content.decode()
    fresh = admin_log_in("editora")
    assert fresh.get("/admin/").status_code == 200


def test_an_operator_turns_it_off_for_a_user_who_lost_the_phone(editor, run_command):
    turn_on(admin_log_in("editora"))
    assert admin_log_in("editora").get("/admin/").status_code == 302
    result = run_command("two_factor_off", "editora")
    assert result.code == 0 and "desactivada para «editora»" in result.stdout
    assert admin_log_in("editora").get("/admin/").status_code == 200
    missing = run_command("two_factor_off", "nadie")
    assert missing.code == 1 and "No hay un usuario «nadie»" in missing.stderr
