"""Fuzz one format with Atheris (libFuzzer for Python): ``python fuzz/run.py NAME SECONDS``.

The corpus lives in build/fuzz/NAME (seeded from the examples on the first run, kept between
runs so ``make fuzz`` goes deeper each time); findings are written as build/fuzz/NAME/crash-*
and end the run with a non-zero exit. See fuzz/targets.py for what counts as a finding.
"""
from __future__ import annotations

import os
import pathlib
import shutil
import sys
import tempfile

import atheris

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from targets import ROOT, TARGETS  # noqa: E402

with atheris.instrument_imports(include=["koers"]):
    import koers  # noqa: E402
    import koers.ahp  # noqa: E402,F401
    import koers.grl  # noqa: E402,F401
    import koers.selection  # noqa: E402,F401


def main() -> None:
    name, seconds = sys.argv[1], int(sys.argv[2])
    filename, seeds, target, prepare = TARGETS[name]
    work = ROOT / "build" / "fuzz" / name
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        if not (corpus / s.name).exists():
            shutil.copyfile(s, corpus / s.name)
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    folder = pathlib.Path(tempfile.mkdtemp(prefix=f"koers-fuzz-{name}-", dir=shm))
    if prepare:
        prepare(folder)
    path = str(folder / filename)

    def one(data: bytes) -> None:
        with open(path, "wb") as f:
            f.write(data)
        try:
            target(koers, path)
        except koers.KoersError as e:
            if not isinstance(e.code, int) or int(e.code) <= 0:  # every refusal carries its code
                raise AssertionError(f"koers error without a code: {e!r}") from None

    # -timeout: one input may take at most 20 s; -rss_limit_mb: memory bound (the 2 GB)
    args = [sys.argv[0], str(corpus), f"-max_total_time={seconds}", "-timeout=20", "-rss_limit_mb=2048",
            f"-artifact_prefix={work}/crash-", "-max_len=262144", "-print_final_stats=1"]
    try:
        atheris.Setup(args, one)
        atheris.Fuzz()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
