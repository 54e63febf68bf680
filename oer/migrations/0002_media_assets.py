# Links from video and audio resource pages to uploaded media assets.
import django.db.models.deletion
from django.db import migrations, models


def media_asset_field():
    return models.ForeignKey(
        blank=True,
        help_text="Video o audio subido al acervo; si se elige, se reproduce en lugar del archivo (URL).",
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="acervo_media.mediaasset",
        verbose_name="Archivo subido",
    )


class Migration(migrations.Migration):
    dependencies = [("oer", "0001_initial"), ("acervo_media", "0001_initial")]
    operations = [
        migrations.AddField(model_name="audiolessonpage", name="media_asset", field=media_asset_field()),
        migrations.AddField(model_name="videolessonpage", name="media_asset", field=media_asset_field()),
    ]
