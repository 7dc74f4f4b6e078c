#!/usr/bin/env python3
"""The peer of `npm run bench`: the same figures as `client-tiers analyze FILE --window-months all`
computed with pandas, as a data analyst would write it.

Reads only the needed columns (client and amount) with pandas' C CSV reader (or, for .xlsx,
pandas.read_excel, whose openpyxl engine opens the workbook read-only), then: group by client,
sum, keep totals > 0, sort descending, cumulative sum, Gini, HHI, top-20% share.

    pandas_peer.py FILE --client COL --amount COL [--sep ;] [--decimal ,]

COL is a header (CSV) or a 0-based column index (xlsx). Prints one JSON object with the figures,
the row count and this process's peak RSS (ru_maxrss) on stdout. Exit 3 when pandas is missing.
"""
import argparse
import json
import math
import resource
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # the bench records "peer absent"
    sys.stderr.write(f"pandas_peer: {e}\n")
    sys.exit(3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--client", required=True)
    ap.add_argument("--amount", required=True)
    ap.add_argument("--sep", default=",")
    ap.add_argument("--decimal", default=".")
    a = ap.parse_args()

    if a.file.lower().endswith((".xlsx", ".xlsm")):
        ci, ai = int(a.client), int(a.amount)
        df = pd.read_excel(a.file, sheet_name=0, usecols=[ci, ai], engine="openpyxl")
        cols = list(df.columns)  # usecols keeps sheet order
        client, amount = (cols[0], cols[1]) if ci < ai else (cols[1], cols[0])
    else:
        df = pd.read_csv(a.file, sep=a.sep, decimal=a.decimal, usecols=[a.client, a.amount],
                         dtype={a.client: str}, engine="c")
        client, amount = a.client, a.amount
    rows = len(df)
    amounts = pd.to_numeric(df[amount], errors="coerce")
    totals = amounts.groupby(df[client], sort=False).sum()
    pos = np.sort(totals[totals > 0].to_numpy(dtype=np.float64))[::-1]  # descending
    n = len(pos)
    total = float(pos.sum()) if n else 0.0
    cum = np.cumsum(pos)
    k = max(0, math.ceil(0.2 * n - 1e-9))
    top20 = float(cum[k - 1] / total) if n and k else 0.0
    asc = pos[::-1]
    ranks = np.arange(1, n + 1, dtype=np.float64)
    gini = float(((2 * ranks - n - 1) * asc).sum() / (n * total)) if n else 0.0
    hhi = float(((100 * pos / total) ** 2).sum()) if n else 0.0
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    json.dump({"rows": rows, "clients": n, "total": total, "top20Share": top20, "gini": gini, "hhi": hhi,
               "maxRssKB": maxrss_kb, "pandas": pd.__version__}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
