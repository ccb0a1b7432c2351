#!/usr/bin/env bash
# Build every fuzz target with libFuzzer and the stable toolchain's coverage instrumentation (no
# nightly, no cargo-fuzz needed) and run each for FUZZ_SECONDS (default 60) on its corpus in
# fuzz/corpus/<target>/ (kept in git; new inputs that add coverage are written there). A crash,
# a panic, a timeout or a leak of memory past the limit fails the run and leaves the input in
# fuzz/artifacts/<target>/. Usage: fuzz/run.sh [target...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-60}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target}"
# What cargo-fuzz passes (SanitizerCoverage for libFuzzer), on stable: -C passes and -C llvm-args.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks --cfg fuzzing"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^smsup-sms-fuzz$')
fi
# An explicit --target keeps RUSTFLAGS off the build scripts (as cargo-fuzz does).
triple="$(rustc -vV | sed -n 's/^host: //p')"
cargo build --release --locked --bins --target "$triple"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "fuzz $t: ${seconds}s, corpus $(ls "corpus/$t" | wc -l) inputs"
  "$CARGO_TARGET_DIR/$triple/release/$t" "corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>"artifacts/$t/log" \
    || { tail -40 "artifacts/$t/log"; echo "fuzz $t FAILED: input in fuzz/artifacts/$t/"; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" "artifacts/$t/log" | tr '\n' ' '; echo
done
