"""Write the ILLUSTRATIVE staff rosters of the embedded examples (issue 8 §2), deterministically.

Neither seed publishes a staff list. These rosters are made up, with the figures the seeds and the
example models do give:

- deventer-2014/roster.csv: 1,150 people (the model's target group "Iedereen"), 95 of them
  managers ("Leidinggevende"), and the other target groups of the model with their sizes
  (klantcontact 320, adviseurs 180, interne trainers 25, schrijvers 400, agressie 140,
  zonder basis-ICT 90, boventallig 35, zaaksysteem 450); teams, hours and dates are invented.
- west-betuwe-2022/roster.csv: 26 teams each with a teamleider (four of whom started in
  August-September 2022, seeds/004 "In de periode augustus-september zijn vier nieuwe teamleiders
  gestart", after four left), 15 Lean Green Belts in 15 different teams ("Inmiddels zijn er 15
  collega's opgeleid op het niveau van lean Green Belt"), a management team of 4 and 3 programme
  managers; about 480 people in all (invented).

Run:  python tools/make_rosters.py   (rewrites both files; the same bytes every time)
"""
from __future__ import annotations

import csv
import datetime as dt
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "python" / "koers" / "examples" / "data"
HEADER = ["employee_id", "team", "role", "hours_per_week", "start_date", "end_date", "target_groups", "source"]
NOTE = "illustrative"

EMPLOYEE_HOURS = [("36", 45), ("32", 25), ("28", 10), ("24", 12), ("18", 5), ("16", 3)]
MANAGER_HOURS = [("36", 80), ("32", 20)]


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.randrange(total)
    for v, w in weighted:
        if x < w:
            return v
        x -= w
    raise AssertionError


def day(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def write(path: pathlib.Path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r["id"], r["team"], r["role"], r["hours"], r["start"].isoformat(),
                        r["end"].isoformat() if r.get("end") else "", ";".join(r["groups"]), NOTE])


def deventer():
    rng = random.Random(2014)
    teams = ["Burgerzaken", "Belastingen", "Financien", "Juridische Zaken", "Informatievoorziening", "Facilitaire Zaken",
             "Personeel en Organisatie", "Communicatie", "Wijkzaken", "Werk en Inkomen", "Zorg", "Jeugd en Onderwijs",
             "Ruimtelijke Ontwikkeling", "Vergunningen", "Handhaving", "Openbare Ruimte", "Stadsbeheer", "Economie",
             "Cultuur", "Sport", "Bestuurszaken", "Klantcontactcentrum", "Archief", "Inkoop"]
    n, managers = 1150, 95
    rows = []
    for i in range(n):
        team = teams[i % len(teams)]
        role = "manager" if i < managers else "employee"  # teams cycle, so 3 or 4 managers a team
        rows.append({"id": 1001 + i, "team": team, "role": role, "groups": ["tg.iedereen"]})
    for r in rows:
        r["hours"] = pick(rng, MANAGER_HOURS if r["role"] == "manager" else EMPLOYEE_HOURS)
        u = rng.random()
        if u < 0.05:      # started during 2014
            r["start"] = day(rng, dt.date(2014, 1, 2), dt.date(2014, 11, 30))
        else:
            r["start"] = day(rng, dt.date(1980, 1, 1), dt.date(2013, 12, 31))
        if rng.random() < 0.04:  # leaves during 2014
            r["end"] = day(rng, max(r["start"], dt.date(2014, 1, 31)), dt.date(2014, 12, 31))
        if r["role"] == "manager":
            r["groups"].append("tg.leidinggevende")
    staff = [r for r in rows if r["role"] == "employee"]
    sizes = [("tg.klantcontact", 320), ("tg.adviseurs", 180), ("tg.interne_trainers", 25), ("tg.schrijvers", 400),
             ("tg.agressie", 140), ("tg.zonder_basis_ict", 90), ("tg.boventallig", 35), ("tg.zaaksysteem", 450)]
    for g, size in sizes:
        pool = staff
        if g == "tg.agressie":  # mostly people with client contact
            contact = [r for r in staff if "tg.klantcontact" in r["groups"]]
            pool = contact + [r for r in staff if r not in contact]
            chosen = pool[:110] + rng.sample(pool[110:], size - 110)
        else:
            chosen = rng.sample(pool, size)
        for r in chosen:
            r["groups"].append(g)
    write(DATA / "deventer-2014" / "roster.csv", rows)


def west_betuwe():
    rng = random.Random(2022)
    teams = ["Publiekszaken", "Belastingen", "Financien", "Informatievoorziening", "Facilitair", "HRM",
             "Communicatie", "Sociaal Domein Toegang", "Werk en Inkomen", "Jeugd", "Wmo", "Ruimtelijke Ordening",
             "Vergunningen", "Toezicht en Handhaving", "Openbare Ruimte", "Buitendienst Oost", "Buitendienst West",
             "Economie en Recreatie", "Vastgoed", "Bestuursondersteuning", "Klant Contact Centrum",
             "Documentaire Informatievoorziening", "Inkoop en Contractmanagement", "Juridische Zaken",
             "Strategie en Beleid", "Projecten en Programma's"]
    sizes = [rng.randrange(12, 26) for _ in teams]
    rows, next_id = [], 1
    new_leaders = {3: dt.date(2022, 8, 15), 9: dt.date(2022, 9, 1), 14: dt.date(2022, 9, 1), 21: dt.date(2022, 9, 12)}
    for t, (team, size) in enumerate(zip(teams, sizes, strict=True)):
        if t in new_leaders:  # the previous teamleider left before the new one started
            rows.append({"id": next_id, "team": team, "role": "manager", "hours": "36",
                         "start": day(rng, dt.date(2008, 1, 1), dt.date(2018, 12, 31)),
                         "end": new_leaders[t] - dt.timedelta(days=rng.choice([16, 32, 46])),
                         "groups": ["tg.medewerkers", "tg.teamleiders"]})
            next_id += 1
            rows.append({"id": next_id, "team": team, "role": "manager", "hours": "36", "start": new_leaders[t],
                         "groups": ["tg.medewerkers", "tg.teamleiders"]})
        else:
            rows.append({"id": next_id, "team": team, "role": "manager", "hours": pick(rng, MANAGER_HOURS),
                         "start": day(rng, dt.date(2005, 1, 1), dt.date(2021, 6, 30)),
                         "groups": ["tg.medewerkers", "tg.teamleiders"]})
        next_id += 1
        for _ in range(size - 1):
            start = day(rng, dt.date(2022, 1, 3), dt.date(2022, 11, 30)) if rng.random() < 0.06 else \
                day(rng, dt.date(1990, 1, 1), dt.date(2021, 12, 31))
            r = {"id": next_id, "team": team, "role": "employee", "hours": pick(rng, EMPLOYEE_HOURS), "start": start,
                 "groups": ["tg.medewerkers"]}
            if rng.random() < 0.05:
                r["end"] = day(rng, max(start, dt.date(2022, 1, 31)), dt.date(2022, 12, 31))
            rows.append(r)
            next_id += 1
    # 15 Green Belts, each in another team, still employed all year, 32 or 36 h
    candidates = {}
    for r in rows:
        if r["role"] == "employee" and not r.get("end") and r["start"] < dt.date(2021, 8, 1) and r["hours"] in ("32", "36"):
            candidates.setdefault(r["team"], []).append(r)
    for team in rng.sample(sorted(candidates), 15):
        rng.choice(candidates[team])["groups"].append("tg.green-belts")
    # management team (4, managers) and programme managers (3)
    for _ in range(4):
        rows.append({"id": next_id, "team": "Directie", "role": "manager", "hours": "36",
                     "start": day(rng, dt.date(2019, 1, 1), dt.date(2020, 12, 31)),
                     "groups": ["tg.medewerkers", "tg.managementteam"]})
        next_id += 1
    for _ in range(3):
        rows.append({"id": next_id, "team": "Programmabureau", "role": "employee", "hours": "36",
                     "start": day(rng, dt.date(2019, 1, 1), dt.date(2021, 6, 30)),
                     "groups": ["tg.medewerkers", "tg.programmamanagers"]})
        next_id += 1
    write(DATA / "west-betuwe-2022" / "roster.csv", rows)


def west_betuwe_leave():
    """west-betuwe-2022/leave.csv: ILLUSTRATIVE leave of the 15 Green Belts (ids GB01..GB15 of
    selection.json) over the project, August 2021 - July 2023: three weeks in summer, a week at
    Christmas and a few single days, each invented."""
    rng = random.Random(15)
    rows = []
    for k in range(1, 16):
        gb = f"GB{k:02d}"
        for year in (2021, 2022, 2023):
            if year in (2022, 2023):  # summer: 3 weeks from a Monday in July
                monday = dt.date(year, 7, 4) + dt.timedelta(weeks=rng.randrange(4))
                rows.append((gb, monday, monday + dt.timedelta(days=18), "zomervakantie"))
            if year in (2021, 2022):  # Christmas week
                rows.append((gb, dt.date(year, 12, 27), dt.date(year, 12, 31), "kerstvakantie"))
        for _ in range(rng.randrange(2, 5)):
            d = day(rng, dt.date(2021, 8, 2), dt.date(2023, 7, 28))
            if d.weekday() < 5:
                rows.append((gb, d, d, "snipperdag"))
    rows.sort(key=lambda r: (r[0], r[1]))
    path = DATA / "west-betuwe-2022" / "leave.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["employee_id", "start_date", "end_date", "reason", "source"])
        for gb, a, b, why in rows:
            w.writerow([gb, a.isoformat(), b.isoformat(), why, NOTE])


if __name__ == "__main__":
    deventer()
    west_betuwe()
    west_betuwe_leave()
