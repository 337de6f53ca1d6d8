"""Phone numbers as people dial them, checked and turned into working ``tel:`` links.

Editors write numbers the way a colleague would dial them: ``112``, ``14 035``,
``0800-2000``, ``(035) 629 2059``, ``+31 70 333 44 44``. The number stays as written on the
page; the link gets a form every phone understands.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "NL"
_ALLOWED = re.compile(r"^\+?[0-9 ()\-./]+$")
EXAMPLE = '"035 123 45 67", "0800-2000", "14 035", "112" of "+31 70 333 44 44"'


class PhoneError(ValueError):
    """A number that cannot be dialled; the message is Dutch and says how to fix it."""


@lru_cache(maxsize=4096)
def tel_uri(text: str) -> str:
    """The ``tel:`` URI for a number written as people dial it. Raises ``PhoneError``."""
    if not _ALLOWED.match(text) or not any(ch.isdigit() for ch in text):
        raise PhoneError(f'"{text}" is geen telefoonnummer: gebruik alleen cijfers, spaties, '
                         f"streepjes, haakjes en eventueel een + vooraan. Voorbeeld: {EXAMPLE}.")
    digits = re.sub(r"[^0-9+]", "", text)
    if "+" in digits[1:]:
        raise PhoneError(f'"{text}" bevat een + die niet vooraan staat. Voorbeeld: {EXAMPLE}.')
    if not digits.startswith(("0", "+")):
        return _short_number(text, digits)
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f'"{text}" is geen geldig telefoonnummer. Voorbeeld: {EXAMPLE}.') from exc
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(f'"{text}" is geen geldig telefoonnummer (controleer het aantal cijfers '
                         f"en het netnummer). Voorbeeld: {EXAMPLE}.")
    if phonenumbers.can_be_internationally_dialled(number):
        return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "tel:" + phonenumbers.national_significant_number(number)


def _short_number(text: str, digits: str) -> str:
    """Short numbers (112, 116 000) and the municipal 14 + area code numbers (14 035)."""
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return "tel:" + digits
    if number is not None and digits.startswith("14") and phonenumbers.is_valid_number(number):
        return "tel:" + digits
    raise PhoneError(f'"{text}" is geen geldig telefoonnummer: een nummer zonder netnummer moet '
                     "een bekend kort nummer zijn (zoals 112) of een gemeentenummer als 14 035. "
                     f"Voorbeeld: {EXAMPLE}.")


def is_emergency(text: str) -> bool:
    """True for the national emergency number (112)."""
    digits = re.sub(r"\D", "", text)
    return bool(digits) and shortnumberinfo.is_emergency_number(digits, REGION)


ANONYMOUS_LINE = "08007000"
"""Meld Misdaad Anoniem (0800-7000): for citizens who want to report a crime without giving
their name. Staff report through the municipality's first contact, who can shield a
colleague's name; every step that offers this number says so."""


def is_anonymous_line(text: str | None) -> bool:
    """True for Meld Misdaad Anoniem's number, written in any grouping or with +31."""
    if not text:
        return False
    digits = re.sub(r"\D", "", text)
    return digits in {ANONYMOUS_LINE, "31" + ANONYMOUS_LINE[1:], "0031" + ANONYMOUS_LINE[1:]}
