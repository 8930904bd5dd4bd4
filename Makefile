# The README's two commands are `make site` and `make test`.
# Hugo is pinned in tools/hugo.mod and compiled once into bin/ (about 90 s).

GO      ?= go
DATA    ?= data
OUT     ?= site
export CGO_ENABLED = 0

HUGO      := bin/hugo
GENERATOR := bin/generator

.PHONY: site check test test-go lint serve demo clean fuzz

## site: check data/, emit site/, build site/public (the main job)
site: $(HUGO) $(GENERATOR)
	$(GENERATOR) build -data $(DATA) -out $(OUT) -hugo $(HUGO)

## check: check the data only
check: $(GENERATOR)
	$(GENERATOR) check -data $(DATA)

## demo: build the synthetic demo dataset into site-demo/
demo: $(HUGO) $(GENERATOR)
	$(GENERATOR) build -data examples/demo -out site-demo -hugo $(HUGO)

## test: every test and gate
test: lint test-go

lint:
	@unformatted=$$(gofmt -l generator themes); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

test-go: $(HUGO)
	PLANSITE_HUGO=$(abspath $(HUGO)) $(GO) test -count=1 ./...

## fuzz: run the loader's fuzz target (FUZZTIME=10m for longer)
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./generator/load -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME)

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

## nightly: what the nightly job runs: check the data, run every test, then build
## site/public. A failed step stops make, and build replaces site/public only when
## it succeeds, so site/public is ready to publish exactly when everything passed.
## FORMAT=github prints the data's problems as pull-request annotations.
FORMAT ?= text
.PHONY: nightly schemas
nightly: $(HUGO) $(GENERATOR)
	$(GENERATOR) check -data $(DATA) -format $(FORMAT)
	$(MAKE) test
	$(GENERATOR) build -data $(DATA) -out $(OUT) -hugo $(HUGO) -format $(FORMAT)

## schemas: rewrite schemas/*.schema.json after a change to the Go types
schemas:
	$(GO) test ./generator/schema -run TestSchemasMatchTypes -update

## bench: the performance benchmark (README, Performance): the shipped data and a
## synthetic national-scale dataset, per stage, and the pipeline against Hugo alone.
## Its last line is "ratio pipeline/hugo-alone: X.XX". BENCH_SCALE=tenth runs a
## tenth of national scale (and says so); BENCH_RUNS sets the runs (median).
BENCH_RUNS ?= 3
.PHONY: bench
bench: $(HUGO) $(GENERATOR)
	$(GO) build -o bin/bench ./generator/bench
	bin/bench -generator $(GENERATOR) -hugo $(HUGO) -data $(DATA) -runs $(BENCH_RUNS)
