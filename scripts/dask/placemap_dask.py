#!/usr/bin/env python3
"""placemap on Dask: `placemap analyze` over the partitions of a dask.bag of JSON Lines, `placemap layers`
over the collected records (records in any order give the same layers).

Usage: placemap_dask.py --placemap BIN --input CORPUS.jsonl --output MAP [--blocksize 1MB] [--workers 2]
       [--scheduler threads|processes|ADDRESS] [-- LAYERS OPTIONS]
A scheduler address (tcp://host:8786) runs it on a dask.distributed cluster whose workers have BIN.
"""

import argparse
import os
import subprocess
import sys
import tempfile


def analyze_partition(binary):
    def run(lines):
        text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        out = subprocess.run([binary, "analyze", "--input-format", "jsonl", "-j", "1", "-"],
                             input=text.encode("utf-8"), capture_output=True, check=True)
        return out.stdout.decode("utf-8").splitlines(keepends=True)
    return run


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--placemap", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--blocksize", default="1MB", help="bytes of the corpus per partition")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--scheduler", default="threads")
    p.add_argument("layers_args", nargs="*")
    a = p.parse_args(argv)
    import dask.bag as db

    bag = db.read_text(a.input, blocksize=a.blocksize).map_partitions(analyze_partition(a.placemap))
    if "://" in a.scheduler:
        from dask.distributed import Client
        with Client(a.scheduler):
            records = bag.compute()
    else:
        # The work is in the placemap processes, so threads are enough to keep every core busy.
        records = bag.compute(scheduler=a.scheduler, num_workers=a.workers)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "records.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(records)
        subprocess.run([a.placemap, "layers", path, "-o", a.output, *a.layers_args], check=True)
    print(f"placemap_dask: {len(records)} records from {bag.npartitions} partitions -> {a.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
