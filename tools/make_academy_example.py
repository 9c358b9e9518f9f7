"""Generate the illustrative academy event logs of examples/data/west-betuwe-2022 (issue 8 §3).

    python tools/make_academy_example.py      # rewrites the three folders, seeded (deterministic)

The West Betuwe report (shared/seeds/004_*.txt) publishes only totals. These logs are made up
(seeded random choices within hand-set constraints) so that koers, computing from the events,
reproduces every published figure:

- academy/ — the Academie, launched 12 April 2022; status on 23-6-2022: 9 kinds of training,
  61 registrations, 6 runs started, 25 participants in them (25/6 = 4,17), 47 runs planned in
  2022, 21 participants cancelled (9 by themselves), 10 runs cancelled. Extraction 2022-09-30.
- leercafe-2022/ — the Leercafé of 10 March 2022: the 15 workshops the report lists (it says
  17), 171 colleagues, average rating 7,7; De Zes Denkhoeden with twenty participants.
- gesprek-workshops-2021/ — the workshops on the development conversation ("het goede
  gesprek"), 6 July – 8 November 2021: 18 workshops, 3 online, almost 150 employees (147).

The script checks every figure with a small independent recount before it writes.
"""
from __future__ import annotations

import csv
import datetime as dt
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[1] / "python" / "koers" / "examples" / "data" / "west-betuwe-2022"
D = dt.date.fromisoformat


def day(s: str) -> dt.date:
    return D(s)


def write(folder: pathlib.Path, name: str, header: list[str], rows: list[list]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else (v.isoformat() if isinstance(v, dt.date) else v) for v in r])


class Log:
    def __init__(self) -> None:
        self.courses: list[list] = []
        self.runs: list[dict] = []
        self.regs: list[dict] = []
        self.cancels: list[dict] = []
        self.evals: list[list] = []

    def run(self, course: int, start: str, cancelled: str | None = None, capacity: int = 12, days: str = "1",
            trainer: str = "", online: bool = False) -> dict:
        r = {"run_id": len(self.runs) + 1, "course_id": course, "start_date": day(start),
             "cancelled_on": day(cancelled) if cancelled else None, "capacity": capacity, "days": days,
             "trainer": trainer, "online": "yes" if online else "no"}
        self.runs.append(r)
        return r

    def reg(self, run: dict, employee: int, on: dt.date) -> dict:
        g = {"registration_id": len(self.regs) + 1, "run": run, "employee_id": employee, "registered_on": on}
        self.regs.append(g)
        return g

    def cancel(self, g: dict, on: dt.date, by: str) -> None:
        assert on >= g["registered_on"]
        if by == "run_cancelled":
            assert g["run"]["cancelled_on"] == on
        g["cancelled_on"], g["by"] = on, by
        self.cancels.append({"registration_id": g["registration_id"], "cancelled_on": on, "by": by})

    # an independent recount of the definitions of issue 8 §3
    def kpis(self, d: dt.date, year: int) -> dict:
        def status(r):
            if r["cancelled_on"] and r["cancelled_on"] <= d:
                return "cancelled"
            return "started" if r["start_date"] <= d else "planned"
        exist = [g for g in self.regs if g["registered_on"] <= d]
        cancelled = [g for g in exist if g.get("cancelled_on") and g["cancelled_on"] <= d]
        live_started = [g for g in exist if g not in cancelled and status(g["run"]) == "started"]
        return {
            "kinds_of_training": len({r["course_id"] for r in self.runs}),
            "registrations_total": len(exist),
            "runs_started": sum(status(r) == "started" for r in self.runs),
            "participants_in_started_runs": len(live_started),
            "runs_planned": sum(r["start_date"].year == year and status(r) != "cancelled" for r in self.runs),
            "participants_cancelled": len(cancelled),
            "participants_cancelled_by_self": sum(g["by"] == "self" for g in cancelled),
            "runs_cancelled": sum(status(r) == "cancelled" for r in self.runs),
            "employees": len({g["employee_id"] for g in live_started}),
            "online_started": sum(status(r) == "started" and r["online"] == "yes" for r in self.runs),
        }

    def save(self, folder: pathlib.Path, extracted: dt.date) -> None:
        def snapshot(r):
            if r["cancelled_on"] and r["cancelled_on"] <= extracted:
                return "geannuleerd"
            return "gestart" if r["start_date"] <= extracted else "open"
        write(folder, "courses.csv", ["course_id", "title", "kind"], self.courses)
        write(folder, "runs.csv", ["run_id", "course_id", "start_date", "planned", "status", "cancelled_on", "capacity",
                                   "days", "trainer", "online"],
              [[r["run_id"], r["course_id"], r["start_date"], "ja", snapshot(r), r["cancelled_on"], r["capacity"],
                r["days"], r["trainer"], r["online"]] for r in self.runs])
        write(folder, "registrations.csv", ["registration_id", "run_id", "employee_id", "registered_on"],
              [[g["registration_id"], g["run"]["run_id"], g["employee_id"], g["registered_on"]] for g in self.regs])
        write(folder, "cancellations.csv", ["registration_id", "cancelled_on", "by"],
              [[c["registration_id"], c["cancelled_on"], c["by"]] for c in
               sorted(self.cancels, key=lambda c: (c["cancelled_on"], c["registration_id"]))])
        if self.evals:
            write(folder, "evaluations.csv", ["registration_id", "trainer", "content", "location"], self.evals)


def between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    """A random day in [a, b]."""
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def score(rng: random.Random, mean: float, sd: float = 1.0) -> int:
    return max(1, min(10, round(rng.gauss(mean, sd))))


# ---- the Academie -------------------------------------------------------------------------------
def academy() -> Log:
    rng = random.Random(20220623)
    L = Log()
    L.courses = [
        [1, "Kracht in verandering", "Persoonlijk leiderschap"],
        [2, "Persoonlijk leiderschap", "Persoonlijk leiderschap"],
        [3, "Presenteren met impact", "Effectief werken"],
        [4, "Timemanagement en omgaan met werkdruk", "Effectief werken"],
        [5, "Omgaan met conflicten", "Effectief werken"],
        [6, "Zakelijke gesprekken voeren", "Effectief werken"],
        [7, "Schrijven college- en raadsvoorstellen", "Effectief werken"],
        [8, "Kennismaking inkoopfunctie", "Algemene kennis"],
        [9, "Omgaan met emotie en agressie", "Effectief werken"],
        [10, "M365: werken met Teams en SharePoint", "Algemene kennis"],  # in preparation: no run yet
    ]
    trainer = {1: "Bureau Kompas", 2: "Bureau Kompas", 3: "Bureau Meander", 4: "Bureau Meander", 5: "Bureau Linge",
               6: "Bureau Linge", 7: "Bureau Meander", 8: "Team Inkoop (intern)", 9: "Bureau Linge"}
    days = {2: "2", 8: "0.5"}
    launch, as_of, extracted = day("2022-04-12"), day("2022-06-23"), day("2022-09-30")
    mk = lambda c, s, x=None, cap=12: L.run(c, s, x, cap, days.get(c, "1"), trainer[c])  # noqa: E731
    # 6 runs started by 23-6 (the first: Kracht in verandering, in Deil)
    started = [mk(1, "2022-04-21"), mk(4, "2022-05-12"), mk(3, "2022-05-19"), mk(5, "2022-06-02"),
               mk(6, "2022-06-09"), mk(2, "2022-06-16", cap=10)]
    # 10 runs cancelled by 23-6 (too few registrations, mostly a week before the start)
    cancelled = [mk(7, "2022-05-10", "2022-05-03"), mk(8, "2022-05-17", "2022-05-10"), mk(9, "2022-05-24", "2022-05-17"),
                 mk(3, "2022-05-31", "2022-05-24"), mk(6, "2022-06-07", "2022-05-31"), mk(7, "2022-06-14", "2022-06-07"),
                 mk(5, "2022-06-21", "2022-06-14"), mk(8, "2022-06-28", "2022-06-21"), mk(9, "2022-07-05", "2022-06-22"),
                 mk(4, "2022-09-13", "2022-06-22")]
    # 41 more runs in 2022 (open for registration on 23-6), three of them cancelled later; 2 in January 2023
    plan = {1: 6, 2: 6, 3: 5, 4: 5, 5: 4, 6: 4, 7: 3, 8: 3, 9: 5}
    later_cancel = {5: "2022-06-28", 17: "2022-08-30", 30: "2022-09-20"}  # index in `planned` → cancelled_on
    starts: list[tuple[int, dt.date]] = []
    for c, n in plan.items():
        for _ in range(n):
            starts.append((c, day("2022-06-28") + dt.timedelta(days=rng.randint(0, 180))))
    starts.sort(key=lambda t: t[1])
    planned = []
    for i, (c, s) in enumerate(starts):
        while s.weekday() >= 5:
            s += dt.timedelta(days=1)
        x = later_cancel.get(i)
        planned.append(mk(c, s.isoformat(), x if x and day(x) < s else None))
    planned += [mk(1, "2023-01-17"), mk(4, "2023-01-24")]
    assert len(planned) == 43

    employees = list(range(1, 521))
    rng.shuffle(employees)
    pool = iter(employees * 3)

    def reg_before(run: dict, last: dt.date) -> dict:
        start = max(launch, run["start_date"] - dt.timedelta(days=60))
        return L.reg(run, next(pool), between(rng, start, min(last, run["start_date"] - dt.timedelta(days=1))))

    # started runs: 25 participants (5, 4, 4, 4, 4, 4), 5 self-cancelled before the start
    for run, n, self_c in zip(started, [5, 4, 4, 4, 4, 4], [1, 1, 0, 1, 1, 1], strict=True):
        for _ in range(n):
            reg_before(run, as_of)
        for _ in range(self_c):
            g = reg_before(run, run["start_date"] - dt.timedelta(days=3))
            L.cancel(g, between(rng, g["registered_on"], run["start_date"] - dt.timedelta(days=1)), "self")
    # cancelled runs: 10 registrations cancelled with the run, 1 cancelled by self before that
    for run, n in zip(cancelled, [1, 1, 2, 1, 1, 0, 2, 1, 1, 0], strict=True):
        for _ in range(n):
            g = reg_before(run, run["cancelled_on"])
            L.cancel(g, run["cancelled_on"], "run_cancelled")
    g = reg_before(cancelled[3], cancelled[3]["cancelled_on"] - dt.timedelta(days=5))
    L.cancel(g, cancelled[3]["cancelled_on"] - dt.timedelta(days=2), "self")
    # runs still open on 23-6: 20 registrations by then, 3 cancelled by self and 2 by the organiser
    open_runs = [r for r in planned if r["start_date"] > as_of][:8]
    early = [reg_before(open_runs[i % 8], as_of) for i in range(20)]
    for g in early[:3]:
        L.cancel(g, between(rng, g["registered_on"], as_of), "self")
    for g in early[3:5]:
        L.cancel(g, between(rng, g["registered_on"], as_of), "organiser")
    # after 23-6, up to the extraction on 30-9: registrations for the runs of the autumn
    for run in planned:
        if run["start_date"] > extracted + dt.timedelta(days=45):
            continue
        have = sum(g["run"] is run for g in L.regs)
        last = min(extracted, run["start_date"] - dt.timedelta(days=1))
        if run["cancelled_on"]:
            last = min(last, run["cancelled_on"])
        if last <= as_of:
            continue
        for _ in range(max(0, rng.randint(2, 8) - have)):
            g = L.reg(run, next(pool), between(rng, as_of + dt.timedelta(days=1), last))
            if rng.random() < 0.12:
                L.cancel(g, between(rng, g["registered_on"], last), "self")
    for run in planned:  # registrations cancelled with their run (after 23-6)
        if run["cancelled_on"]:
            for g in L.regs:
                if g["run"] is run and "by" not in g:
                    assert g["registered_on"] <= run["cancelled_on"]
                    L.cancel(g, run["cancelled_on"], "run_cancelled")
    # evaluations: most participants of the runs held by the extraction; none yet for the
    # two-day Persoonlijk leiderschap of 16 June; the venue of Presenteren met impact scored low
    for g in L.regs:
        run = g["run"]
        if "by" in g or run["start_date"] > extracted or run is started[5] or rng.random() < 0.25:
            continue
        low_venue = run is started[2]
        L.evals.append([g["registration_id"], score(rng, 8.1), score(rng, 7.6),
                        score(rng, 4.8 if low_venue else 7.2, 0.8 if low_venue else 1.0)])
    L.evals.sort()
    k = L.kpis(as_of, 2022)
    assert k["kinds_of_training"] == 9 and k["registrations_total"] == 61 and k["runs_started"] == 6, k
    assert k["participants_in_started_runs"] == 25 and k["runs_planned"] == 47, k
    assert k["participants_cancelled"] == 21 and k["participants_cancelled_by_self"] == 9, k
    assert k["runs_cancelled"] == 10, k
    L.save(ROOT / "academy", extracted)
    return L


# ---- the Leercafé of 10 March 2022 -----------------------------------------------------------------
LEERCAFE = ["Efficiënt en met plezier vergaderen", "Scrummen voor dummies", "De Zes Denkhoeden",
            "Zakelijk creatief denken", "Design Thinking", "Ideation uitdaging (effectiever brainstormen)",
            "Creatief schrijven", "Visueel werken", "Zicht op je kwaliteiten", "Timemanagement", "Mindfulness",
            "Werken met dronebeelden", "Verdieping in je netwerk(en)", "Het grote verspillingenspel (basis lean)",
            "Fotografie klimaatadaptatie"]


def leercafe() -> Log:
    rng = random.Random(20220310)
    L = Log()
    L.courses = [[i + 1, t, "Leercafé-workshop"] for i, t in enumerate(LEERCAFE)]
    # a morning and an afternoon round; each workshop runs once
    runs = [L.run(i + 1, "2022-03-10", capacity=20 if i == 2 else 16, days="0.25",
                  trainer="Werkgroep Leercafé" if i in (0, 8, 13) else f"Workshopgever {i + 1}") for i in range(15)]
    people = rng.sample(range(1, 521), 171)
    sizes = [13, 12, 20, 11, 13, 12, 9, 11, 14, 13, 12, 8, 10, 14, 10]  # participations, 182 in all
    assert sum(sizes) == 182
    # 171 colleagues; 11 of them took a workshop in both rounds (never the same one twice)
    slots = [run for run, n in zip(runs, sizes, strict=True) for _ in range(n)]
    rng.shuffle(slots)
    placed = list(zip(slots[:171], people, strict=True))
    doubles = rng.sample(people, 11)
    for run in slots[171:]:
        e = next(p for p in doubles if (run, p) not in [(r, q) for r, q in placed])
        doubles.remove(e)
        placed.append((run, e))
    for run, e in placed:
        L.reg(run, e, between(rng, day("2022-02-07"), day("2022-03-08")))
    # 9 cancelled by themselves before the day (their places went to others)
    for run in rng.sample(runs, 9):
        g = L.reg(run, rng.choice([p for p in range(1, 521) if p not in people]), between(rng, day("2022-02-07"), day("2022-03-01")))
        L.cancel(g, between(rng, g["registered_on"], day("2022-03-09")), "self")
    # evaluations: 128 of the 182 forms returned; the overall mean must read 7,7
    forms = [g for g in L.regs if "by" not in g]
    rng.shuffle(forms)
    for g in forms[:128]:
        L.evals.append([g["registration_id"], score(rng, 8.1), score(rng, 7.7), score(rng, 7.3)])
    L.evals.sort()
    total = sum(sum(e[1:]) for e in L.evals)
    mean = total / (3 * len(L.evals))
    assert 7.65 <= mean < 7.75, mean
    k = L.kpis(day("2022-03-10"), 2022)
    assert k["runs_started"] == 15 and k["employees"] == 171 and k["participants_in_started_runs"] == 182, k
    L.save(ROOT / "leercafe-2022", day("2022-03-31"))
    return L


# ---- workshops on the development conversation, July - November 2021 ---------------------------------
def gesprek_workshops() -> Log:
    rng = random.Random(20211108)
    L = Log()
    L.courses = [[1, "Het goede gesprek: het ontwikkelgesprek voeren (medewerkers)", "Workshop ontwikkelgesprek"],
                 [2, "Het goede gesprek: het ontwikkelgesprek voeren (leidinggevenden)", "Workshop ontwikkelgesprek"]]
    dates = ["2021-07-06", "2021-07-08", "2021-07-13", "2021-07-15", "2021-08-31", "2021-09-02", "2021-09-07",
             "2021-09-14", "2021-09-21", "2021-09-28", "2021-10-05", "2021-10-07", "2021-10-12", "2021-10-19",
             "2021-10-26", "2021-11-02", "2021-11-04", "2021-11-08"]
    online = {"2021-09-14", "2021-10-12", "2021-11-04"}
    leaders = {"2021-07-08", "2021-09-07", "2021-10-07"}
    runs = [L.run(2 if s in leaders else 1, s, capacity=10, days="0.5", trainer="HR-adviseurs", online=s in online)
            for s in dates]
    # one workshop was planned and cancelled (the summer): not one of the 18
    spare = L.run(1, "2021-08-24", "2021-08-10", capacity=10, days="0.5", trainer="HR-adviseurs")
    people = rng.sample(range(1, 521), 147)
    sizes = [9, 7, 8, 8, 9, 8, 7, 9, 8, 8, 9, 7, 8, 9, 8, 9, 8, 8]
    assert sum(sizes) == 147
    it = iter(people)
    for run, n in zip(runs, sizes, strict=True):
        for _ in range(n):
            L.reg(run, next(it), between(rng, run["start_date"] - dt.timedelta(days=35), run["start_date"] - dt.timedelta(days=2)))
    for e in rng.sample(people, 3):
        g = L.reg(spare, e, between(rng, day("2021-07-01"), day("2021-08-09")))
        L.cancel(g, spare["cancelled_on"], "run_cancelled")
    for run in rng.sample(runs, 6):  # cancelled by themselves (illness, work)
        g = L.reg(run, rng.choice([p for p in range(1, 521) if p not in people]),
                  between(rng, run["start_date"] - dt.timedelta(days=30), run["start_date"] - dt.timedelta(days=8)))
        L.cancel(g, between(rng, g["registered_on"], run["start_date"] - dt.timedelta(days=1)), "self")
    k = L.kpis(day("2021-11-08"), 2021)
    assert k["runs_started"] == 18 and k["online_started"] == 3 and k["employees"] == 147, k
    L.save(ROOT / "gesprek-workshops-2021", day("2021-12-31"))
    return L


if __name__ == "__main__":
    for f in (academy, leercafe, gesprek_workshops):
        log = f()
        print(f.__name__, len(log.courses), "courses,", len(log.runs), "runs,", len(log.regs), "registrations,",
              len(log.cancels), "cancellations,", len(log.evals), "evaluations")
