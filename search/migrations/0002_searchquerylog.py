"""The aggregated search log (Informes → Búsquedas) and who may promote search results."""

from django.db import migrations, models


def grant_search_promotions(apps, schema_editor):
    from oer.editorial import roles

    roles.grant_search_promotions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("acervo_search", "0001_initial"),
        ("oer", "0003_editorial"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchQueryLog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(max_length=200, verbose_name="Búsqueda")),
                ("day", models.DateField(verbose_name="Día")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="Búsquedas")),
                ("zero_results", models.PositiveIntegerField(default=0, verbose_name="Sin resultados")),
            ],
            options={
                "verbose_name": "Registro de búsquedas",
                "verbose_name_plural": "Registro de búsquedas",
                "indexes": [models.Index(fields=["day"], name="search_query_log_day")],
                "constraints": [
                    models.UniqueConstraint(fields=("query", "day"), name="search_query_log_one_row_per_day")
                ],
            },
        ),
        migrations.RunPython(grant_search_promotions, migrations.RunPython.noop),
    ]
