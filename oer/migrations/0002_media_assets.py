# Links from resource pages to media assets (filled in by the media work).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("oer", "0001_initial")]
    operations = []
