# OAI-PMH record tracking: the record table, filled from the resources already published.
from django.db import migrations, models


def backfill_records(apps, schema_editor):
    """Every live resource starts as a live record dated by its last publication."""
    ResourcePage = apps.get_model("oer", "ResourcePage")
    OaiRecord = apps.get_model("oer", "OaiRecord")
    rows = []
    for page in ResourcePage.objects.filter(live=True).only("pk", "external_id", "levels", "fields", "last_published_at"):
        sets = [f"level:{slug}" for slug in page.levels or []] + [f"field:{slug}" for slug in page.fields or []]
        datestamp = page.last_published_at or page.first_published_at
        rows.append(OaiRecord(external_id=page.external_id, page_id=page.pk, datestamp=datestamp.replace(microsecond=0) if datestamp else None, sets=sets))
    OaiRecord.objects.bulk_create([row for row in rows if row.datestamp], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("oer", "0003_editorial")]

    operations = [
        migrations.CreateModel(
            name="OaiRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("external_id", models.CharField(max_length=200, unique=True, verbose_name="Identificador externo")),
                ("page_id", models.IntegerField(blank=True, db_index=True, null=True, verbose_name="Página")),
                ("datestamp", models.DateTimeField(verbose_name="Fecha de cambio")),
                ("deleted", models.BooleanField(default=False, verbose_name="Retirado")),
                ("sets", models.JSONField(blank=True, default=list, verbose_name="Conjuntos")),
            ],
            options={
                "verbose_name": "Registro OAI-PMH",
                "verbose_name_plural": "Registros OAI-PMH",
                "ordering": ["datestamp", "external_id"],
                "indexes": [models.Index(fields=["datestamp", "external_id"], name="oer_oai_datestamp_idx")],
            },
        ),
        migrations.RunPython(backfill_records, migrations.RunPython.noop),
    ]
