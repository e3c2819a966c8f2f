"""Times compliance-trestle's profile resolver on the same input as Grunnmur's benchmark.

    python trestle_resolve.py DATA_DIR PROFILE_RELATIVE_TO_DATA [RUNS]

Prints the control count and the wall time of each run (reading, parsing and resolving, as
`grunnmur oscal resolve` does), then the median.
"""
import json
import pathlib
import statistics
import sys
import tempfile
import time

from trestle.core.profile_resolver import ProfileResolver

data = pathlib.Path(sys.argv[1]).resolve()
profile = data / sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
(data / ".trestle").mkdir(exist_ok=True)  # trestle wants a workspace root
# trestle does not resolve hrefs relative to the profile: give it absolute paths, nothing else
# changed.
doc = json.loads(profile.read_text())
for imp in doc["profile"]["imports"]:
    if not imp["href"].startswith("#"):
        imp["href"] = str((profile.parent / imp["href"]).resolve())
tmp = pathlib.Path(tempfile.mkdtemp()) / profile.name
tmp.write_text(json.dumps(doc))
profile = tmp


def count(controls):
    return sum(1 + count(c.controls or []) for c in controls or [])


times = []
for _ in range(runs):
    t = time.perf_counter()
    cat = ProfileResolver.get_resolved_profile_catalog(data, str(profile))
    times.append(time.perf_counter() - t)
    n = count(cat.controls) + sum(count(g.controls) for g in cat.groups or [])
    print(f"trestle: {n} controls in {times[-1] * 1000:.0f} ms", flush=True)
print(f"trestle median: {statistics.median(times) * 1000:.0f} ms over {runs} runs")
