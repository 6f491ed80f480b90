"""One sha256 per output table, to show that a change leaves the tables byte-identical.

Builds the real sample (``data/raw``) and a synthetic demo corpus (``ccasx demo``) into a
temporary folder, each with its own empty cache (so nothing is reused from an earlier
parse), and prints ``<corpus> <table> <sha256>`` for every file the build wrote.  Run it
before and after a change and compare the two outputs:

    PYTHONPATH=$PWD python scripts/tables_digest.py [--backend pdfplumber|pdfium] [--issues 6]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ccasx(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "ccasx_analytics", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def _digests(folder: Path) -> list[tuple[str, str]]:
    return [(p.relative_to(folder).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", default="pdfplumber", choices=["pdfplumber", "pdfium"])
    ap.add_argument("--issues", type=int, default=6, help="demo issues to write and build")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ccasx-digest-") as tmp:
        tmp_dir = Path(tmp)
        env = dict(os.environ, CCASX_PDF_BACKEND=args.backend,
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        demo_dir = tmp_dir / "demo"
        _ccasx(["demo", "--out", str(demo_dir), "--issues", str(args.issues), "--seed", str(args.seed)],
               env)
        corpora = {"sample": [ROOT / "data" / "raw"], "demo": [demo_dir]}
        for name, raw_dirs in corpora.items():
            out = tmp_dir / f"{name}-tables"
            run_env = dict(env, CCASX_CACHE_DIR=str(tmp_dir / f"{name}-cache"))
            _ccasx(["build", *map(str, raw_dirs), "--out", str(out), "--quiet", "--force",
                    "--workers", str(args.workers)], run_env)
            for rel, digest in _digests(out):
                print(f"{name:<7} {rel:<28} {digest}")
        for rel, digest in _digests(demo_dir):
            print(f"{'demo-in':<7} {rel:<28} {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
