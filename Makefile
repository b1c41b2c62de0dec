# pulumi-otc: a native Pulumi provider for OTC VPC Endpoint services.
# `make help` lists the targets. `make demo` runs the whole story against the local emulator; `make test` runs every test.

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := help

PACK         := otc
# The release version lives in VERSION only: MSBuild reads it for the binary, `make version` writes it into the
# generated files that carry it (schema.json, sdk/dotnet), and the dist names below use it.
VERSION      := $(strip $(file < VERSION))
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
# The .NET test projects by what they need: the build alone, or also the published binary and dist/ (make test runs the
# first kind while the provider is published).
BUILT_TESTS     := Emulator.Tests CloudClient.Tests ProviderHost.Tests Sdk.Tests
PUBLISHED_TESTS := Provider.Tests Program.Tests
# Where `make bench` writes the stack and wait runs in full; bench/results/ keeps the curated before/after pages.
BENCH_RUNS   := bench/results/runs
SDK_CSPROJ   := sdk/dotnet/Pulumi.Otc.csproj
EXAMPLE_DIR  := examples/csharp
DIST         := dist
# The plugin's platforms, as Pulumi's plugin installer names them ({os}-{arch}); linux-amd64 is the machine's own build
# (`make provider`, which `make test` tests), the others are cross builds. .NET names them by runtime identifier.
PLATFORMS       := linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64
CROSS_PLATFORMS := $(filter-out linux-amd64,$(PLATFORMS))
dotnet_rid       = $(subst amd64,x64,$(subst darwin-,osx-,$(subst windows-,win-,$(1))))
plugin_archive   = $(DIST)/pulumi-resource-$(PACK)-v$(VERSION)-$(1).tar.gz
plugin_file      = pulumi-resource-$(PACK)$(if $(filter windows-%,$(1)),.exe)
PLUGIN_ARCHIVE  := $(call plugin_archive,linux-amd64)
PLATFORM_TESTS  := Platform.Tests
SDK_NUPKG    := $(DIST)/Pulumi.Otc.$(VERSION).nupkg
SDK_STAGING  := artifacts/sdk-dotnet
# Generated code keeps codegen's layout: the formatter leaves sdk/dotnet alone (Program.Tests pulls it into the solution's graph).
SDK_FORMAT_EXCLUDE := sdk/dotnet
# The package metadata that `make version` writes into schema.json and sdk/dotnet, and `make dist_sdk` into the packed
# copy. Each defaults to what schema.json says, so a release sets only what changes: `make version HOMEPAGE=...`.
#   PLUGIN_DOWNLOAD_URL: where the CLI downloads the plugin from (the schema's pluginDownloadURL); the SDK then names it
#   in every resource's and invoke's default options and as "server" in pulumi-plugin.json, as Pulumi's codegen does.
#   Empty: none (the plugin must be installed).
schema_string = $(shell sed -n 's/^  "$(1)": "\(.*\)",\{0,1\}$$/\1/p' schema.json)
ifeq ($(origin HOMEPAGE),undefined)
HOMEPAGE := $(call schema_string,homepage)
endif
ifeq ($(origin REPOSITORY),undefined)
REPOSITORY := $(call schema_string,repository)
endif
ifeq ($(origin PUBLISHER),undefined)
PUBLISHER := $(call schema_string,publisher)
endif
ifeq ($(origin PLUGIN_DOWNLOAD_URL),undefined)
PLUGIN_DOWNLOAD_URL := $(call schema_string,pluginDownloadURL)
endif
# An extra NuGet source for the `Pulumi` package, for machines whose package source does not serve it. Defaults to
# ../shared/nuget (beside the clone) when that folder exists; otherwise only the configured sources are used. It reaches
# every restore through MSBuild's environment, never through a project file.
PULUMI_NUGET_SOURCE ?= $(wildcard $(abspath $(CURDIR)/../shared/nuget))
ifneq ($(strip $(PULUMI_NUGET_SOURCE)),)
export PULUMI_NUGET_SOURCE := $(abspath $(PULUMI_NUGET_SOURCE))
export RestoreAdditionalProjectSources := $(PULUMI_NUGET_SOURCE)
endif
export PLUGIN_DOWNLOAD_URL

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: help ensure provider schema build install test test_unit test_built test_binary suites_built suites_published test_wire test_platforms lint format clean emulator demo sdk build_sdks bench version dist dist_plugin dist_cross dist_sdk

comma := ,
# $(call stamp_sdk,DIR): writes VERSION and the package metadata into a C# SDK the way Pulumi's codegen does for a schema
# that says so: version.txt, pulumi-plugin.json ("server" when PLUGIN_DOWNLOAD_URL is set), the project file's version,
# URLs and authors, and PluginDownloadURL in every resource's MakeResourceOptions and in Utilities' WithDefaults.
define stamp_sdk
	printf '%s' '$(VERSION)' > $(1)/version.txt
	printf '{\n  "resource": true,\n  "name": "$(PACK)",\n  "version": "$(VERSION)"$(if $(PLUGIN_DOWNLOAD_URL),$(comma)\n  "server": "$(PLUGIN_DOWNLOAD_URL)")\n}\n' > $(1)/pulumi-plugin.json
	sed -i -e 's|<Version>[^<]*</Version>|<Version>$(VERSION)</Version>|' \
		-e 's|<PackageProjectUrl>[^<]*</PackageProjectUrl>|<PackageProjectUrl>$(HOMEPAGE)</PackageProjectUrl>|' \
		-e 's|<RepositoryUrl>[^<]*</RepositoryUrl>|<RepositoryUrl>$(REPOSITORY)</RepositoryUrl>|' \
		-e 's|<Authors>[^<]*</Authors>|<Authors>$(or $(PUBLISHER),Pulumi Corp.)</Authors>|' \
		-e 's|<Company>[^<]*</Company>|<Company>$(or $(PUBLISHER),Pulumi Corp.)</Company>|' $(1)/Pulumi.Otc.csproj
	find $(1) -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -exec sed -i \
		-e '/^ *PluginDownloadURL = "[^"]*",$$/d' -e '/^ *dst\.PluginDownloadURL = src?\.PluginDownloadURL ?? "[^"]*";$$/d' \
		$(if $(PLUGIN_DOWNLOAD_URL),-e 's|^\( *\)Version = Utilities\.Version$(comma)$$|&\n\1PluginDownloadURL = "$(PLUGIN_DOWNLOAD_URL)"$(comma)|' \
			-e 's|^\( *\)dst\.Version = src?\.Version ?? Version;$$|&\n\1dst.PluginDownloadURL = src?.PluginDownloadURL ?? "$(PLUGIN_DOWNLOAD_URL)";|') {} +
endef

# $(call set_schema_string,KEY,VALUE): sets the top-level string KEY of schema.json to VALUE, on the line after
# "license", or removes it when VALUE is empty.
define set_schema_string
	sed -i '/^  "$(1)": /d' schema.json
	$(if $(2),sed -i 's|^  "license": .*$$|&\n  "$(1)": "$(2)"$(comma)|' schema.json)
endef

# $(call dotnet_tests,PROJECTS): runs the test projects under provider/tests side by side, each logging to
# $(TEST_LOGS)/dotnet-PROJECT.log, prints the logs, and fails if any failed.
define dotnet_tests
	mkdir -p $(TEST_LOGS)
	pids=""; for project in $(1); do \
		$(DOTNET) test provider/tests/$$project/$$project.csproj -c $(CONFIG) --no-build --logger "console;verbosity=normal" \
			> $(TEST_LOGS)/dotnet-$$project.log 2>&1 & pids="$$pids $$!"; \
	done; \
	status=0; for pid in $$pids; do wait $$pid || status=1; done; \
	for project in $(1); do cat $(TEST_LOGS)/dotnet-$$project.log; done; \
	exit $$status
endef

# $(call pack_plugin,PLATFORM,EXECUTABLE): writes $(DIST)/pulumi-resource-otc-v{VERSION}-PLATFORM.tar.gz (after removing that
# platform's archives of any version) in the layout `pulumi plugin install resource $(PACK) v$(VERSION) --file <archive>`
# unpacks: the executable (.exe on Windows) and the README at the root, byte for byte the same from the same input.
define pack_plugin
	rm -rf artifacts/plugin-archive-$(1) $(DIST)/pulumi-resource-$(PACK)-v*-$(1).tar.gz
	mkdir -p $(DIST) artifacts/plugin-archive-$(1)
	install -m 0755 $(2) artifacts/plugin-archive-$(1)/$(call plugin_file,$(1))
	install -m 0644 README.md artifacts/plugin-archive-$(1)/README.md
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C artifacts/plugin-archive-$(1) -cf - $(call plugin_file,$(1)) README.md \
		| gzip -n > $(call plugin_archive,$(1))
	@echo "built $(call plugin_archive,$(1))"
endef

check_version = @grep -qE '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$$' <<< '$(VERSION)' || { echo "VERSION must be a semantic version like 1.2.3, not '$(VERSION)'"; exit 1; }

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

ensure: ## Restore .NET packages and the npm packages of the wire-conformance suite
	@# Side by side: the two restores share nothing, and both mostly wait on the package sources.
	mkdir -p artifacts
	cd $(WIRE_DIR) && npm ci --no-audit --no-fund --ignore-scripts > $(CURDIR)/artifacts/npm-ci.log 2>&1 & npm_ci=$$!; \
		$(DOTNET) restore $(SOLUTION); \
		wait $$npm_ci || { cat artifacts/npm-ci.log; exit 1; }

provider: ## Publish the provider with Native AOT to bin/pulumi-resource-otc
	@# Its own artifacts folder (bin/ and obj/ of the provider and the libraries it uses), so that `make test` can run
	@# the publish beside the solution build without the two writing the same files. The analyzers already ran on
	@# these sources in the solution build (`make build`); the AOT compiler reports its own warnings.
	$(DOTNET) publish $(PROVIDER_CSPROJ) -c $(CONFIG) -r $(RID) --artifacts-path artifacts/aot -o artifacts/provider -p:RunAnalyzers=false
	mkdir -p bin
	cp artifacts/provider/pulumi-resource-$(PACK) $(PROVIDER_BIN)

schema: provider ## Check that the binary serves schema.json exactly (rebuilds the binary, which embeds the file)
	$(DOTNET) test provider/tests/Provider.Tests/Provider.Tests.csproj -c $(CONFIG) --filter "FullyQualifiedName~SchemaServing"

build: ## Build every project of the solution, and the SDK and example it references (warnings are errors)
	@# -warnaserror reaches what the solution only references (sdk/dotnet, examples/csharp), whose own build files do not set it.
	$(DOTNET) build $(SOLUTION) -c $(CONFIG) -warnaserror

install: provider ## Install the provider as a Pulumi plugin (uses the pulumi CLI when present)
	@if command -v pulumi >/dev/null 2>&1; then \
		pulumi plugin install resource $(PACK) $(VERSION) --file $(PROVIDER_BIN) --reinstall; \
	else \
		mkdir -p $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION); \
		install -m 0755 $(PROVIDER_BIN) $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION)/pulumi-resource-$(PACK); \
		echo "installed to $(PULUMI_HOME)/plugins/resource-$(PACK)-v$(VERSION)"; \
	fi

test: ensure ## Run every test: unit, client/emulator, lifecycle over gRPC, Pulumi C# programs, packaging, and wire conformance
	@# The Native AOT publish (minutes of ilc) runs beside the solution build; the suites that need only the build
	@# start when it ends, those that need the binary or dist/ when the publish ends, the wire suite beside them.
	rm -f $(TEST_LOGS)/*.log
	$(MAKE) --no-print-directory -j2 --output-sync=line suites_built suites_published
	@provider/tests/summarize-results.sh $(TEST_LOGS)

# make test's two halves; the targets a developer runs by hand (test_built, test_binary) assume the build is done.
suites_built: build
	$(call dotnet_tests,$(BUILT_TESTS))

suites_published: build provider dist_plugin dist_sdk
	status=0; $(MAKE) --no-print-directory test_wire & wire=$$!; \
		$(MAKE) --no-print-directory test_binary || status=$$?; \
		wait $$wire || status=1; \
		exit $$status

test_unit: ## Run the .NET test projects of `make test` (needs `make build provider dist_plugin dist_sdk` first)
	$(call dotnet_tests,$(BUILT_TESTS) $(PUBLISHED_TESTS))

test_built: ## Run the .NET test projects that need only `make build`, side by side
	$(call dotnet_tests,$(BUILT_TESTS))

test_binary: ## Run the .NET test projects that also need bin/pulumi-resource-otc and dist/ (after `make provider dist`)
	$(call dotnet_tests,$(PUBLISHED_TESTS))

test_platforms: ## Build all five plugin archives and test them: linux-arm64 under qemu, windows under wine64, macOS headers
	@# The tools come from Debian's packages, installed by the repo itself (nothing to do when they are there).
	scripts/install-platform-tools.sh all
	$(MAKE) --no-print-directory dist
	$(DOTNET) build provider/tests/$(PLATFORM_TESTS)/$(PLATFORM_TESTS).csproj -c $(CONFIG) -warnaserror
	$(call dotnet_tests,$(PLATFORM_TESTS))

test_wire: ## Run the wire-conformance suite: Pulumi's own generated gRPC client against bin/pulumi-resource-otc
	mkdir -p $(TEST_LOGS)
	cd $(WIRE_DIR) && PROVIDER_BIN="$(CURDIR)/$(PROVIDER_BIN)" EMULATOR_DLL="$(CURDIR)/$(EMULATOR_DLL)" npm test 2>&1 | tee $(CURDIR)/$(TEST_LOGS)/wire.log

lint: ## Check formatting and analyzers (dotnet format --verify-no-changes)
	$(DOTNET) format $(SOLUTION) --verify-no-changes --exclude $(SDK_FORMAT_EXCLUDE)

format: ## Apply formatting
	$(DOTNET) format $(SOLUTION) --exclude $(SDK_FORMAT_EXCLUDE)

emulator: ## Start the local OTC emulator on 127.0.0.1 (ARGS="--port 8787 --state emu.json")
	$(DOTNET) run --project $(EMULATOR_CSPROJ) -c $(CONFIG) -- $(ARGS)

demo: provider ## The main command: create, update in place, replace, drift and destroy against the local emulator
	$(DOTNET) build $(EMULATOR_CSPROJ) -c $(CONFIG)
	$(DOTNET) run --project $(WALKTHROUGH_CSPROJ) -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL)

sdk: ## Regenerate sdk/dotnet from schema.json (needs the pulumi CLI)
	@command -v pulumi >/dev/null 2>&1 || { echo "the pulumi CLI is not installed; sdk/dotnet is committed and checked against schema.json by provider/tests/Sdk.Tests"; exit 1; }
	pulumi package gen-sdk schema.json --language dotnet --out sdk

build_sdks: ## Build the C# SDK and the example programs against the Pulumi NuGet package, warnings as errors
	$(DOTNET) build $(SDK_CSPROJ) -c $(CONFIG) -warnaserror
	$(DOTNET) build $(EXAMPLE_DIR) -c $(CONFIG) -warnaserror
	$(DOTNET) build examples/stack-reference -c $(CONFIG) -warnaserror

bench: provider ## Run the benchmarks; results go to bench/results/
	$(DOTNET) build $(EMULATOR_CSPROJ) -c $(CONFIG)
	$(DOTNET) run --project bench/Startup/Startup.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN)
	$(DOTNET) run --project bench/ClientBench/ClientBench.csproj -c $(CONFIG)
	mkdir -p $(BENCH_RUNS)
	$(DOTNET) run --project bench/StackBench/StackBench.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL) --out $(BENCH_RUNS)/stack-200.md
	$(DOTNET) run --project bench/StackBench/StackBench.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL) --count 1000 --rate-limit 100 --out $(BENCH_RUNS)/stack-1000.md
	$(DOTNET) run --project bench/WaitLatency/WaitLatency.csproj -c $(CONFIG) -- --provider $(PROVIDER_BIN) --emulator $(EMULATOR_DLL) --out $(BENCH_RUNS)/wait-latency.md

version: ## Write VERSION and the metadata (HOMEPAGE= REPOSITORY= PUBLISHER= PLUGIN_DOWNLOAD_URL=) into schema.json and sdk/dotnet
	$(check_version)
	sed -i '0,/^  "version": /s/^  "version": "[^"]*"/  "version": "$(VERSION)"/' schema.json
	@# Each after "license", the last first: the file reads license, publisher, homepage, repository, pluginDownloadURL.
	$(call set_schema_string,pluginDownloadURL,$(PLUGIN_DOWNLOAD_URL))
	$(call set_schema_string,repository,$(REPOSITORY))
	$(call set_schema_string,homepage,$(HOMEPAGE))
	$(call set_schema_string,publisher,$(PUBLISHER))
	$(call stamp_sdk,sdk/dotnet)
	@echo "wrote $(VERSION) into schema.json and sdk/dotnet; rebuild the provider, which embeds the schema"

dist: dist_plugin dist_cross dist_sdk ## Build what users install into dist/: the five plugin archives and the SDK's NuGet package (PLUGIN_DOWNLOAD_URL=...)

dist_plugin: provider ## dist/pulumi-resource-otc-v{VERSION}-linux-amd64.tar.gz, for `pulumi plugin install ... --file`
	$(check_version)
	$(call pack_plugin,linux-amd64,$(PROVIDER_BIN))

dist_cross: ## The other four archives: linux-arm64 (Native AOT, cross-linked), darwin-amd64, darwin-arm64, windows-amd64 (single-file)
	$(check_version)
	scripts/install-platform-tools.sh cross
	@# One after another: the publishes share the provider's obj/ (restore writes it per runtime identifier).
	for platform in $(CROSS_PLATFORMS); do $(MAKE) --no-print-directory dist_platform_$$platform; done

# One cross build: Provider.csproj chooses Native AOT or a self-contained single file by the runtime identifier.
dist_platform_%:
	$(DOTNET) publish $(PROVIDER_CSPROJ) -c $(CONFIG) -r $(call dotnet_rid,$*) -o artifacts/provider-$*
	$(call pack_plugin,$*,artifacts/provider-$*/$(call plugin_file,$*))

dist_sdk: ## dist/Pulumi.Otc.{VERSION}.nupkg, packed from a copy of sdk/dotnet stamped with VERSION and the metadata (PLUGIN_DOWNLOAD_URL=...)
	$(check_version)
	rm -rf $(SDK_STAGING) $(DIST)/Pulumi.Otc.*.nupkg
	mkdir -p $(DIST) $(SDK_STAGING)
	@# A copy, so that the release's version and download URL never edit the committed files.
	tar -C sdk/dotnet --exclude=./bin --exclude=./obj -cf - . | tar -C $(SDK_STAGING) -xf -
	$(call stamp_sdk,$(SDK_STAGING))
	@# Codegen's project packs on build (GeneratePackageOnBuild), as Pulumi's own provider builds use it.
	$(DOTNET) build $(SDK_STAGING)/Pulumi.Otc.csproj -c $(CONFIG) -warnaserror -p:PackageOutputPath=$(abspath $(DIST))
	@test -f $(SDK_NUPKG) && echo "built $(SDK_NUPKG)"

clean: ## Remove build output
	rm -rf bin artifacts $(DIST)
	find . -type d \( -name bin -o -name obj \) -not -path './node_modules/*' -prune -exec rm -rf {} +
	rm -rf $(WIRE_DIR)/node_modules
