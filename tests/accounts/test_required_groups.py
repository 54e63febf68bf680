"""An administrator requires two-factor for groups (Ajustes → Seguridad); their members without it can only
set it up, and superusers can always reach that setting."""

from django.contrib.auth.models import Group

from tests.accounts.conftest import admin_log_in, code_for, code_from_page

SETTING = "/admin/settings/accounts/securitysettings/"


def require_for(client, *groups):
    edit = client.get(SETTING, follow=True)
    assert edit.status_code == 200
    assert "Grupos que deben usar la verificación en dos pasos" in edit.content.decode()
    saved = client.post(edit.redirect_chain[-1][0], {"two_factor_groups": [group.pk for group in groups]})
    assert saved.status_code == 302


def test_a_member_of_a_required_group_must_set_it_up_first(editor, editors, superuser):
    reviewers, _ = Group.objects.get_or_create(name="Revisores")
    require_for(admin_log_in("admin"), editors, reviewers)

    client = admin_log_in("editora")
    for page in ("/admin/", "/admin/pages/", "/admin/images/", SETTING):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"] == "/admin/dos-pasos/", page
    set_up = client.get("/admin/dos-pasos/")
    html = set_up.content.decode()
    assert set_up.status_code == 200 and "Tu grupo exige la verificación en dos pasos" in html

    response = client.post("/admin/dos-pasos/", {"code": code_for(code_from_page(html))})
    assert response["Location"] == "/admin/dos-pasos/respaldo/"
    assert client.get("/admin/").status_code == 200
    # While the group requires it, it cannot be turned off.
    manage = client.get("/admin/dos-pasos/").content.decode()
    assert "no puedes desactivarla" in manage
    client.post("/admin/dos-pasos/desactivar/", {"code": "000000"})
    assert "está activada" in client.get("/admin/dos-pasos/").content.decode()


def test_a_member_of_another_group_is_not_asked(editor, editors, superuser):
    other, _ = Group.objects.get_or_create(name="Revisores")
    require_for(admin_log_in("admin"), other)
    assert admin_log_in("editora").get("/admin/").status_code == 200


def test_a_superuser_in_a_required_group_can_still_reach_the_setting(superuser):
    admins, _ = Group.objects.get_or_create(name="Administradores")
    superuser.groups.add(admins)
    client = admin_log_in("admin")
    require_for(client, admins)

    assert client.get("/admin/pages/")["Location"] == "/admin/dos-pasos/"
    # The setting page stays open, so the requirement can be lifted.
    edit = client.get(SETTING, follow=True)
    assert edit.status_code == 200 and "Grupos que deben usar" in edit.content.decode()
    require_for(client)
    assert client.get("/admin/").status_code == 200
