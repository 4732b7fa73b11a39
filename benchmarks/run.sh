#!/usr/bin/env bash
# Builds the benchmarks uber-jar and runs every JMH benchmark (1 and 2 threads, -prof gc),
# then prints the library x scenario table and the targets as ratios measured in this run.
#   benchmarks/run.sh           full run (~15 min on a 2-core VM)
#   benchmarks/run.sh --quick   short run (~4 min), numbers only indicative
# Results (JMH JSON, footprint, report.md) go to benchmarks/results/<UTC timestamp>/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ "${1:-}" == "--quick" ]]; then
	mode=quick
fi

./mvnw -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
out="benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)-${mode}"
mkdir -p "$out"

if [[ $mode == quick ]]; then
	iterations=(-f 1 -wi 1 -w 300ms -i 2 -r 500ms)
	spring_iterations=(-f 1 -wi 2 -w 500ms -i 2 -r 500ms)
	usage_iterations=(-f 1 -wi 1 -w 300ms -i 2 -r 500ms)
	single_shot=(-f 1 -wi 1 -i 3)
else
	iterations=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
	spring_iterations=(-f 1 -wi 6 -w 1s -i 3 -r 1s)
	# on vs off differ by a few ns: two forks and more iterations to see that through the noise
	usage_iterations=(-f 2 -wi 2 -w 1s -i 5 -r 1s)
	single_shot=(-f 1 -wi 3 -i 5)
fi
# the heap is touched before measuring: on this VM a page touched for the first time costs a fault
# (and the host backs it lazily), which made allocating benchmarks 10-100x slower in some iterations
jvm=(-jvmArgs "-Xms2g -Xmx2g -XX:+AlwaysPreTouch")
evaluations='(Ff4j|Togglz|Unleash|OpenFeature|LaunchDarkly|Flagstaff|Floor|HealthRecord)Benchmark\.|ScaleBenchmark\.evaluate'

{
	echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
	echo "mode: $mode (${iterations[*]})"
	echo "jdk: $(java -XshowSettings:properties -version 2>&1 | grep -E 'java.vm.name|java.runtime.version' | sed 's/^ *//' | paste -sd ' ')"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
	echo "os: $(uname -srm)"
	echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

# jmh <name> <args...>: runs JMH, keeps its log, prints its summary; a failed benchmark (for
# example a reader seeing a half-built snapshot) stops the script with JMH's error.
jmh() {
	local name=$1
	shift
	if ! java -jar "$jar" "$@" -foe true -rf json -rff "$out/$name.json" >"$out/$name.log" 2>&1; then
		grep -B2 -A20 -m1 -E 'Exception|<failure>' "$out/$name.log" >&2 || tail -40 "$out/$name.log" >&2
		echo "benchmark run '$name' FAILED, see $out/$name.log" >&2
		exit 1
	fi
	sed -n '/^Benchmark /,$p' "$out/$name.log" | grep -vE ':(gc\.(alloc\.rate|count|time)|·gc\.(alloc\.rate|count|time))( |$)' || true
}

for threads in 1 2; do
	jmh "threads-$threads" "${iterations[@]}" "${jvm[@]}" -bm avgt -tu ns -prof gc -t "$threads" "$evaluations"
done
# Spring proxies need a longer warm-up to reach a steady state on a loaded 2-core machine.
for threads in 1 2; do
	jmh "spring-$threads" "${spring_iterations[@]}" "${jvm[@]}" -bm avgt -tu ns -prof gc -t "$threads" 'SpringBenchmark'
done
jmh usage "${usage_iterations[@]}" "${jvm[@]}" -bm avgt -tu ns -prof gc -t 1 'UsageBenchmark'
jmh swap "${iterations[@]}" "${jvm[@]}" -bm avgt -tu ns -prof gc 'SnapshotSwapBenchmark'
jmh compile "${single_shot[@]}" "${jvm[@]}" 'ScaleBenchmark\.compile'
java -XX:+UseSerialGC -Xmx2g -cp "$jar" io.flagstaff.benchmarks.SnapshotFootprint "$out/footprint.json"
echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

python3 benchmarks/report.py "$out" | tee "$out/report.md"
