#!/usr/bin/env bash
# The scale-out simulation (io.flagstaff.benchmarks.ScaleOut) on servers of its own, so that the
# servers' counters count only this run: a redis-server and a PostgreSQL cluster (max_connections
# 400) on free loopback ports, in a temporary folder, stopped at the end. Never touches the shared
# servers.
#   benchmarks/scale-out.sh [redis|postgresql|both] [instances] [flags] [changes]
#   benchmarks/scale-out.sh both 1,10,50,100 1,1000,10000 200     the full grid (default)
# Prints the machine and one markdown table per store (see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
stores=${1:-both}
instances=${2:-1,10,50,100}
flags=${3:-1,1000,10000}
changes=${4:-200}

# SCALE_OUT_JAR: a copy of the jar to run, so that a build meanwhile does not replace it under the run
jar=${SCALE_OUT_JAR:-benchmarks/target/benchmarks.jar}
if [[ ! -f $jar ]]; then
	./mvnw -q -pl benchmarks -am package -DskipTests
fi
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
cleanup() {
	[[ -n "${redis_port:-}" ]] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
	[[ -n "${pg_port:-}" ]] && su postgres -s /bin/sh -c "pg_ctl -D $work/pg -m immediate stop" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "servers: $(redis-server --version | cut -d' ' -f3), $(postgres --version)"
echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
java_opts=(-Xms4g -Xmx8g -XX:+UseG1GC)

if [[ $stores == redis || $stores == both ]]; then
	redis_port=$(free_port)
	redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --daemonize yes >/dev/null
	until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
	java "${java_opts[@]}" -cp "$jar" io.flagstaff.benchmarks.ScaleOut --store redis --redis "redis://127.0.0.1:$redis_port" \
		--instances "$instances" --flags "$flags" --changes "$changes"
fi
if [[ $stores == postgresql || $stores == both ]]; then
	pg_port=$(free_port)
	mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
	su postgres -s /bin/sh -c "initdb -D $work/pg -U postgres --auth=trust" >/dev/null
	su postgres -s /bin/sh -c "pg_ctl -D $work/pg -l $work/pg.log -o '-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB -c fsync=off' start" >/dev/null
	until pg_isready -h 127.0.0.1 -p "$pg_port" >/dev/null 2>&1; do sleep 0.2; done
	java "${java_opts[@]}" -cp "$jar" io.flagstaff.benchmarks.ScaleOut --store postgresql \
		--jdbc "jdbc:postgresql://127.0.0.1:$pg_port/postgres" --jdbc-user postgres \
		--instances "$instances" --flags "$flags" --changes "$changes"
fi
