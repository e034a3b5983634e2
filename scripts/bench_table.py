"""Prints criterion medians as one table; `--json` prints {name: median_ns} for budgets.sh."""
import json
import pathlib
import sys


def medians(root):
    out = {}
    root = pathlib.Path(root)
    for est in sorted(root.glob("**/new/estimates.json")):
        name = "/".join(est.parent.parent.relative_to(root).parts)
        out[name] = json.loads(est.read_text())["median"]["point_estimate"]
    return out


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.0f} ns"


def main():
    root = sys.argv[1]
    m = medians(root)
    if "--json" in sys.argv:
        print(json.dumps(m))
        return
    width = max((len(k) for k in m), default=10)
    print(f"{'benchmark':<{width}}  median")
    for name, ns in m.items():
        note = ""
        if name == "cold_start" and m.get("json_floor"):
            note = f"  ({ns / m['json_floor']:.2f}x the JSON floor)"
        english = m.get("cold_start_in/en")
        if name.startswith("cold_start_in/") and english and name != "cold_start_in/en":
            note = f"  ({(ns / english - 1) * 100:+.1f}% against English)"
        print(f"{name:<{width}}  {human(ns)}{note}")


main()
