# OAI-PMH record tracking (filled in by the interoperability work).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("oer", "0003_editorial")]
    operations = []
