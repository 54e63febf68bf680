"""A user's authenticator app (a TOTP device) and printed backup codes (a static device), and who must have them."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecuritySettings

APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "backup"
BACKUP_CODE_COUNT = 10


def confirmed_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enabled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user):
    """The unconfirmed device whose secret the set-up page shows; the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm(device):
    """Turns two-factor on with this device: other app devices go away, new backup codes are issued."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return issue_backup_codes(device.user)


@transaction.atomic
def issue_backup_codes(user):
    """Replaces the user's backup codes with new ones; each works once."""
    backup, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    backup.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def backup_codes(user):
    return list(StaticToken.objects.filter(device__user=user).order_by("pk").values_list("token", flat=True))


@transaction.atomic
def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def secret(device):
    """The base32 secret as authenticator apps take it typed, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device):
    """The provisioning URL as SVG markup, drawn here: no remote image, no script."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def is_required(user, request=None):
    """True when one of the user's groups is checked in Ajustes → Seguridad."""
    required = SecuritySettings.load(request_or_site=request).two_factor_groups.all()
    return user.groups.filter(pk__in=required).exists()
