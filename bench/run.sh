#!/usr/bin/env bash
# Benchmarks affsite against Hugo and the floor (goldmark alone) on
# synthetic affiliate blogs made by bench/gencorpus. Run from anywhere:
#
#   bash bench/run.sh                      # sizes 1000 and 10000, 3 runs each
#   SIZES="200" RUNS=1 bash bench/run.sh   # quick check
#
# Environment: SIZES (post counts), RUNS (runs per engine and size),
# WORK (scratch folder; a new /tmp folder by default), KEEP=1 keeps it,
# BENCH=0 skips the Go micro-benchmarks at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
BENCH=${BENCH:-1}
KEEP=${KEEP:-0}
WORK=${WORK:-$(mktemp -d /tmp/affsite-bench.XXXXXX)}
mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
: >"$RESULTS"

cleanup() {
	if [[ $KEEP == 1 ]]; then
		echo "kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

# apt_install installs Debian packages, through sudo when not root.
apt_install() {
	local sudo=()
	[[ $(id -u) == 0 ]] || sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v hugo >/dev/null || apt_install hugo
[[ -x /usr/bin/time ]] || apt_install time

echo "== machine"
echo "cores: $(nproc)"
lscpu | grep 'Model name' | sed 's/  */ /g' || true
go version
hugo version
echo "work: $WORK"

echo "== build"
go build -o "$WORK/gencorpus" ./bench/gencorpus
go build -o "$WORK/floor" ./bench/floor
ENGINES=(hugo floor)
if go build -o "$WORK/affsite" ./cmd/affsite 2>"$WORK/affsite-build.log"; then
	ENGINES=(affsite affsite-minify hugo floor)
	echo "affsite: built"
else
	echo "affsite: not built"
	sed 's/^/  /' "$WORK/affsite-build.log" | head -n 5
fi

# engine_cmd sets CMD to the command line that builds site $1 into $2
# with engine $3.
engine_cmd() {
	local src=$1 out=$2
	case $3 in
	affsite) CMD=("$WORK/affsite" build -s "$src" -d "$out" --quiet --noCache) ;;
	affsite-minify) CMD=("$WORK/affsite" build -s "$src" -d "$out" --quiet --minify --noCache) ;;
	hugo) CMD=(hugo --quiet --source "$src" --destination "$out") ;;
	floor) CMD=("$WORK/floor" -src "$src" -o "$out") ;;
	esac
}

# measure builds site $2 with engine $1 into a new empty folder (run $4)
# and appends "size engine wall cpu rssKiB files status" to $RESULTS.
#
# Every output is kept until the whole run ends. Deleting one before the
# next build put the kernel's work on that build's clock: on ext4 without
# a journal (this machine's disk), allocating an inode skips every inode
# freed in the last 60 to 300 seconds, one buffer lookup each, so a build
# made right after 30,000 files were deleted spent up to 24 s of system
# time on it (bench/README.md, "seventh session").
measure() {
	local engine=$1 src=$2 size=$3 out="$WORK/out-$3-$1-$4"
	rm -rf "$out"
	mkdir -p "$out"
	engine_cmd "$src" "$out" "$engine"
	# Let the previous run's output reach the disk first, so its
	# write-back does not land on this run's clock.
	sync
	sleep 1
	local status=ok
	if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "${CMD[@]}" >"$WORK/engine.log" 2>&1; then
		status=failed
		echo "  $engine failed:"
		grep -v '^Command exited' "$WORK/engine.log" "$WORK/time.txt" | tail -n 5 | sed 's/^/    /'
	fi
	local wall=0 user=0 sys=0 rss=0
	read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$WORK/time.txt" | tail -n 1) || status=failed
	local cpu files
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	files=$(find "$out" -type f | wc -l)
	echo "$size $engine $wall $cpu $rss $files $status" >>"$RESULTS"
	printf '  %-15s %7ss wall %7ss cpu %6d MiB %7d files %s\n' "$engine" "$wall" "$cpu" $((rss / 1024)) "$files" "$status"
}

# column prints field $3 of the successful runs of engine $2 at size $1.
column() {
	awk -v s="$1" -v e="$2" -v c="$3" '$1 == s && $2 == e && $7 == "ok" { print $c }' "$RESULTS"
}

# median, minimum and maximum read numbers on stdin; "NA" when none.
median() {
	sort -g | awk '{ a[NR] = $1 } END {
		if (NR == 0) { print "NA"; exit }
		if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
minimum() { sort -g | awk 'NR == 1 { v = $1 } END { print (NR ? v : "NA") }'; }
maximum() { sort -g | awk '{ v = $1 } END { print (NR ? v : "NA") }'; }

# ratio prints $1 / $2 to two places, or NA.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.2f\n", a / b }'
}

# report prints the summary table of size $1.
report() {
	local size=$1
	echo
	echo "== $size posts, $RUNS runs (wall: median/min/max s; RSS: max MiB; CPU: median user+sys s)"
	[[ ${ENGINES[0]} == affsite ]] || echo "affsite: not built"
	printf '%-15s %8s %8s %8s %8s %8s %8s\n' engine wall-med wall-min wall-max rss-MiB cpu-med files
	for e in "${ENGINES[@]}"; do
		local rss
		rss=$(column "$size" "$e" 5 | maximum)
		[[ $rss == NA ]] || rss=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
		printf '%-15s %8s %8s %8s %8s %8s %8s\n' "$e" \
			"$(column "$size" "$e" 3 | median)" "$(column "$size" "$e" 3 | minimum)" \
			"$(column "$size" "$e" 3 | maximum)" "$rss" \
			"$(column "$size" "$e" 4 | median)" "$(column "$size" "$e" 6 | maximum)"
	done
	local aff hugo floor minify
	aff=$(column "$size" affsite 3 | median)
	minify=$(column "$size" affsite-minify 3 | median)
	hugo=$(column "$size" hugo 3 | median)
	floor=$(column "$size" floor 3 | median)
	echo "Hugo / affsite (wall medians):  $(ratio "$hugo" "$aff")"
	echo "affsite / floor (wall medians): $(ratio "$aff" "$floor")"
	echo "Hugo / floor (wall medians):    $(ratio "$hugo" "$floor")"
	local over
	over=$(ratio "$minify" "$aff")
	[[ $over == NA ]] || over=$(awk -v r="$over" 'BEGIN { printf "%+.0f %%", (r - 1) * 100 }')
	echo "minify overhead:                $over"
}

for size in $SIZES; do
	corpus="$WORK/corpus-$size"
	echo "== corpus of $size posts (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
	rm -rf "$corpus"
	"$WORK/gencorpus" -n "$size" -o "$corpus"
	# Warm the page cache with the corpus, so no engine pays for the
	# first read alone.
	find "$corpus" -type f -exec cat {} + >/dev/null
	for run in $(seq 1 "$RUNS"); do
		echo " run $run/$RUNS"
		# Rotate the order each run, so no engine always follows the same one.
		n=${#ENGINES[@]}
		for k in $(seq 0 $((n - 1))); do
			measure "${ENGINES[$(((k + run - 1) % n))]}" "$corpus" "$size" "$run"
		done
	done
done

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $SIZES; do
	report "$size"
done

if [[ $BENCH == 1 ]]; then
	echo
	echo "== go test -bench"
	go test -run '^$' -bench . -benchmem ./... || true
fi
