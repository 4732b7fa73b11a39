#!/usr/bin/env python3
"""Formats the JMH JSON of one benchmarks/run.sh run: library x scenario tables (ns/op and B/op)
and the issue's targets as ratios measured in that run. Usage: report.py <results dir>"""
import json
import os
import sys

LIBRARIES = [
    ("Flagstaff", "Flagstaff"),
    ("Ff4j", "FF4J 2.0.0"),
    ("Togglz", "Togglz 4.6.1"),
    ("Unleash", "Unleash 12.2.3"),
    ("OpenFeature", "OpenFeature 1.22.0"),
    ("LaunchDarkly", "LaunchDarkly 7.13.0"),
]
PEERS = [key for key, _ in LIBRARIES if key != "Flagstaff"]
STICKY = {"Flagstaff": "yes", "Ff4j": "no (random per call)", "Togglz": "yes (name hashCode, same bucket for every flag)",
          "Unleash": "yes", "OpenFeature": "yes (hand-written evaluator)", "LaunchDarkly": "yes"}
SCENARIOS = [s + "_" + c for s in "abcd" for c in ("reused", "built")]
NOT_EXPRESSIBLE = {("Ff4j", "c"), ("Ff4j", "d"), ("Togglz", "c"), ("Togglz", "d")}


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return []
    with open(path) as file:
        return json.load(file)


def index(runs):
    """(class, method, params) -> (score, unit, bytes per op or None)"""
    results = {}
    for run in runs:
        full = run["benchmark"].rsplit(".", 2)
        cls, method = full[-2].replace("Benchmark", ""), full[-1]
        params = ",".join(f"{k}={v}" for k, v in sorted((run.get("params") or {}).items()))
        secondary = run.get("secondaryMetrics", {})
        alloc = None
        for key in ("gc.alloc.rate.norm", "·gc.alloc.rate.norm"):
            if key in secondary:
                alloc = secondary[key]["score"]
        primary = run["primaryMetric"]
        results[(cls, method, params)] = (primary["score"], primary["scoreUnit"], alloc)
        for name, metric in secondary.items():
            if not name.startswith("·") and "gc" not in name and name != method:
                results[(cls, name, params)] = (metric["score"], metric["scoreUnit"], None)
    return results


def ns(results, cls, method, params=""):
    value = results.get((cls, method, params))
    return value[0] if value else None


def alloc(results, cls, method, params=""):
    value = results.get((cls, method, params))
    return value[2] if value else None


def cell(results, cls, method, params=""):
    if (cls, method[0]) in NOT_EXPRESSIBLE:
        return "n/a"
    value = results.get((cls, method, params))
    if not value:
        return "-"
    score, _, allocated = value
    text = f"{score:,.1f}" if score < 100 else f"{score:,.0f}"
    if allocated is not None:
        text += f" ({allocated:,.0f} B)"
    return text


def table(results, threads):
    lines = [f"#### {threads} thread{'s' if threads > 1 else ''}: ns/op (B/op)", "",
             "| library | " + " | ".join(SCENARIOS) + " | B sticky |",
             "|---|" + "---|" * (len(SCENARIOS) + 1)]
    for key, name in LIBRARIES:
        cells = [cell(results, key, s) for s in SCENARIOS]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {STICKY[key]} |")
    lines.append(f"| floor: ConcurrentHashMap lookup | {cell(results, 'Floor', 'e_map')} |" + " |" * len(SCENARIOS))
    lines.append(f"| floor: murmur3_x86_32(key:id) | {cell(results, 'Floor', 'e_murmur3')} |" + " |" * len(SCENARIOS))
    return lines


def fastest_peer(results, method, sticky_only=False):
    best = None
    for peer in PEERS:
        if (peer, method[0]) in NOT_EXPRESSIBLE or (sticky_only and STICKY[peer].startswith("no")):
            continue
        score = ns(results, peer, method)
        if score is not None and (best is None or score < best[0]):
            best = (score, peer)
    return best


def ratio_line(target, measured, ok):
    status = "met" if ok else "MISSED"
    if ok is None:
        status = "not measured"
    return f"| {target} | {measured} | {status} |"


def targets(r1, r2):
    lines = ["| target | measured in this run | status |", "|---|---|---|"]
    allocs = {s: alloc(r1, "Flagstaff", s + "_reused") for s in "abcd"}
    if all(v is not None for v in allocs.values()):
        worst = max(allocs.values())
        lines.append(ratio_line("A–D on a reused context: 0 B/op",
                                ", ".join(f"{s.upper()} {v:.2f} B" for s, v in allocs.items()), worst < 1.0))
    a, floor = ns(r1, "Flagstaff", "a_reused"), ns(r1, "Floor", "e_map")
    if a and floor:
        lines.append(ratio_line("A within 1.5x of the ConcurrentHashMap floor", f"{a / floor:.2f}x the floor", a / floor <= 1.5))
    for scenario, goal, sticky in (("a", 2, False), ("b", 5, True), ("c", 3, False), ("d", 5, False)):
        mine, best = ns(r1, "Flagstaff", scenario + "_reused"), fastest_peer(r1, scenario + "_reused", sticky)
        if mine and best:
            lines.append(ratio_line(f"{scenario.upper()} (reused) >= {goal}x faster than the fastest {'sticky ' if sticky else ''}peer",
                                    f"{best[0] / mine:.2f}x vs {dict(LIBRARIES)[best[1]]}", best[0] / mine >= goal))
    b, murmur = ns(r1, "Flagstaff", "b_reused"), ns(r1, "Floor", "e_murmur3")
    if b and murmur:
        lines.append(ratio_line("B faster than the bare murmur3 floor", f"{murmur / b:.2f}x faster", b < murmur))
    for scenario in "abcd":
        mine, best = ns(r1, "Flagstaff", scenario + "_built"), fastest_peer(r1, scenario + "_built", scenario == "b")
        if mine and best:
            lines.append(ratio_line(f"{scenario.upper()} (context built per call) >= 3x faster than the fastest {'sticky ' if scenario == 'b' else ''}peer",
                                    f"{best[0] / mine:.2f}x vs {dict(LIBRARIES)[best[1]]}", best[0] / mine >= 3))
    on, off = ns(r1, "Usage", "statsOn"), ns(r1, "Usage", "statsOff")
    on_a, off_a = ns(r1, "Usage", "statsOnA"), ns(r1, "Usage", "statsOffA")
    if on and off:
        lines.append(ratio_line("usage statistics on add <= 3 ns over off (B, reused context)", f"{on - off:+.1f} ns ({on:.1f} vs {off:.1f})", on - off <= 3))
        if on_a and off_a:
            lines.append(ratio_line("usage statistics on add <= 3 ns over off (A, reused context)", f"{on_a - off_a:+.1f} ns ({on_a:.1f} vs {off_a:.1f})", on_a - off_a <= 3))
    else:
        lines.append(ratio_line("usage statistics on add <= 3 ns over off", "no switch to turn them off", None))
    worst = None
    for scenario in SCENARIOS[::2]:
        one, two = ns(r1, "Flagstaff", scenario), ns(r2, "Flagstaff", scenario)
        if one and two and (worst is None or two / one > worst[0]):
            worst = (two / one, scenario)
    if worst:
        lines.append(ratio_line("2 threads cost no more per op than 1 (Flagstaff A–D reused; 10% noise allowed)",
                                f"worst {worst[0]:.2f}x ({worst[1]})", worst[0] <= 1.10))
        floor1, floor2 = ns(r1, "Floor", "e_map"), ns(r2, "Floor", "e_map")
        if floor1 and floor2:
            # the map lookup writes nothing: its own 2-thread/1-thread ratio is what the machine adds
            machine = floor2 / floor1
            lines.append(ratio_line("same, divided by the ConcurrentHashMap floor's own 2-thread/1-thread ratio",
                                    f"{worst[0] / machine:.2f}x (floor went {machine:.2f}x)", worst[0] / machine <= 1.10))
    direct = ns(r1, "Spring", "directPlusEvaluation")
    for method, label in (("routingProxyNoRecorder", "routing proxy (no recorder) adds <= 10 ns to a direct call plus an evaluation"),
                          ("routingProxy", "same, with the starter's Micrometer recorder (a timer and a counter per call)")):
        routing = ns(r1, "Spring", method)
        if routing and direct:
            extra = routing - direct
            lines.append(ratio_line(label, f"{extra:+.1f} ns", extra <= 10))
        else:
            lines.append(ratio_line(label, "-", None))
    toggle, timed = ns(r1, "Spring", "featureToggleAspect"), ns(r1, "Spring", "timedAspect")
    if toggle and timed:
        lines.append(ratio_line("@FeatureToggle aspect cheaper than Micrometer's @Timed aspect", f"{toggle / timed:.2f}x @Timed", toggle < timed))
    else:
        lines.append(ratio_line("@FeatureToggle aspect cheaper than Micrometer's @Timed aspect", "-", None))
    return lines


def extras(directory, r1, r2):
    lines = ["#### Scale, swaps, compile, footprint, Spring", "", "| measurement | 1 thread | 2 threads |", "|---|---|---|"]
    for flags in ("1", "1000", "100000"):
        params = f"flags={flags}"
        lines.append(f"| evaluate a 50% rollout, {int(flags):,} flags in the snapshot (ns/op) | {cell(r1, 'Scale', 'evaluate', params)} | {cell(r2, 'Scale', 'evaluate', params)} |")
    for method in ("statsOn", "statsOff", "statsOnA", "statsOffA"):
        if ns(r1, "Usage", method):
            scenario = "A" if method.endswith("A") else "B"
            state = "on" if method.startswith("statsOn") else "off"
            lines.append(f"| usage statistics {state}: {scenario} on reused context (ns/op) | {cell(r1, 'Usage', method)} | {cell(r2, 'Usage', method)} |")
    if ns(r1, "HealthRecord", "recordSuccess"):
        lines.append(f"| health guard: record a successful call (ns/op) | {cell(r1, 'HealthRecord', 'recordSuccess')} | {cell(r2, 'HealthRecord', 'recordSuccess')} |")
    for method in ("plainBean", "featureToggleAspect", "featureToggleNoRecorder", "timedAspect", "micrometerRecorderSuccess",
                   "micrometerTimerAlone", "directPlusEvaluation", "directPlusScopeEvaluation", "routingProxy",
                   "routingProxyNoRecorder"):
        if ns(r1, "Spring", method):
            lines.append(f"| Spring: {method} (ns/op) | {cell(r1, 'Spring', method)} | {cell(r2, 'Spring', method)} |")
    swap = index(load(directory, "swap.json"))
    for method in ("swap", "reader", "writer"):
        value = swap.get(("SnapshotSwap", method, ""))
        if value:
            lines.append(f"| snapshot swap group, {method} (ns/op; 1 writer + 2 readers, no half-built snapshot seen) | {value[0]:,.0f} | |")
    compile_runs = index(load(directory, "compile.json"))
    value = compile_runs.get(("Scale", "compile_10k_x5", ""))
    if value:
        lines.append(f"| compile 10,000 flags x 5 rules ({value[1]}, single shot) | {value[0]:,.1f} | |")
    footprint_path = os.path.join(directory, "footprint.json")
    if os.path.exists(footprint_path):
        with open(footprint_path) as file:
            footprint = json.load(file)
        lines.append(f"| retained heap, 10,000 x 5: definitions / compiled snapshot / total (MiB) | "
                     f"{footprint['definitionsBytes'] / 2**20:.1f} / {footprint['compiledSnapshotBytes'] / 2**20:.1f} / {footprint['totalBytes'] / 2**20:.1f} | |")
    return lines


def main():
    directory = sys.argv[1]
    # spring-N.json: the Spring benchmarks, when run separately into the same directory
    r1 = index(load(directory, "threads-1.json") + load(directory, "spring-1.json") + load(directory, "usage.json"))
    r2 = index(load(directory, "threads-2.json") + load(directory, "spring-2.json"))
    machine = os.path.join(directory, "machine.txt")
    if os.path.exists(machine):
        with open(machine) as file:
            print("```\n" + file.read().rstrip() + "\n```\n")
    output = table(r1, 1) + [""] + table(r2, 2) + [""] + extras(directory, r1, r2) + ["", "#### Targets", ""] + targets(r1, r2)
    print("\n".join(output))


if __name__ == "__main__":
    main()
