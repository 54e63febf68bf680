"""Editorial roles (Editores, Revisores, Administradores) and the "Revisión editorial" workflow."""

from django.db import migrations


def create_editorial_roles(apps, schema_editor):
    from oer.editorial import roles

    roles.create_roles(apps)
    # Sites created before this migration get their sections put under review now; later
    # ones are handled when oer.site creates them.
    ResourceIndexPage = apps.get_model("oer", "ResourceIndexPage")
    for page_id in ResourceIndexPage.objects.values_list("pk", flat=True):
        roles.grant_section(apps, page_id)


class Migration(migrations.Migration):
    dependencies = [
        ("oer", "0002_media_assets"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]
    operations = [migrations.RunPython(create_editorial_roles, migrations.RunPython.noop)]
