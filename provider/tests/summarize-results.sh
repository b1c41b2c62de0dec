#!/usr/bin/env bash
# Adds up what the .NET and node test runners reported into one closing line: "tests: N passed, M failed".
set -euo pipefail
log_dir="$1"
# The console logger ends each assembly with "Total tests: N" followed by "Passed: N" / "Failed: N" lines; the .NET
# suites log to dotnet.log (make test_unit) or one dotnet-<project>.log each (make test).
dotnet_passed=$({ grep -hoE '^ +Passed: +[0-9]+$' "$log_dir"/dotnet*.log || true; } | awk '{ s += $2 } END { print s + 0 }')
dotnet_failed=$({ grep -hoE '^ +Failed: +[0-9]+$' "$log_dir"/dotnet*.log || true; } | awk '{ s += $2 } END { print s + 0 }')
wire_passed=$({ grep -hoE '^ℹ pass [0-9]+' "$log_dir"/wire.log || true; } | awk '{ s += $3 } END { print s + 0 }')
wire_failed=$({ grep -hoE '^ℹ fail [0-9]+' "$log_dir"/wire.log || true; } | awk '{ s += $3 } END { print s + 0 }')
echo ".NET suites: $dotnet_passed passed, $dotnet_failed failed; wire conformance: $wire_passed passed, $wire_failed failed"
echo "tests: $((dotnet_passed + wire_passed)) passed, $((dotnet_failed + wire_failed)) failed"
