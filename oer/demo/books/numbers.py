"""Numbers as a Mexican primaria book writes them: grouped digits, decimals, fractions and number words."""

from fractions import Fraction
from math import gcd

UNITS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
HUNDREDS = {
    1: "ciento",
    2: "doscientos",
    3: "trescientos",
    4: "cuatrocientos",
    5: "quinientos",
    6: "seiscientos",
    7: "setecientos",
    8: "ochocientos",
    9: "novecientos",
}


def grouped(number):
    """45372 -> "45 372": groups of three digits separated by a space, as the SI recommends."""
    return f"{number:,}".replace(",", " ")


def decimal(value, places=2):
    """A decimal with a point and grouped whole part: 1234.5 -> "1 234.50"."""
    whole, _dot, rest = f"{value:.{places}f}".partition(".")
    return f"{grouped(int(whole))}.{rest}" if places else grouped(int(whole))


def pesos(value):
    return f"${decimal(value, 2)}"


def fraction(numerator, denominator):
    return f"{numerator}/{denominator}"


def simplest(numerator, denominator):
    divisor = gcd(numerator, denominator)
    return numerator // divisor, denominator // divisor


def fraction_text(value):
    """A Fraction as a whole number, a proper fraction or a mixed number: 7/4 -> "1 3/4"."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    whole, rest = divmod(value.numerator, value.denominator)
    return f"{whole} {rest}/{value.denominator}" if whole else f"{rest}/{value.denominator}"


def _below_thousand(n):
    if n < 30:
        return UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f" y {UNITS[unit]}" if unit else "")
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    return HUNDREDS[hundreds] + (f" {_below_thousand(rest)}" if rest else "")


def _before_noun(words):
    # "uno" loses its last vowel before "mil" and "millones": veintiún mil, treinta y un millones.
    if words.endswith("veintiuno"):
        return words[: -len("veintiuno")] + "veintiún"
    if words.endswith("uno"):
        return words[:-1]
    return words


def words(n):
    """Spanish words of a whole number below a thousand millions: 21000 -> "veintiún mil"."""
    if not 0 <= n < 1_000_000_000:
        raise ValueError(n)
    if n < 1000:
        return _below_thousand(n)
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions == 1:
        parts.append("un millón")
    elif millions:
        parts.append(f"{_before_noun(_below_thousand(millions))} millones")
    if thousands == 1:
        parts.append("mil")
    elif thousands:
        parts.append(f"{_before_noun(_below_thousand(thousands))} mil")
    if units:
        parts.append(_below_thousand(units))
    return " ".join(parts)
