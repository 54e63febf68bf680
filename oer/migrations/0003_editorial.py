# Editorial roles and workflow (filled in by the editorial work).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("oer", "0002_media_assets")]
    operations = []
