"""The editor's rules in the browser (assets/beheer/regels.js) against ``meldwijzer check``:
the same verdict and the same Dutch message for every value of every checked kind, on
thousands of values: every value the example data and the fixtures hold, phone numbers in
every shape of every country's example numbers (and broken variants of them), hostile web
addresses (look-alike letters, punycode, credentials, backslashes, IPv6), e-mail addresses,
ids, dates, texts and Markdown. The JavaScript runs in Node.js, as it runs in the browser,
on the table the site publishes; Python's side is the models' own validation with the
Dutch message ``check`` prints."""

# ruff: noqa: RUF001 (look-alike letters are the point of these values)

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
import yaml
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pydantic import ValidationError, create_model

from helpers import FIXTURES, ROOT, copy_project
from meldwijzer import beheer_regels, models
from meldwijzer.safety import printable
from meldwijzer.validate import dutch_message

RULES = ROOT / "src" / "meldwijzer" / "assets" / "beheer" / "regels.js"
CHECKED = {"id", "tekst", "lange-tekst", "markdown", "url", "email", "telefoon", "datum"}
"""The kinds the form checks itself; numbers and flags are kept right by their widgets."""
KEYS = {"telefoon": "telefoon", "email": "email", "website": "url", "bron": "url",
        "id": "id", "gecontroleerd": "datum", "naam": "tekst", "titel": "tekst",
        "wat": "markdown", "inleiding": "markdown", "tekst": "lange-tekst"}


def python_verdict(kind: str, value: str) -> str | None:
    """What ``meldwijzer check`` says after the field's path (None: accepted)."""
    annotated = dict(beheer_regels.kinds())[kind]
    model = create_model("Veld", __base__=models.Model, waarde=(annotated, ...))
    try:
        model.model_validate({"waarde": value})
    except ValidationError as exc:
        return printable(dutch_message(model, exc.errors(include_url=False)[0], {}))
    return None


def js_verdicts(cases: list[tuple[str, str]], options: dict[str, Any] | None = None
                ) -> list[str | None]:
    program = """
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const rules = require(process.argv[1])(input.table);
process.stdout.write(JSON.stringify(input.cases.map(([k, v]) => rules.check(k, v, input.options))));
"""
    payload = json.dumps({"table": json.loads(beheer_regels.table()), "cases": cases,
                          "options": options or {}})
    result = subprocess.run(["node", "-e", program, str(RULES)], input=payload,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    verdicts: list[str | None] = json.loads(result.stdout)
    return verdicts


def _data_values() -> list[tuple[str, str]]:
    out = []
    files = [f for project in (ROOT, FIXTURES) for f in sorted(project.rglob("*.yml"))
             if not {"node_modules", ".cache", "hostile_cases", "golden", ".venv"}
             & set(f.parts) and f.name not in ("mkdocs.yml", "case.yml")]
    for file in files:
        def visit(node: Any, key: str = "") -> None:
            if isinstance(node, dict):
                for k, v in node.items():
                    visit(v, str(k))
            elif isinstance(node, list):
                for item in node:
                    visit(item, key)
            elif isinstance(node, str) and key in KEYS:
                out.append((KEYS[key], node))
        visit(yaml.load(file.read_text("utf-8"), Loader=yaml.BaseLoader))
    return out


def _phone_numbers() -> list[str]:
    rng = random.Random(20)
    out = ["035-12", "112", "14 035", "14 0294", "0800-2000", "0900-8844", "116 000",
           "+31 70 333 44 44", "(035) 629 2059", "+31 (0)35 751 32 00", "0031 35 751 3200",
           "+035 751 32 00", "0035 751", "31 35 751 3200", "1", "12", "+1", "+12", "+123",
           "00", "000", "0", "+", "+0", "++31 35 751 32 00", "+31+35", "06-12345678",
           "0612345678", "06 1234 567", "085 123 4567", "088-1234567", "0900-0101",
           "144", "911", "1 1 2", "  112  ", "035 751 32 00x", "035.751.32.00", "035/7513200",
           "1" * 41, "0" * 30, "9" * 18, "+" + "4" * 20, "+800 1234 5678", "+882 1234",
           "+1 202 555 0143", "+44 20 7946 0958", "+32 2 555 12 12", "+49 30 901820",
           "+33 1 23 45 67 89", "+48 22 123 45 67", "+7 495 123-45-67", "+86 10 1234 5678",
           "+55 11 91234 5678", "+54 9 11 1234 5678", "+52 1 55 1234 5678", "+39 06 1234 5678",
           "+39 312 345 6789", "+262 262 12 34 56", "+590 590 27 12 34", "+599 9 123 4567"]
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
                     PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            international = phonenumbers.format_number(example,
                                                       PhoneNumberFormat.INTERNATIONAL)
            out.append(international)
            out.append("00" + international[1:])
            digits = re.sub(r"\D", "", international)
            out.append("+" + digits[:-1])
            out.append("+" + digits + str(rng.randrange(10)))
            national = re.sub(r"\D", "", phonenumbers.format_number(
                example, PhoneNumberFormat.NATIONAL))
            code = str(example.country_code)
            out += [f"+{code} {national}", f"+{code} {national[:-3]}", f"00{code}{national}",
                    f"+{code}{national[1:]}", f"+{code} {national[:4]} {national[-3:]}"]
            if region == "NL":
                out += [national, national[:-1], national + "0"]
    for _ in range(1500):
        length = rng.randrange(2, 16)
        digits = "".join(str(rng.randrange(10)) for _ in range(length))
        prefix = rng.choice(["", "0", "0", "+", "+31", "00", "14", "+31 0", "1"])
        text = prefix + digits
        if rng.random() < 0.5:
            cut = rng.randrange(1, len(text))
            text = text[:cut] + rng.choice([" ", "-", " ", "(", ")"]) + text[cut:]
        out.append(text)
    return out


URLS = [
    "https://www.veiligthuis.nl", "https://www.politie.nl/aangifte", "http://www.politie.nl",
    "https://", "https:/www.politie.nl", "www.politie.nl", "https://www.politie.nl:x@evil.example/",
    "https://user@evil.example", "https://a@b@c", "https:\\\\evil.example", "//evil.example",
    " //evil.example", "https://evil.example%5C@politie.nl", "https://%5cevil", "https://аpple.com",
    "https://xn--pple-43d.com", "https://xn--abc-", "https://xn--", "https://xn--zz-zzzzzzzzz",
    "https://xn--mnchen-3ya.de", "https://xn--bcher-kva.example", "https://XN--PPLE-43D.com",
    "https://xn--80ak6aa92e.com", "https://xn--ls8h.la", "https://xn--9dbq2a.example",
    "https://xn--a-ecp.ru", "https://ıstanbul.example", "https://münchen.de",
    "https://www.poli\u0441ie.nl", "https://ａｐｐｌｅ.com", "https://[::1]/", "https://[::1",
    "https://::1]/", "https://[1.2.3.4]/", "https://[v1.x]/", "https://[vz.x]/",
    "https://[fe80::1%25eth0]/", "https://[fe80::1%]/", "https://[1:2:3:4:5:6:7:8]/",
    "https://[1:2:3:4:5:6:7:8:9]/", "https://[::ffff:1.2.3.4]/", "https://[::ffff:01.2.3.4]/",
    "https://[1::2::3]/", "https://[:1:2]/", "https://[12345::]/", "https://host:99999/",
    "https://a\u2100b.example", "https://a\u2488.example", "https://e\u0301.example",
    "https://www.politie.nl/ zoek", "https://www.politie.nl/\"x", "https://x.nl/<script>",
    "https://x.nl/`", "HTTPS://WWW.POLITIE.NL", "ftp://x.nl", "javascript:alert(1)",
    "https://x.nl\u00a0", "https://x.nl/\u2028", "https://\x00x.nl", "\x01https://x.nl",
    "https://x\ty.nl", "https://x.nl\n/y", "https://xn--n3h.example", "https://1.2.3.4/",
    "https://localhost", "https://a.b.c.d.e.f.g", "https://-.nl", "https://_x.nl",
    "https://x.nl?a=1#b", "https://x.nl#?", "https://x.nl/%5C", "https://ех.example",
    "https://\u0391\u0392.gr", "https://\u4e2d\u6587.cn", "https://\u0645\u062b\u0627\u0644.eg",
    "https://x.nl/" + "a" * 2000, "INVULLEN", "https://invullen.nl", "  https://x.nl  ",
    "https://x\ufeffy.nl", "https://x\u200by.nl", "https://x.n\u0336l",
]
EMAILS = ["mensenhandel@zeedorp.nl", "a@b.nl", "a@b", "@b.nl", "a@@b.nl", "a b@c.nl",
          "a.b+c%d@e-f.g.nl", "a@b.n", "a@b.nl\n", "a@ｂ.nl", "ä@b.nl", "a@b.nl.", "a@-.nl",
          "x" * 250 + "@b.nl", "invullen@x.nl", " a@b.nl ", "a@b.c0m", "a@b..nl", ""]
IDS = ["veilig-thuis", "a", "a-b-c", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "1", " a ",
       "a\n", "\u0430", "fatima-el-amrani", "", "a.b", "a/b", "a\u200bb", "x" * 200]
DATES = ["2026-10-18", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "2026-13-01",
         "2026-00-10", "2026-01-32", "0000-01-01", "0001-01-01", "9999-12-31", "2026-1-1",
         "26-10-18", "2026/10/18", "２０２６-１０-１８", "2026-10-18\n", " 2026-10-18",
         "2026-10-18T00:00", "18-10-2026", "", "2026-04-31", "2026-06-30"]
TEXTS = ["Politie", "", "   ", "INVULLEN", "Bel invullen", "a" * 300, "a" * 301, "a  b\tc",
         "ß" * 150 + "INVULLEN", "\x1b[31mrood", "regel\nregel", "\u200b", "a\u2028b",
         "é" * 301, "😀" * 300, "😀" * 301, "\ufeff", " x "]
MARKDOWNS = ["Gewoon *tekst*.", "", "   ", "- a\n  - b", "- " * 9 + "diep", "- " * 8 + "net",
             "> " * 9 + "citaat", "1. " * 9 + "x", "١. " * 9 + "x", "    " * 9 + "x",
             "[x](https://www.politie.nl)", "[x](http://www.politie.nl)",
             "[x](https://аpple.com)", "zie https://xn--pple-43d.com.", "[a]: https://a@b.nl",
             "  [a]: <https://\\\\b.nl>", "[" * 301, "[" * 300, "ftp://x.nl/a,b", "INVULLEN",
             "x\r[a]: https://a@b.nl", "x\n[a]: https://a@b.nl", "HTTPS://A@B.NL",
             "a\n" * 5 + "- " * 9 + "x",
             "x\n[a]: //evil.example", "x\r[a]: //evil.example", "[a]: //e.x",
             "x\u2028[a]: //e.x",
             "[x](//evil.example)", "[x](  <//evil.example>)", "[a]:\n//e.x",
             "\n  [b]: \\\\e.x", "x" * 10001, "[x](<https://x.nl>)", "[x]( https://x.nl )"]


def _cases() -> list[tuple[str, str]]:
    cases = _data_values()
    cases += [("telefoon", n) for n in _phone_numbers()]
    cases += [("url", u) for u in URLS]
    cases += [("email", e) for e in EMAILS]
    cases += [("id", i) for i in IDS]
    cases += [("datum", d) for d in DATES]
    cases += [(kind, t) for kind in ("tekst", "lange-tekst") for t in TEXTS]
    cases += [("markdown", m) for m in MARKDOWNS]
    return sorted(set(cases))


def test_the_browser_judges_every_value_as_check_does() -> None:
    cases = _cases()
    assert {kind for kind, _ in cases} == CHECKED
    expected = [python_verdict(kind, value) for kind, value in cases]
    actual = js_verdicts(cases)
    wrong = [(kind, value, want, got) for (kind, value), want, got
             in zip(cases, expected, actual, strict=True) if want != got]
    assert not wrong, "\n".join(f"{k} {v!r}:\n  check: {w}\n  form:  {g}"
                                for k, v, w, g in wrong[:15]) + f"\n({len(wrong)} in all)"
    refused = sum(v is not None for v in expected)
    assert len(cases) > 3000 and 500 < refused < len(cases) - 500, (len(cases), refused)


def test_every_checked_kind_of_the_contract_has_a_rule_in_the_browser() -> None:
    program = ("const t = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
               "process.stdout.write(JSON.stringify(require(process.argv[1])(t).kinds));")
    result = subprocess.run(["node", "-e", program, str(RULES)],
                            input=beheer_regels.table().decode(), capture_output=True,
                            text=True, check=True)
    kinds = {name for name, _ in beheer_regels.kinds()}
    assert set(json.loads(result.stdout)) == CHECKED == kinds - {"getal", "vlag"}


def test_a_future_check_date_is_refused_as_check_refuses_it(tmp_path: Path) -> None:
    """The rule that lives outside the models (resolve: ``gecontroleerd`` not in the
    future), against a real ``meldwijzer check`` run on a project with such dates (on
    public contacts: the public check looks at those; the form refuses a future date on
    every contact, as the internal build does)."""
    today = dt.date.today()
    dates = [today - dt.timedelta(days=1), today, today + dt.timedelta(days=1),
             today + dt.timedelta(days=400)]
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    regio = project / "routekaarten" / "regio.yml"
    replacements = iter(d.isoformat() for d in dates)
    public = regio.read_text("utf-8").replace("    zichtbaarheid: intern\n", "")
    text, count = re.subn(r"(?<=gecontroleerd: )\S+", lambda m: next(replacements, m.group()),
                          public)
    assert count >= len(dates)
    regio.write_text(text, "utf-8")
    result = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(project),
                             "check"], capture_output=True, text=True, check=False)
    messages = {}
    for line in result.stderr.splitlines():
        if ".gecontroleerd: " in line:
            message = line.split(".gecontroleerd: ", 1)[1]
            messages[message.split(" ")[0]] = message
    values = [d.isoformat() for d in dates]
    verdicts = js_verdicts([("datum", v) for v in values],
                           {"vandaag": today.isoformat(), "nietInDeToekomst": True})
    assert sum(v is not None for v in verdicts) == 2, verdicts
    for value, verdict in zip(values, verdicts, strict=True):
        assert verdict == messages.get(value), (value, result.stderr)


def test_the_shipped_table_is_up_to_date() -> None:
    """Run ``python -m meldwijzer.beheer_regels`` after an update of phonenumbers or Python."""
    shipped = json.loads((ROOT / "src/meldwijzer/data" / beheer_regels.FILE).read_bytes())
    if shipped["versies"]["unicode"] != beheer_regels.versions()["unicode"]:
        pytest.fail(f"The shipped table is for Unicode {shipped['versies']['unicode']}, this "
                    f"Python has {beheer_regels.versions()['unicode']}: regenerate it.")
    assert beheer_regels.encode(shipped) == beheer_regels.encode(beheer_regels.compute())
