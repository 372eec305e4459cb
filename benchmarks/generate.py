"""Write a national-scale synthetic data directory in the real Jobindsats shapes.

98 municipalities, Hele landet and the RAR areas, monthly periods (2007-2026 by
default), the twelve A02 tables with their dimensions, the own-data files the
bundled Frederiksberg plan reads, and clusters of comparable municipalities for
every benefit group. Every figure is random (seeded): the data is for measuring
speed and memory, not for reading.

    python benchmarks/generate.py OUT [--first-year 2007] [--last-year 2026] [--municipalities 98]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MUNICIPALITIES = """Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal
Esbjerg Fanø Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø
Faaborg-Midtfyn Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted
Helsingør Herlev Herning Hillerød Hjørring Holbæk Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm
Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding København Køge Langeland Lejre Lemvig
Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved Odder
Odense Odsherred Randers Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg
Skanderborg Skive Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder
Tårnby Vallensbæk Varde Vejen Vejle Vesthimmerlands Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus""".split()
RAR = [
    "RAR Hovedstaden",
    "RAR Sjælland",
    "RAR Fyn",
    "RAR Sydjylland",
    "RAR Østjylland",
    "RAR Vestjylland",
    "RAR Nordjylland",
    "RAR Bornholm",
]
KON = ["Køn i alt", "Kvinder", "Mænd"]
HERKOMST = ["Herkomst i alt", "Personer med dansk oprindelse", "Indvandrere"]
ALDER = ["Alder i alt", "16-29 år", "30-66 år"]
A02 = [
    "Antal personer",
    "Antal fuldtidspersoner",
    "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år",
    "Fuldtidspersoner i pct. af befolkningen 16-66 år",
]
TABLES: dict[str, dict[str, list[str]]] = {
    "Y01A02": {"Køn": KON, "Alder": ALDER, "Herkomst": HERKOMST},
    "Y60A02": {
        "Køn": KON,
        "Herkomst": HERKOMST,
        "Visitationskategori": ["Visitationskategori i alt", "Jobparat", "Aktivitetsparat"],
    },
    "Y38A02": {
        "Køn": KON,
        "Herkomst": HERKOMST,
        "Visitationskategori": ["Visitationskategori i alt", "Uddannelsesparat", "Aktivitetsparat"],
    },
    "Y35A02": {"Køn": KON, "Herkomst": HERKOMST},
    "Y07A02": {
        "Køn": KON,
        "Herkomst": HERKOMST,
        "Status før sygedagpenge": ["Status før sygedagpenge i alt", "Beskæftiget", "Ledig"],
    },
    "Y12A02": {"Køn": KON, "Herkomst": HERKOMST},
    "Y11A02": {"Køn": KON, "Herkomst": HERKOMST},
    "Y09A02": {"Køn": KON, "Herkomst": HERKOMST},
    "Y08A02": {
        "Køn": KON,
        "Herkomst": HERKOMST,
        "Fleksjobtype": ["Fleksjobtype i alt", "Nye regler", "Gamle regler"],
    },
    "Y04A02": {"Køn": KON, "Herkomst": HERKOMST},
    "Y10A02": {"Køn": KON, "Herkomst": HERKOMST},
    "PTV_A02": {
        "Ydelsesgrupper": [
            "Ydelsesgrupper i alt",
            "A-dagpenge",
            "Kontanthjælp",
            "Sygedagpenge",
            "Førtidspension",
        ],
        "Køn": KON,
    },
}
OWN = {
    "langtidsledighed": "Andel på sidste refusionstrin (pct.)",
    "integrationsydelse_udenfor": "Fuldtidspersoner udenfor integrationsprogram i pct. af arbejdsstyrken",
    "fleksjobledighed": "Fleksjobledighed (pct.)",
}


def _combos(dims: dict[str, list[str]]) -> list[list[str]]:
    combos: list[list[str]] = [[]]
    for values in dims.values():
        combos = [[*c, v] for c in combos for v in values]
    return combos


def _number(rng: random.Random) -> str:
    value = rng.randrange(0, 200)
    return ".." if value == 0 else f"{value // 10},{value % 10}"


def generate(
    out: Path, first_year: int = 2007, last_year: int = 2026, municipalities: int = 98
) -> int:
    """Write the directory; returns the number of data rows written."""
    rng = random.Random(2026)
    names = sorted(set(MUNICIPALITIES[:municipalities]) | {"Frederiksberg"})
    areas = [*names, "Hele landet", *RAR]
    months = [f"{y}M{m:02d}" for y in range(first_year, last_year + 1) for m in range(1, 13)]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rows = 0
    for table, dims in TABLES.items():
        combos = [";".join(c) for c in _combos(dims)]
        with (out / f"{table}.csv").open("w", encoding="utf-8") as handle:
            handle.write("\ufeff" + ";".join(["Area", "Periode", *dims, *A02]) + "\n")
            for month in months:
                for area in areas:
                    for combo in combos:
                        handle.write(
                            f"{area};{month};{combo};{rng.randrange(0, 99999)};{rng.randrange(0, 99999)};"
                            f"{_number(rng)};{_number(rng)}\n"
                        )
                        rows += 1
    for table, column in OWN.items():
        with (out / f"{table}.csv").open("w", encoding="utf-8") as handle:
            handle.write(f"Område;Periode;{column}\n")
            for month in months:
                for area in [*names, "Hele landet"]:
                    handle.write(f"{area};{month};{_number(rng)}\n")
                    rows += 1
    with (out / "flygtninge_beskaeftigelse.csv").open("w", encoding="utf-8") as handle:
        handle.write("Område;Periode;Andel i beskæftigelse tre år efter ankomståret (pct.)\n")
        for year in range(first_year, last_year + 1):
            for area in [*names, "Hele landet"]:
                handle.write(
                    f"{area};{year};{rng.randrange(200, 700) / 10:.1f}".replace(".", ",") + "\n"
                )
                rows += 1
    shutil.copy(ROOT / "data" / "measures.yaml", out / "measures.yaml")
    _clusters(out, names, rng)
    return rows


def _clusters(out: Path, names: list[str], rng: random.Random) -> None:
    """Clusters of six per benefit group; the one holding Frederiksberg keeps the bundled name."""
    groups = {
        "frederiksberg-alle-ydelser": "Alle ydelser",
        "frederiksberg-kontanthjaelp": "Kontanthjælp",
        "frederiksberg-a-dagpenge": "A-dagpenge",
        "frederiksberg-sygedagpenge": "Sygedagpenge",
        "frederiksberg-saerlige-vilkaar": "Fleksjob, ressourceforløb og revalidering",
        "frederiksberg-integration": "Integration",
    }
    lines = ["clusters:"]
    for own_name, benefit in groups.items():
        others = [n for n in names if n != "Frederiksberg"]
        rng.shuffle(others)
        members = ["Frederiksberg", *others]
        for index in range(0, len(members), 6):
            chunk = members[index : index + 6]
            if len(chunk) < 2:
                continue
            name = (
                own_name
                if index == 0
                else f"{own_name.removeprefix('frederiksberg-')}-{index // 6:02d}"
            )
            lines += [
                f"  - name: {name}",
                f"    benefit: {benefit}",
                "    valid_from: 2000-01-01",
                f"    members: [{', '.join(chunk)}]",
            ]
    (out / "clusters.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--first-year", type=int, default=2007)
    parser.add_argument("--last-year", type=int, default=2026)
    parser.add_argument("--municipalities", type=int, default=98)
    args = parser.parse_args()
    rows = generate(args.out, args.first_year, args.last_year, args.municipalities)
    size = sum(p.stat().st_size for p in args.out.glob("*.csv"))
    print(f"{rows:,} rows, {size / 1e6:.0f} MB in {args.out}")


if __name__ == "__main__":
    main()
