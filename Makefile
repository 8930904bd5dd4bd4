# The README's two commands are `make site` and `make test`.
# Hugo is pinned in tools/hugo.mod and compiled once into bin/ (about 90 s).

GO      ?= go
DATA    ?= data
OUT     ?= site
export CGO_ENABLED = 0

HUGO      := bin/hugo
GENERATOR := bin/generator

.PHONY: site check test test-go lint serve demo clean fuzz gates

## site: check data/, emit site/, build site/public (the main job)
site: $(HUGO) $(GENERATOR)
	$(GENERATOR) build -data $(DATA) -out $(OUT) -hugo $(HUGO)

## check: check the data only
check: $(GENERATOR)
	$(GENERATOR) check -data $(DATA)

## demo: build the synthetic demo dataset into site-demo/
demo: $(HUGO) $(GENERATOR)
	$(GENERATOR) build -data examples/demo -out site-demo -hugo $(HUGO)

## test: every test and gate (what CI runs)
test: lint test-go gates fuzz

## lint: gofmt, go vet, and actionlint over the GitHub workflows (pinned in
## tools/actionlint.mod; it also runs shellcheck on run: scripts when shellcheck
## is installed, as it is on GitHub's runners)
lint:
	@unformatted=$$(gofmt -l generator themes examples); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags gates ./generator/gates/
	$(GO) tool -modfile=tools/actionlint.mod actionlint .github/workflows/*.yml

test-go: $(HUGO)
	PLANSITE_HUGO=$(abspath $(HUGO)) $(GO) test -count=1 ./...

## gates: the quality gates (generator/gates): every page type in Chromium with
## axe-core and the site's Content-Security-Policy, the Nu HTML Checker, hostile
## data. They need Debian's chromium, a JRE and the npm packages of package-lock.json
## (installed here when npm exists); a missing tool fails the gate, saying what to install.
gates: $(HUGO) node_modules/.package-lock.json
	PLANSITE_HUGO=$(abspath $(HUGO)) $(GO) test -tags gates -count=1 -timeout 30m ./generator/gates/

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is needed for the gates' axe-core and vnu-jar (apt-get install npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund

## echarts: rebuild the site's ECharts (themes/plansite/static/vendor/echarts/echarts.min.js)
## from the npm package pinned in package-lock.json, with esbuild as a Go library
## (generator/internal/echartsbuild); the gate TestEChartsBuildIsReproducible compares it.
.PHONY: echarts
echarts: node_modules/.package-lock.json
	$(GO) run ./generator/internal/echartsbuild/cmd -node-modules node_modules -out themes/plansite/static/vendor/echarts/echarts.min.js

## fuzz: run the loader's fuzz targets, each for FUZZTIME (FUZZTIME=10m for longer):
## FuzzLoad (a data folder of any bytes) and FuzzParse (the data files' own YAML
## parser against yaml.v3)
## Each new input that finds new code is minimised for at most 2 s, not Go's default 60 s: a
## minimisation still running when FUZZTIME ends can fail the run with "context deadline exceeded"
## (and fuzzes nothing meanwhile): it failed a 30 s run of FuzzParse in CI with nothing found.
FUZZTIME ?= 30s
FUZZFLAGS = -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
fuzz:
	$(GO) test ./generator/load $(FUZZFLAGS) -fuzz '^FuzzLoad$$'
	$(GO) test ./generator/load $(FUZZFLAGS) -fuzz '^FuzzParse$$'

## serve: preview at http://127.0.0.1:1313/; a saved data edit shows in the browser
serve: $(HUGO) $(GENERATOR)
	$(GENERATOR) serve -data $(DATA) -out $(OUT) -hugo $(HUGO)

$(HUGO): tools/hugo.mod tools/hugo.sum
	@mkdir -p bin
	@echo "compiling the pinned Hugo (first time only, about 90 s)…"
	$(GO) build -modfile=tools/hugo.mod -o $@ github.com/gohugoio/hugo

# Always rebuilt: go build is quick when nothing changed.
.PHONY: $(GENERATOR)
$(GENERATOR):
	@mkdir -p bin
	$(GO) build -o $@ ./generator

clean:
	rm -rf bin site site-demo

## nightly: what the nightly job runs (.github/workflows/nightly.yml runs exactly
## this): fetch the published open data, check the data, run every test, then
## build site/public. A failed step stops make, and build replaces site/public
## only when it succeeds, so site/public is ready to publish exactly when
## everything passed. FORMAT=github prints the data's problems as pull-request
## annotations. SITE_URL is the published site's address, whose open data the
## build compares with to say what changed; without it nothing is fetched.
## BASE_URL=https://… is the site's absolute address (build -base-url).
FORMAT ?= text
SITE_URL ?=
.PHONY: nightly published schemas
nightly: $(HUGO) $(GENERATOR) published
	$(GENERATOR) check -data $(DATA) -format $(FORMAT)
	$(MAKE) test
	$(GENERATOR) build -data $(DATA) -out $(OUT) -hugo $(HUGO) -format $(FORMAT) $(if $(BASE_URL),-base-url $(BASE_URL))

## published: fetch the published site's open data into $(OUT)/public/data/
## (a first run, or an address that does not answer, finds none: that is fine)
published:
	@u="$(SITE_URL)"; if [ -n "$$u" ]; then \
	  mkdir -p $(OUT)/public/data; \
	  for f in observations.json indicators.json changes.json; do \
	    curl -fsSL --max-time 30 "$${u%/}/data/$$f" -o "$(OUT)/public/data/$$f" || rm -f "$(OUT)/public/data/$$f"; \
	  done; \
	fi

## schemas: rewrite schemas/*.schema.json after a change to the Go types
schemas:
	$(GO) test ./generator/schema -run TestSchemasMatchTypes -update

## bench: the performance benchmark (README, Performance): the shipped data and a
## synthetic national-scale dataset, per stage, the pipeline against Hugo alone and
## against Hugo's floor (minimal pages), and how pages per second hold as targets,
## communes and years grow. It ends with "generator stages national: X.XX s",
## "ratio pipeline/hugo-floor: X.XX", "ratio pipeline/hugo-alone: X.XX". BENCH_SCALE=tenth runs a
## tenth of national scale (and says so); BENCH_RUNS sets the runs (median). It builds
## in /dev/shm when that is a tmpfs with 8 GiB free (BENCH_WORK=DIR to choose).
BENCH_RUNS ?= 3
.PHONY: bench
bench: $(HUGO) $(GENERATOR)
	$(GO) build -o bin/bench ./generator/bench
	bin/bench -generator $(GENERATOR) -hugo $(HUGO) -data $(DATA) -runs $(BENCH_RUNS)

## bin/hugoprof: the pinned Hugo writing a CPU profile (tools/hugoprof.go)
bin/hugoprof: tools/hugoprof.go tools/hugo.mod tools/hugo.sum
	@mkdir -p bin
	$(GO) build -modfile=tools/hugo.mod -o $@ tools/hugoprof.go
