#!/usr/bin/env python3
"""placemap on Apache Spark: `placemap analyze` on the executors, `placemap layers` on the driver.

The per-article step is stateless, so Spark pipes each partition of a JSON Lines corpus through the
`placemap analyze` binary; the records come back to the driver, which runs `placemap layers` over them
(records in any order give the same layers). Two ways, the same records:

  rdd   sc.textFile(corpus, N).pipe("placemap analyze --input-format jsonl -j 1 -")
  df    spark.read.text(corpus).repartition(N).mapInPandas(<pipe each batch through placemap analyze>)

With --partial, every partition's records are first reduced to a partial aggregate on the executors
(`placemap layers --partial`) and the driver merges the partials.

Usage (local mode; on a cluster see README "Scaling out"):
  spark-submit scripts/spark/placemap_spark.py --placemap target/release/placemap \
      --input reports.jsonl --partitions 4 --mode rdd --output out/map.geojson [-- LAYERS OPTIONS]
  python3 scripts/spark/placemap_spark.py ... (with pyspark installed; --master local[2] by default)

Articles need an "id" (or the record name is the article's line in its partition, which depends on the
split). Everything after `--` goes to `placemap layers` (--links, --split, --from, ...).
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--placemap", required=True, help="the placemap binary on the driver")
    p.add_argument("--executor-placemap",
                   help="the binary on the executors (default: the one shipped with spark-submit --files, else --placemap)")
    p.add_argument("--input", required=True, help="JSON Lines corpus (any path Spark reads: file, dir, hdfs://, s3a://)")
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--mode", choices=["rdd", "df"], default="rdd")
    p.add_argument("--partial", action="store_true", help="reduce each partition to a partial aggregate first")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[2])")
    p.add_argument("--output", required=True, help="the map file `placemap layers -o` writes (on the driver)")
    p.add_argument("--records", help="also keep the collected records (or partials) in this file")
    p.add_argument("layers_args", nargs="*", help="options for placemap layers (after --)")
    return p.parse_args(argv)


def executor_binary(args):
    """The binary on an executor: --executor-placemap, else the file shipped with --files (SparkFiles,
    resolved on the executor), else --placemap."""
    if args.executor_placemap:
        return args.executor_placemap
    from pyspark import SparkFiles
    shipped = SparkFiles.get(os.path.basename(args.placemap))
    return shipped if os.path.exists(shipped) else args.placemap


def analyze_command(binary, partial):
    cmd = f"{binary} analyze --input-format jsonl -j 1 -"
    # A partition's partial aggregate: analyze piped into layers --partial, in one shell pipeline.
    return f"{cmd} | {binary} layers -j 1 --partial -" if partial else cmd


def run_rdd(spark, args):
    sc = spark.sparkContext
    lines = sc.textFile(args.input, args.partitions).repartition(args.partitions)
    # pipe() feeds each partition's lines to the command's stdin and yields its stdout lines.
    binary = args.executor_placemap or args.placemap
    cmd = shlex.join(["/bin/sh", "-c", analyze_command(shlex.quote(binary), args.partial)])
    return lines.pipe(cmd, env={"LC_ALL": "C.UTF-8"}).collect()


def run_df(spark, args):
    import pandas as pd

    partial = args.partial
    df = spark.read.text(args.input).repartition(args.partitions)

    def analyze_batches(batches):
        # One placemap process per partition, fed every Arrow batch of it.
        batches = list(batches)
        text = "".join(line + "\n" for b in batches for line in b["value"])
        out = subprocess.run(["/bin/sh", "-c", analyze_command(shlex.quote(executor_binary(args)), partial)],
                             input=text.encode("utf-8"), capture_output=True, check=True)
        yield pd.DataFrame({"record": out.stdout.decode("utf-8").splitlines()})

    rows = df.mapInPandas(analyze_batches, schema="record string").collect()
    return [r.record for r in rows]


def main(argv):
    args = parse_args(argv)
    # Local workers run this Python (with pandas and pyarrow), not whatever python3 is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from pyspark import SparkConf

    builder = SparkSession.builder.appName("placemap")
    # spark-submit's --master wins; run with plain python, local mode on two cores.
    if args.master or not SparkConf().contains("spark.master"):
        builder = builder.master(args.master or "local[2]")
    spark = builder.config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        records = run_rdd(spark, args) if args.mode == "rdd" else run_df(spark, args)
    finally:
        spark.stop()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.records or os.path.join(tmp, "records.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(r + "\n" for r in records)
        subprocess.run([args.placemap, "layers", path, "-o", args.output, *args.layers_args], check=True)
    print(f"placemap_spark: {len(records)} lines from {args.partitions} partitions ({args.mode}"
          f"{', partial aggregates' if args.partial else ''}) -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
