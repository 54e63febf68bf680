import secrets

from django.db import migrations, models

# Frozen copies of courses.credentials.status_list.LIST_SIZE and CERTIFICATES_PER_LIST.
LIST_SIZE = 131_072
CERTIFICATES_PER_LIST = LIST_SIZE // 2


def give_issued_certificates_a_status_bit(apps, schema_editor):
    """Certificates issued before revocation existed get a random bit, as new ones do."""
    Certificate = apps.get_model("courses", "Certificate")
    pks = list(Certificate.objects.filter(status_index__isnull=True).order_by("pk").values_list("pk", flat=True))
    chooser = secrets.SystemRandom()
    for number, start in enumerate(range(0, len(pks), CERTIFICATES_PER_LIST)):
        chunk = pks[start:start + CERTIFICATES_PER_LIST]
        for pk, position in zip(chunk, chooser.sample(range(LIST_SIZE), len(chunk))):
            Certificate.objects.filter(pk=pk).update(status_index=number * LIST_SIZE + position)


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SigningKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kid', models.CharField(max_length=64, unique=True, verbose_name='Identificador')),
                ('algorithm', models.CharField(max_length=10, verbose_name='Algoritmo')),
                ('public_jwk', models.JSONField(verbose_name='Clave pública (JWK)')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='Retirada el')),
            ],
            options={
                'verbose_name': 'Clave de firma',
                'verbose_name_plural': 'Claves de firma',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='certificate',
            name='revocation_reason',
            field=models.CharField(blank=True, max_length=500, verbose_name='Motivo de la revocación'),
        ),
        migrations.AddField(
            model_name='certificate',
            name='revoked_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Revocado el'),
        ),
        migrations.AddField(
            model_name='certificate',
            name='status_index',
            field=models.PositiveIntegerField(editable=False, null=True, unique=True),
        ),
        migrations.RunPython(give_issued_certificates_a_status_bit, migrations.RunPython.noop),
    ]
