# pulumi-otc: a native Pulumi provider for OTC VPC Endpoint services.
# `make help` lists the targets. `make demo` runs the whole story against the local emulator; `make test` runs every test.

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := help

PACK         := otc
VERSION      := 0.1.0
DOTNET       ?= dotnet
CONFIG       ?= Release
RID          := linux-x64
SOLUTION     := pulumi-otc.slnx
PROVIDER_CSPROJ := provider/src/Provider/Provider.csproj
EMULATOR_CSPROJ := emulator/Emulator.csproj
WALKTHROUGH_CSPROJ := examples/walkthrough/Walkthrough.csproj
PROVIDER_BIN := bin/pulumi-resource-$(PACK)
EMULATOR_DLL := emulator/bin/$(CONFIG)/net10.0/otc-emulator.dll
WIRE_DIR     := provider/tests/wire
PULUMI_HOME  ?= $(HOME)/.pulumi
TEST_LOGS    := artifacts/test-logs

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: help ensure provider schema build install test test_unit test_wire lint format clean emulator demo sdk build_sdks bench

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

ensure: ## Restore .NET packages and the npm packages of the wire-conformance suite
	$(DOTNET) restore $(SOLUTION)
	cd $(WIRE_DIR) && npm ci --no-audit --no-fund --ignore-scripts

provider: ## Publish the provider with Native AOT to bin/pulumi-resource-otc
	$(DOTNET) publish $(PROVIDER_CSPROJ) -c $(CONFIG) -r $(RID) -o artifacts/provider
	mkdir -p bin
	cp artifacts/provider/pulumi-resource-$(PACK) $(PROVIDER_BIN)

schema: provider ## Check that the binary serves schema.json exactly (rebuilds the binary, which embeds the file)
	$(DOTNET) test provider/tests/Provider.Tests/Provider.Tests.csproj -c $(CONFIG) --filter "FullyQualifiedName~SchemaServing"

build: ## Build every project of the solution (warnings are errors)
	$(DOTNET) build $(SOLUTION) -c $(CONFIG)

install: provider ## Install the provider as a Pulumi plugin (uses the pulumi CLI when present)
	@if command -v pulumi >/dev/null 2>&1; then \
		pulumi plugin install resource $(PACK) $(VERSION) --file $(PROVIDER_BIN) --reinstall; \
	else \
		mkdir -p $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION); \
		install -m 0755 $(PROVIDER_BIN) $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION)/pulumi-resource-$(PACK); \
		echo "installed to $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION)"; \
	fi

test: ensure build provider test_unit test_wire ## Run every test: unit, client/emulator, lifecycle over gRPC, and wire conformance against the AOT binary
	@provider/tests/summarize-results.sh $(TEST_LOGS)

test_unit: ## Run the .NET test projects (needs `make build provider` first)
	mkdir -p $(TEST_LOGS)
	$(DOTNET) test $(SOLUTION) -c $(CONFIG) --no-build --logger "console;verbosity=normal" 2>&1 | tee $(TEST_LOGS)/dotnet.log

test_wire: ## Run the wire-conformance suite: Pulumi's own generated gRPC client against bin/pulumi-resource-otc
	mkdir -p $(TEST_LOGS)
	cd $(WIRE_DIR) && PROVIDER_BIN="$(CURDIR)/$(PROVIDER_BIN)" EMULATOR_DLL="$(CURDIR)/$(EMULATOR_DLL)" npm test 2>&1 | tee $(CURDIR)/$(TEST_LOGS)/wire.log

lint: ## Check formatting and analyzers (dotnet format --verify-no-changes)
	$(DOTNET) format $(SOLUTION) --verify-no-changes

format: ## Apply formatting
	$(DOTNET) format $(SOLUTION)

emulator: ## Start the local OTC emulator on 127.0.0.1 (ARGS="--port 8787 --state emu.json")
	$(DOTNET) run --project $(EMULATOR_CSPROJ) -c $(CONFIG) -- $(ARGS)

demo: provider ## The main command: create, update in place, replace, drift and destroy against the local emulator
	$(DOTNET) build $(EMULATOR_CSPROJ) -c $(CONFIG)
	$(DOTNET) run --project $(WALKTHROUGH_CSPROJ) -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL)

sdk: ## Regenerate sdk/dotnet from schema.json (needs the pulumi CLI)
	@command -v pulumi >/dev/null 2>&1 || { echo "the pulumi CLI is not installed; sdk/dotnet is committed and checked against schema.json by provider/tests/Sdk.Tests"; exit 1; }
	pulumi package gen-sdk schema.json --language dotnet --out sdk

build_sdks: ## Build the C# SDK and the example program (needs the Pulumi NuGet package)
	$(DOTNET) build sdk/dotnet/Pulumi.Otc.csproj -c $(CONFIG)
	$(DOTNET) build examples/csharp -c $(CONFIG)

bench: provider ## Run the benchmarks; results go to bench/results/
	$(DOTNET) build $(EMULATOR_CSPROJ) -c $(CONFIG)
	$(DOTNET) run --project bench/Startup/Startup.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN)
	$(DOTNET) run --project bench/ClientBench/ClientBench.csproj -c $(CONFIG)
	$(DOTNET) run --project bench/StackBench/StackBench.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL)
	$(DOTNET) run --project bench/StackBench/StackBench.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL) --count 1000 --rate-limit 100
	$(DOTNET) run --project bench/WaitLatency/WaitLatency.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL)

clean: ## Remove build output
	rm -rf bin artifacts
	find . -type d \( -name bin -o -name obj \) -not -path './node_modules/*' -prune -exec rm -rf {} +
	rm -rf $(WIRE_DIR)/node_modules
