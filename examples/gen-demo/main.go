// Command gen-demo writes the synthetic demo dataset in examples/demo/.
//
//	go run ./examples/gen-demo [-data data] [-out examples/demo]
//
// The plan document, its policies, agencies and targets are copied from the
// real dataset (the plan is not a result); targets gain baseline values, an
// explicit outlook method and two illustrative targets so that every goal
// kind appears. Everything else — areas and their yearly figures, sources,
// observations, budget lines and reports — is invented here, from fixed
// parameters and a fixed random seed, so that two runs write the same bytes.
//
// The deliberate flaws the site and its tests rely on are listed in
// examples/demo/README.md.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/schema"
)

// header is the first line of every file.
const header = "# DỮ LIỆU MINH HỌA — số liệu giả định, không phải kết quả thực tế / ILLUSTRATIVE DATA — synthetic, not real results\n"

var years = []int{2012, 2013, 2014, 2015}

func main() {
	data := flag.String("data", "data", "the real data folder to copy the plan from")
	out := flag.String("out", "examples/demo", "folder to write the demo dataset into")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen-demo:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	files := map[string]string{}
	for _, name := range []string{"plan", "policies", "agencies"} {
		src, err := os.ReadFile(filepath.Join(data, name+".yaml"))
		if err != nil {
			return err
		}
		files[name] = header + "# Bản sao của data/" + name + ".yaml: văn bản Kế hoạch, không phải kết quả / a copy of data/" + name + ".yaml: the plan, not a result.\n" + withoutSchemaLine(string(src))
	}
	targets, err := os.ReadFile(filepath.Join(data, "targets.yaml"))
	if err != nil {
		return err
	}
	if files["targets"], err = demoTargets(string(targets)); err != nil {
		return err
	}
	budget, err := os.ReadFile(filepath.Join(data, "budget.yaml"))
	if err != nil {
		return err
	}
	funds, err := fundsBlock(string(budget))
	if err != nil {
		return err
	}
	ds := build()
	files["site"] = siteYAML()
	files["areas"] = ds.areasYAML()
	files["sources"] = sourcesYAML()
	files["observations"] = observationsYAML()
	files["budget"] = budgetYAML(funds)
	files["reports"] = ds.reportsYAML()
	if err := sameAreas(data, ds); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	// Each file names its schema first, relative to the file: out is taken
	// to be relative to the repository root, as the default is.
	depth := len(strings.Split(filepath.ToSlash(filepath.Clean(out)), "/"))
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(out, n+".yaml"), []byte(schema.Comment(n, depth)+"\n"+files[n]), 0o644); err != nil {
			return err
		}
	}
	// The boundaries are real lines, not results: copied as they are.
	if geo, err := os.ReadFile(filepath.Join(data, "boundaries.geojson")); err == nil {
		if err := os.WriteFile(filepath.Join(out, "boundaries.geojson"), geo, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(out, "README.md"), []byte(readme), 0o644)
}

// withoutSchemaLine drops the line of a real data file that names its
// schema; the demo's files name theirs by their own path.
func withoutSchemaLine(src string) string {
	if first, rest, ok := strings.Cut(src, "\n"); ok && strings.HasPrefix(first, "# yaml-language-server:") {
		return rest
	}
	return src
}

// readme describes the dataset and where its deliberate features are.
const readme = `# DỮ LIỆU MINH HỌA — số liệu giả định, không phải kết quả thực tế / ILLUSTRATIVE DATA — synthetic, not real results

A synthetic, complete dataset for tests, screenshots and ` + "`make demo`" + `. ` + "`site.yaml`" + ` sets
` + "`demo: true`" + `, so every page carries the "dữ liệu minh họa / illustrative data" banner. The real
data in ` + "`data/`" + ` never borrows from it. Regenerate with ` + "`go run ./examples/gen-demo`" + ` (deterministic:
fixed seed); do not edit the YAML by hand.

## What is in it
- ` + "`plan.yaml`, `policies.yaml`, `agencies.yaml`" + `: copies of ` + "`data/`" + ` (the plan text is not a result).
- ` + "`targets.yaml`" + `: a copy of ` + "`data/targets.yaml`" + ` with synthetic 2012 baseline values, ` + "`method: growth_ratio`" + `
  on 1-1a, ` + "`method: linear`" + ` on 3b, and two illustrative targets not in the plan so that every goal
  kind appears: ` + "`2a-can-ngheo`" + ` (at_most 6.0, measure near_poor_rate) and ` + "`3-3b`" + ` (total 12).
- ` + "`areas.yaml`" + `: viet-nam, bac-giang, the 9 districts and the city (ids, names, coordinates and flags
  of the real data), the group luc-ngan-13-xa-ngheo (3 members named, member_count 13) and
  3 communes under each district and the city; figures 2012–2015 for every one of them.
- ` + "`observations.yaml`" + `: 2013–2015 values for every target without a measure, except 3i.
- ` + "`budget.yaml`" + `: the funds of ` + "`data/budget.yaml`" + `; lines for every policy × 2–3 funds × 2013–2015;
  1-3/ngan-sach-huyen by district, 2-1 in luc-ngan, 2-2 in hiep-hoa, 3-2 in son-dong.
- ` + "`reports.yaml`" + `: six reports, half-year and year, 2013–2015. ` + "`sources.yaml`" + `: made-up sources only.
- ` + "`../content/`" + `: the demo's pages (the content folder beside a data folder is its own): an
  illustrative about page in both languages, and a news item in Vietnamese only, so that the
  news list, its feed and an English page shown in Vietnamese all appear. Written by hand.

## Deliberate features
| what | where |
|---|---|
| province households ≠ sum of districts (about +1 %) | bac-giang, 2014 (stated 434559, districts 430086) |
| stated rate 0.1 points off its counts (checker warning) | tan-yen, 2013, poor_rate 7.20 (counts give 7.10) |
| provisional area figure | luc-nam, 2015 |
| a missing year | yen-the has no 2013 figure (the province's 2013 total still counts it) |
| budget gaps | no disbursed: 1-6/huy-dong-xa-hoi 2015, 3-1/quoc-te 2015; no planned: 1-8/quoc-te 2013; no allocated: 1-9/ngan-sach-tinh 2014 |
| allocated above planned | 3-2/ngan-sach-tw/son-dong 2015; 3-3 2014 (5 models built, 4 planned) |

## Target statuses (as designed)
| status | targets |
|---|---|
| achieved | 2a (7.90 % in 2015), 2a-son-dong (−4.5 points a year), 2a-nguoi-co-cong (zero), 3a, 3f, 3g, 1-1c, 3-3a |
| on track | 3d (latest a half-year value, 30/6/2015), 3k (2015 provisional), 1-1a (growth ratio, 50.3 against 50.5) |
| needs acceleration | 2a-luc-ngan (−3 points a year against 4–5), 3b, 3l (2015 an estimate), 1-1b, 2a-can-ngheo, 3-3b |
| off track | 2c, 3c |
| moving away | 3e |
| insufficient data | 3h (one observation, no baseline value) |
| no data | 3i (no observation); 2b is qualitative |
`

// ---------------------------------------------------------------- writing

// q quotes s as a YAML double-quoted scalar (a JSON string is one).
func q(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// tx is a text in both languages, written inline.
func tx(vi, en string) string { return "{vi: " + q(vi) + ", en: " + q(en) + "}" }

// block writes a text as literal blocks under key, indented by ind spaces.
func block(b *strings.Builder, ind int, key, vi, en string) {
	pad := strings.Repeat(" ", ind)
	fmt.Fprintf(b, "%s%s:\n", pad, key)
	for _, l := range []struct{ lang, s string }{{"vi", vi}, {"en", en}} {
		fmt.Fprintf(b, "%s  %s: |\n", pad, l.lang)
		for _, line := range strings.Split(strings.TrimRight(l.s, "\n"), "\n") {
			if line == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(b, "%s    %s\n", pad, line)
		}
	}
}

func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// rate is 100·n/N rounded to 2 decimals, as the figures state it.
func rate(n, total int) float64 { return math.Round(10000*float64(n)/float64(total)) / 100 }

// viNum writes a number the Vietnamese way, for prose: 12,11 and 44.541.
func viNum(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// enNum writes a number the English way: 12.11 and 44,541.
func enNum(v float64, dec int) string {
	s := viNum(v, dec)
	return strings.NewReplacer(".", ",", ",", ".").Replace(s)
}

// ---------------------------------------------------------------- site

func siteYAML() string {
	return header + `title:
  vi: "Minh họa: Giảm nghèo bền vững Bắc Giang 2013–2015"
  en: "Demo: Sustainable poverty reduction, Bắc Giang 2013–2015"
base_url: "/"
updated: "2026-11-27"
demo: true
`
}

// ---------------------------------------------------------------- targets

// baselines are the demo's baseline values (year 2012) of the targets that
// take their values from observations.
var baselines = []struct {
	id    string
	value string
}{
	{"2a-nguoi-co-cong", "356"},
	{"2c", "0.0"},
	{"3a", "78.5"},
	{"3b", "48.0"},
	{"3c", "72.0"},
	{"3d", "97.0"},
	{"3e", "88.0"},
	{"3f", "91.0"},
	{"3g", "96.4"},
	{"3k", "94.0"},
	{"3l", "60.0"},
	{"1-1a", "40.2"},
	{"1-1b", "25.0"},
	{"1-1c", "66.0"},
}

// methods names the targets given an explicit outlook method.
var methods = map[string]string{"1-1a": "growth_ratio", "3b": "linear"}

const targetsIntro = `#
# Bản sao của data/targets.yaml, có thêm cho bản minh họa: giá trị gốc năm 2012 (giả định) của
# các chỉ tiêu lấy số liệu từ observations.yaml; method: growth_ratio cho 1-1a và method: linear
# cho 3b; hai chỉ tiêu minh họa không có trong Kế hoạch (2a-can-ngheo: at_most, 3-3b: total) để
# mọi loại mục tiêu đều xuất hiện. 3h và 3i cố ý không có giá trị gốc.
# A copy of data/targets.yaml with, for the demo: synthetic 2012 baseline values for the targets
# measured by observations; method: growth_ratio on 1-1a and method: linear on 3b; two
# illustrative targets that are not in the plan (2a-can-ngheo: at_most, 3-3b: total) so that
# every goal kind appears. 3h and 3i deliberately have no baseline value.
`

const extraTargets = `
  # Chỉ tiêu minh họa, không có trong Kế hoạch: loại mục tiêu at_most, đo bằng near_poor_rate.
  # An illustrative target, not in the plan: an at_most goal, measured by near_poor_rate.
  - id: 2a-can-ngheo
    section: ii-2-a
    name: {vi: "Tỷ lệ hộ cận nghèo toàn tỉnh (chỉ tiêu minh họa)", en: "Province near-poor household rate (illustrative target)"}
    description:
      vi: "Chỉ tiêu minh họa, không có trong Kế hoạch: đến năm 2015 tỷ lệ hộ cận nghèo của tỉnh không quá 6,0%"
      en: "An illustrative target, not in the plan: by 2015 the province's near-poor household rate is no more than 6.0 %"
    unit: percent
    scope: bac-giang
    measure: near_poor_rate
    goal: {at_most: 6.0}
    baseline: {year: 2012}
    by: 2015
    policies: [1-2, 1-4]
    agencies: [so-ldtbxh]
    compare: [viet-nam]
    note:
      vi: "Chỉ có trong dữ liệu minh họa."
      en: "In the demo data only."

  # Chỉ tiêu minh họa, không có trong Kế hoạch: loại mục tiêu total (cộng dồn).
  # An illustrative target, not in the plan: a total (cumulative) goal.
  - id: 3-3b
    section: iii-3-3
    name: {vi: "Tổng số mô hình giảm nghèo 2013–2015 (chỉ tiêu minh họa)", en: "Poverty-reduction models built in 2013–2015 (illustrative target)"}
    description:
      vi: "Chỉ tiêu minh họa, không có trong Kế hoạch: xây dựng tổng cộng 12 mô hình giảm nghèo trong giai đoạn 2013–2015"
      en: "An illustrative target, not in the plan: build 12 poverty-reduction models in all over 2013–2015"
    unit: count
    scope: bac-giang
    goal: {total: 12}
    baseline: {year: 2012, value: 0, source: demo-chi-tieu-2012}
    by: 2015
    policies: [3-3]
    agencies: [so-ldtbxh]
    unit_cost: {value: 500, unit: million_vnd}
    note:
      vi: "Chỉ có trong dữ liệu minh họa."
      en: "In the demo data only."
`

// demoTargets rewrites the real targets.yaml for the demo.
func demoTargets(src string) (string, error) {
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	start := slices.Index(lines, "targets:")
	if start < 0 {
		return "", fmt.Errorf("targets.yaml: no line \"targets:\"")
	}
	// Each target's block, by id, as a range of lines.
	type span struct{ from, to int }
	blocks := map[string]span{}
	id := ""
	for i := start + 1; i < len(lines); i++ {
		if rest, ok := strings.CutPrefix(lines[i], "  - id: "); ok {
			id = strings.TrimSpace(rest)
			blocks[id] = span{i, len(lines)}
			continue
		}
		if id != "" && strings.HasPrefix(lines[i], "  - ") {
			return "", fmt.Errorf("targets.yaml:%d: expected \"  - id: \" to start a target", i+1)
		}
		if id != "" {
			b := blocks[id]
			b.to = i + 1
			blocks[id] = b
		}
	}
	find := func(id, prefix string) (int, error) {
		b, ok := blocks[id]
		if !ok {
			return 0, fmt.Errorf("targets.yaml: no target %s", id)
		}
		for i := b.from; i < b.to; i++ {
			if strings.HasPrefix(lines[i], prefix) {
				return i, nil
			}
		}
		return 0, fmt.Errorf("targets.yaml: target %s has no line %q", id, strings.TrimSpace(prefix))
	}
	for _, bl := range baselines {
		i, err := find(bl.id, "    baseline: {year: 2012}")
		if err != nil {
			return "", err
		}
		lines[i] = "    baseline: {year: 2012, value: " + bl.value + ", source: demo-chi-tieu-2012}"
	}
	// Insert the methods after "by:", from the bottom up so indexes hold.
	var at []int
	ins := map[int]string{}
	for id, m := range methods {
		i, err := find(id, "    by: ")
		if err != nil {
			return "", err
		}
		at = append(at, i)
		ins[i] = "    method: " + m
	}
	slices.Sort(at)
	for _, i := range slices.Backward(at) {
		lines = slices.Insert(lines, i+1, ins[i])
	}
	body := strings.Join(lines[start:], "\n") + "\n"
	return header + targetsIntro + body + extraTargets, nil
}

// fundsBlock is the funds: list of the real budget.yaml, up to lines:.
func fundsBlock(src string) (string, error) {
	i := strings.Index(src, "\nfunds:\n")
	j := strings.Index(src, "\nlines:")
	if i < 0 || j < i {
		return "", fmt.Errorf("budget.yaml: no \"funds:\" list followed by \"lines:\"")
	}
	return strings.TrimRight(src[i+1:j], "\n") + "\n", nil
}

// ---------------------------------------------------------------- areas

// A figure is one year of an area's household counts.
type figure struct {
	year                 int
	households           int
	poor, nearPoor, left int
	// stated rates; equal to the counts' rates unless deliberately off.
	poorRate, nearRate float64
	status, source     string
	noteVI, noteEN     string
}

// An area is a demo area with its figures.
type area struct {
	id, parent, kind string
	vi, en           string
	flags            []string
	flagCounts       string // written as is: "{atk: 16}"
	lat, lon         string
	areaKM2          string
	members          []string
	memberCount      int
	figures          []figure
	facts            []string // written as is, one flow mapping each
	noteVI, noteEN   string
}

// A dataset is the demo's areas, in the order they are written.
type dataset struct {
	areas []*area
	byID  map[string]*area
}

// districtSpec sets a district's households in 2012, their yearly growth,
// and its poor and near-poor rates (percent) for 2011–2015.
type districtSpec struct {
	id, vi, en string
	lat, lon   string
	households int
	growth     float64
	poor       [5]float64
	near       [5]float64
	communes   []communeSpec
}

// communeSpec sets a commune: its rates are its district's (or, for
// members of the Lục Ngạn group, the group's) times factor.
type communeSpec struct {
	id, vi, en string
	flags      []string
	households int
	factor     float64
}

var districts = []districtSpec{
	{"tp-bac-giang", "Thành phố Bắc Giang", "Bắc Giang City", "21.2774", "106.192", 40150, 0.012,
		[5]float64{3.10, 2.60, 2.10, 1.60, 1.20}, [5]float64{4.2, 3.9, 3.6, 3.2, 2.9},
		[]communeSpec{
			{"da-mai", "Đa Mai", "Đa Mai", nil, 1480, 0.9},
			{"song-mai", "Song Mai", "Song Mai", nil, 1820, 1.4},
			{"dinh-tri", "Dĩnh Trì", "Dĩnh Trì", nil, 2260, 1.6},
		}},
	{"hiep-hoa", "Hiệp Hòa", "Hiệp Hòa", "21.3552", "105.979", 58200, 0.009,
		[5]float64{8.10, 6.80, 5.60, 4.70, 3.80}, [5]float64{6.1, 5.6, 5.0, 4.6, 4.1},
		[]communeSpec{
			{"hoang-van", "Hoàng Vân", "Hoàng Vân", []string{"atk"}, 1740, 1.5},
			{"thai-son", "Thái Sơn", "Thái Sơn", []string{"atk"}, 1960, 1.3},
			{"dai-thanh", "Đại Thành", "Đại Thành", nil, 2380, 0.8},
		}},
	{"lang-giang", "Lạng Giang", "Lạng Giang", "21.3506", "106.259", 52400, 0.008,
		[5]float64{10.40, 9.00, 7.70, 6.50, 5.40}, [5]float64{8.6, 8.1, 7.6, 7.0, 6.5},
		[]communeSpec{
			{"huong-son", "Hương Sơn", "Hương Sơn", nil, 2540, 1.3},
			{"quang-thinh", "Quang Thịnh", "Quang Thịnh", nil, 2120, 1.1},
			{"nghia-hung", "Nghĩa Hưng", "Nghĩa Hưng", nil, 1650, 0.9},
		}},
	{"luc-nam", "Lục Nam", "Lục Nam", "21.3091", "106.391", 51800, 0.008,
		[5]float64{14.90, 13.20, 11.60, 10.00, 8.60}, [5]float64{10.8, 10.2, 9.6, 9.1, 8.5},
		[]communeSpec{
			{"binh-son", "Bình Sơn", "Bình Sơn", []string{"dbkk"}, 1230, 2.4},
			{"truong-son", "Trường Sơn", "Trường Sơn", []string{"dbkk"}, 1570, 2.0},
			{"cam-ly", "Cẩm Lý", "Cẩm Lý", nil, 1890, 1.2},
		}},
	{"luc-ngan", "Lục Ngạn", "Lục Ngạn", "21.3724", "106.566", 50100, 0.009,
		[5]float64{28.0, 25.80, 23.60, 21.50, 19.50}, [5]float64{11.8, 11.4, 10.9, 10.5, 10.0},
		[]communeSpec{
			{"tan-moc", "Tân Mộc", "Tân Mộc", []string{"poor_commune"}, 1120, 0.93},
			{"dong-coc", "Đồng Cốc", "Đồng Cốc", []string{"poor_commune"}, 1310, 0.88},
			{"bien-son", "Biên Sơn", "Biên Sơn", []string{"poor_commune", "dbkk"}, 1460, 1.05},
		}},
	{"son-dong", "Sơn Động", "Sơn Động", "21.335", "106.849", 17900, 0.010,
		[5]float64{49.7, 45.20, 40.70, 36.20, 31.70}, [5]float64{13.0, 12.8, 12.5, 12.1, 11.6},
		[]communeSpec{
			{"an-lap", "An Lập", "An Lập", []string{"dbkk"}, 1010, 1.1},
			{"van-son", "Vân Sơn", "Vân Sơn", []string{"poor_commune", "dbkk"}, 760, 1.3},
			{"an-chau", "An Châu", "An Châu", nil, 1940, 0.6},
		}},
	{"tan-yen", "Tân Yên", "Tân Yên", "21.3873", "106.127", 43300, 0.008,
		[5]float64{9.70, 8.40, 7.10, 6.00, 4.90}, [5]float64{7.9, 7.4, 6.9, 6.4, 5.9},
		[]communeSpec{
			{"cao-xa", "Cao Xá", "Cao Xá", nil, 2210, 0.9},
			{"lam-cot", "Lam Cốt", "Lam Cốt", nil, 1590, 1.2},
			{"phuc-hoa", "Phúc Hòa", "Phúc Hòa", nil, 1830, 1.4},
		}},
	{"viet-yen", "Việt Yên", "Việt Yên", "21.2733", "106.101", 43600, 0.011,
		[5]float64{7.30, 6.20, 5.10, 4.20, 3.40}, [5]float64{6.7, 6.2, 5.7, 5.2, 4.8},
		[]communeSpec{
			{"nghia-trung", "Nghĩa Trung", "Nghĩa Trung", nil, 1960, 1.5},
			{"minh-duc", "Minh Đức", "Minh Đức", nil, 1720, 1.2},
			{"thuong-lan", "Thượng Lan", "Thượng Lan", nil, 2050, 0.9},
		}},
	{"yen-dung", "Yên Dũng", "Yên Dũng", "21.2006", "106.248", 39800, 0.007,
		[5]float64{9.20, 8.00, 6.80, 5.70, 4.70}, [5]float64{8.3, 7.7, 7.1, 6.6, 6.0},
		[]communeSpec{
			{"tien-phong", "Tiền Phong", "Tiền Phong", nil, 1880, 1.2},
			{"lang-son", "Lãng Sơn", "Lãng Sơn", nil, 1540, 1.3},
			{"dong-phuc", "Đồng Phúc", "Đồng Phúc", nil, 1270, 1.6},
		}},
	{"yen-the", "Yên Thế", "Yên Thế", "21.4732", "106.127", 25200, 0.009,
		[5]float64{17.20, 15.30, 13.40, 11.60, 9.90}, [5]float64{11.2, 10.6, 10.0, 9.5, 8.9},
		[]communeSpec{
			{"xuan-luong", "Xuân Lương", "Xuân Lương", []string{"atk", "dbkk"}, 1350, 1.9},
			{"canh-nau", "Canh Nậu", "Canh Nậu", []string{"dbkk"}, 1680, 1.6},
			{"dong-vuong", "Đồng Vương", "Đồng Vương", []string{"atk"}, 1150, 1.4},
		}},
}

// The Lục Ngạn group of 13 poor communes: about 60 % poor in 2012, falling
// about 3 points a year, short of the 4–5 points the plan asks.
var groupSpec = districtSpec{
	households: 14650, growth: 0.008,
	poor: [5]float64{63.3, 60.20, 57.10, 54.10, 51.20},
	near: [5]float64{14.1, 14.5, 14.9, 15.2, 15.4},
}

// The country: synthetic national rates.
var countrySpec = districtSpec{
	households: 22050000, growth: 0.015,
	poor: [5]float64{11.8, 9.62, 7.84, 6.01, 4.46}, near: [5]float64{6.6, 6.55, 6.30, 6.05, 5.42},
}

// series works out the figures of an area from its parameters: counts from
// rates, rates back from counts, and households leaving poverty as the fall
// in poor households plus 6 % of last year's poor (those who left while
// others fell into poverty). jitter perturbs each year's rates.
func series(households int, growth float64, poor, near [5]float64, factor float64, jitter func() float64, source func(int) string) []figure {
	var out []figure
	prevPoor := 0
	for k := range 5 {
		year := 2011 + k
		h := int(math.Round(float64(households) * math.Pow(1+growth, float64(year-2012))))
		pr := poor[k]*factor + jitter()
		nr := near[k]*min(factor, 1.6) + jitter()
		p := int(math.Round(float64(h) * pr / 100))
		n := int(math.Round(float64(h) * nr / 100))
		if k > 0 {
			left := prevPoor - p + int(math.Round(0.06*float64(prevPoor)))
			out = append(out, figure{year: year, households: h, poor: p, nearPoor: n, left: left,
				poorRate: rate(p, h), nearRate: rate(n, h), status: plan.Final, source: source(year)})
		}
		prevPoor = p
	}
	return out
}

func survey(year int) string { return fmt.Sprintf("demo-ra-soat-%d", year) }

func build() *dataset {
	rng := rand.New(rand.NewPCG(2013, 2015))
	none := func() float64 { return 0 }
	ds := &dataset{byID: map[string]*area{}}
	add := func(a *area) *area {
		ds.areas = append(ds.areas, a)
		ds.byID[a.id] = a
		return a
	}
	add(&area{id: "viet-nam", kind: "country", vi: "Việt Nam", en: "Việt Nam",
		figures: series(countrySpec.households, countrySpec.growth, countrySpec.poor, countrySpec.near, 1, none,
			func(int) string { return "demo-ca-nuoc" }),
		noteVI: "Số liệu cả nước giả định, chỉ để so sánh trong bản minh họa.",
		noteEN: "Synthetic national figures, for comparison in the demo only."})
	prov := add(&area{id: "bac-giang", parent: "viet-nam", kind: "province", vi: "Bắc Giang", en: "Bắc Giang",
		areaKM2: "3827.4", lat: "21.2774", lon: "106.192",
		facts: []string{
			`{year: 2012, label: {vi: "Số xã ĐBKK đầu kỳ", en: "ĐBKK communes at the start"}, value: 82, unit: count, source: demo-chi-tieu-2012}`,
			`{year: 2014, label: {vi: "Dân số cuối năm", en: "Population, end of year"}, value: 1631200, unit: persons, source: demo-nien-giam-2014}`,
		},
		noteVI: "Số hộ của tỉnh bằng tổng số hộ của 10 huyện, thành phố, trừ năm 2014 (lệch cố ý khoảng 1%).",
		noteEN: "The province's households are the sum of its 10 districts' and city's, except in 2014 (off by about 1 % on purpose)."})
	var sums [4]figure
	for _, d := range districts {
		kind := "district"
		if d.id == "tp-bac-giang" {
			kind = "city"
		}
		a := add(&area{id: d.id, parent: "bac-giang", kind: kind, vi: d.vi, en: d.en, lat: d.lat, lon: d.lon,
			figures: series(d.households, d.growth, d.poor, d.near, 1, none, survey)})
		for i, f := range a.figures {
			sums[i].households += f.households
			sums[i].poor += f.poor
			sums[i].nearPoor += f.nearPoor
			sums[i].left += f.left
		}
		switch d.id {
		case "son-dong":
			a.flags = []string{"30a"}
			a.facts = []string{`{year: 2014, label: {vi: "Mật độ dân số", en: "Population density"}, value: 85.2, unit: persons_per_km2, source: demo-nien-giam-2014}`}
		case "luc-ngan":
			a.flagCounts = "{poor_commune: 13}"
		case "hiep-hoa":
			a.flagCounts = "{atk: 16}"
		case "luc-nam":
			// A provisional figure.
			f := &a.figures[3]
			f.status = plan.Provisional
			f.source = "demo-so-bo-2015"
			f.noteVI = "Số liệu sơ bộ, chờ phúc tra (minh họa trạng thái provisional)."
			f.noteEN = "Preliminary figure, awaiting re-check (shows the provisional status)."
		case "tan-yen":
			// A stated rate 0.1 points off its counts: the checker warns.
			f := &a.figures[1]
			f.poorRate = math.Round(100*(f.poorRate+0.10)) / 100
			f.noteVI = "Cố ý: tỷ lệ ghi lệch 0,1 điểm so với tỷ lệ tính từ số hộ, để minh họa cảnh báo của bộ kiểm tra."
			f.noteEN = "Deliberate: the stated rate is 0.1 points off the rate its counts give, to show the checker's warning."
		case "yen-the":
			// A gap: no 2013 figure (the province's 2013 total still counts it).
			a.figures = slices.Delete(a.figures, 1, 2)
			a.noteVI = "Năm 2013 không có số liệu: khoảng trống cố ý của bản minh họa (số của tỉnh năm 2013 vẫn tính cả huyện)."
			a.noteEN = "No 2013 figure: a deliberate gap in the demo (the province's 2013 total still includes the district)."
		}
		if d.id == "luc-ngan" {
			g := add(&area{id: "luc-ngan-13-xa-ngheo", parent: "luc-ngan", kind: "group",
				vi: "13 xã nghèo huyện Lục Ngạn", en: "The 13 poor communes of Lục Ngạn", memberCount: 13,
				figures: series(groupSpec.households, groupSpec.growth, groupSpec.poor, groupSpec.near, 1, none, survey),
				noteVI:  "Số liệu giả định của cả 13 xã; bản minh họa chỉ nêu tên 3 xã.",
				noteEN:  "Synthetic figures for all 13 communes; the demo names 3 of them."})
			for _, c := range d.communes {
				g.members = append(g.members, c.id)
			}
		}
		for _, c := range d.communes {
			base, poor, near := d, d.poor, d.near
			if d.id == "luc-ngan" {
				poor, near = groupSpec.poor, groupSpec.near
			}
			noise := 1 + 0.1*(rng.Float64()-0.5)
			jit := func() float64 { return 0.3 * (rng.Float64() - 0.5) }
			h := c.households + rng.IntN(60) - 30
			add(&area{id: c.id, parent: base.id, kind: "commune", vi: c.vi, en: c.en, flags: c.flags,
				figures: series(h, base.growth, poor, near, c.factor*noise, jit, survey)})
		}
	}
	for i, y := range years {
		s := sums[i]
		f := figure{year: y, households: s.households, poor: s.poor, nearPoor: s.nearPoor, left: s.left,
			status: plan.Final, source: survey(y)}
		if y == 2014 {
			// The deliberate mismatch: the province states about 1 % more
			// households than its districts add up to.
			f.households = s.households + int(math.Round(0.0104*float64(s.households)))
			f.noteVI = fmt.Sprintf("Cố ý: số hộ của tỉnh (%s) lệch khoảng 1%% so với tổng số hộ của các huyện, thành phố (%s), để minh họa cảnh báo khi số tổng không khớp.",
				viNum(float64(f.households), 0), viNum(float64(s.households), 0))
			f.noteEN = fmt.Sprintf("Deliberate: the province's households (%s) differ by about 1 %% from the sum of its districts and city (%s), to show the warning when a total does not add up.",
				enNum(float64(f.households), 0), enNum(float64(s.households), 0))
		}
		f.poorRate, f.nearRate = rate(f.poor, f.households), rate(f.nearPoor, f.households)
		prov.figures = append(prov.figures, f)
	}
	return ds
}

func (ds *dataset) areasYAML() string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`#
# Địa bàn và số liệu hộ nghèo hằng năm 2012–2015 (giả định). Tên, mã, tọa độ và cờ của tỉnh và
# các huyện giống dữ liệu thật; tên xã là tên xã có thật nhưng mọi con số đều giả định.
# Areas and yearly household figures 2012–2015 (synthetic). The ids, names, coordinates and flags
# of the province and districts are those of the real data; the communes bear real names but
# every number is invented.
#
# Cố ý / deliberate: bac-giang 2014 households ≠ Σ districts (~1 %); tan-yen 2013 poor_rate is
# 0.1 points off its counts (checker warning); luc-nam 2015 is provisional; yen-the has no 2013.
areas:
`)
	for i, a := range ds.areas {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  - id: %s\n", a.id)
		if a.parent != "" {
			fmt.Fprintf(&b, "    parent: %s\n", a.parent)
		}
		fmt.Fprintf(&b, "    kind: %s\n", a.kind)
		fmt.Fprintf(&b, "    name: %s\n", tx(a.vi, a.en))
		if len(a.flags) > 0 {
			fmt.Fprintf(&b, "    flags: [%s]\n", strings.Join(a.flags, ", "))
		}
		if a.flagCounts != "" {
			fmt.Fprintf(&b, "    flag_counts: %s\n", a.flagCounts)
		}
		if a.memberCount > 0 {
			fmt.Fprintf(&b, "    member_count: %d\n", a.memberCount)
			fmt.Fprintf(&b, "    members: [%s]\n", strings.Join(a.members, ", "))
		}
		if a.areaKM2 != "" {
			fmt.Fprintf(&b, "    area_km2: %s\n", a.areaKM2)
		}
		if a.lat != "" {
			fmt.Fprintf(&b, "    lat: %s\n    lon: %s\n", a.lat, a.lon)
		}
		if len(a.figures) > 0 {
			b.WriteString("    figures:\n")
		}
		for _, f := range a.figures {
			fmt.Fprintf(&b, "      - year: %d\n", f.year)
			fmt.Fprintf(&b, "        households: %d\n", f.households)
			fmt.Fprintf(&b, "        poor_households: %d\n", f.poor)
			fmt.Fprintf(&b, "        poor_rate: %s\n", f2(f.poorRate))
			fmt.Fprintf(&b, "        near_poor_households: %d\n", f.nearPoor)
			fmt.Fprintf(&b, "        near_poor_rate: %s\n", f2(f.nearRate))
			fmt.Fprintf(&b, "        left_poverty: %d\n", f.left)
			fmt.Fprintf(&b, "        status: %s\n", f.status)
			fmt.Fprintf(&b, "        source: %s\n", f.source)
			if f.noteVI != "" {
				fmt.Fprintf(&b, "        note:\n          vi: %s\n          en: %s\n", q(f.noteVI), q(f.noteEN))
			}
		}
		if len(a.facts) > 0 {
			b.WriteString("    facts:\n")
			for _, f := range a.facts {
				fmt.Fprintf(&b, "      - %s\n", f)
			}
		}
		if a.noteVI != "" {
			fmt.Fprintf(&b, "    note:\n      vi: %s\n      en: %s\n", q(a.noteVI), q(a.noteEN))
		}
	}
	return b.String()
}

// sameAreas checks that the demo's country, province, districts and group
// keep the real data's ids, kinds, parents, names, coordinates and flags.
func sameAreas(data string, ds *dataset) error {
	p, _ := load.Dir(data)
	var diffs []string
	for _, r := range p.Areas {
		if r.Kind == plan.KindCommune {
			continue
		}
		a := ds.byID[r.ID]
		if a == nil {
			diffs = append(diffs, r.ID+": missing from the demo")
			continue
		}
		coord := func(v *float64) string {
			if v == nil {
				return ""
			}
			return strconv.FormatFloat(*v, 'f', -1, 64)
		}
		flags := func(m map[string]int) string {
			if len(m) == 0 {
				return ""
			}
			var kv []string
			for k, v := range m {
				kv = append(kv, fmt.Sprintf("%s: %d", k, v))
			}
			slices.Sort(kv)
			return "{" + strings.Join(kv, ", ") + "}"
		}
		const layout = "kind %s, parent %s, name %s/%s, lat %s, lon %s, flags %v, flag_counts %s, member_count %d"
		got := fmt.Sprintf(layout, a.kind, a.parent, a.vi, a.en, a.lat, a.lon, a.flags, a.flagCounts, a.memberCount)
		want := fmt.Sprintf(layout, r.Kind, r.Parent, r.Name.VI, r.Name.EN, coord(r.Lat), coord(r.Lon), r.Flags, flags(r.FlagCounts), r.MemberCount)
		if got != want {
			diffs = append(diffs, fmt.Sprintf("%s: demo %q, real %q", r.ID, got, want))
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("areas differ from %s/areas.yaml:\n  %s", data, strings.Join(diffs, "\n  "))
	}
	return nil
}

// ---------------------------------------------------------------- sources

func sourcesYAML() string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`#
# Nguồn giả định: mọi nguồn ở đây là báo cáo minh họa, không có thật.
# Synthetic sources: every source here is an illustrative report that does not exist.
sources:
`)
	src := func(id, vi, en, date, url string) {
		fmt.Fprintf(&b, "  - id: %s\n    title:\n      vi: %s\n      en: %s\n", id, q(vi), q(en))
		b.WriteString("    publisher: \"Dữ liệu minh họa / Illustrative data\"\n")
		if url != "" {
			fmt.Fprintf(&b, "    url: %s\n", q(url))
		}
		fmt.Fprintf(&b, "    date: %s\n", q(date))
		b.WriteString("    note: {vi: \"Nguồn giả định của bản minh họa.\", en: \"A made-up source of the demo.\"}\n")
	}
	for _, y := range years {
		date := fmt.Sprintf("%d-12-31", y)
		if y == 2015 {
			date = "2016-01-20"
		}
		src(survey(y), fmt.Sprintf("Báo cáo minh họa: kết quả rà soát hộ nghèo, hộ cận nghèo năm %d", y),
			fmt.Sprintf("Illustrative report: survey of poor and near-poor households, %d", y), date,
			fmt.Sprintf("https://example.org/minh-hoa/ra-soat-%d", y))
	}
	src("demo-so-bo-2015", "Báo cáo minh họa: số liệu sơ bộ năm 2015", "Illustrative report: preliminary figures for 2015", "2015-12-15", "")
	src("demo-ca-nuoc", "Báo cáo minh họa: hộ nghèo, hộ cận nghèo cả nước 2012–2015", "Illustrative report: poor and near-poor households nationwide, 2012–2015", "2016-02-01", "https://example.org/minh-hoa/ca-nuoc")
	src("demo-nien-giam-2014", "Niên giám thống kê minh họa 2014", "Illustrative statistical yearbook 2014", "2015-06-30", "")
	for _, y := range years {
		src(fmt.Sprintf("demo-chi-tieu-%d", y), fmt.Sprintf("Báo cáo minh họa: kết quả thực hiện các chỉ tiêu giảm nghèo năm %d", y),
			fmt.Sprintf("Illustrative report: results of the poverty-reduction indicators, %d", y), fmt.Sprintf("%d-12-31", y), "")
	}
	src("demo-6-thang-2015", "Báo cáo minh họa: kết quả 6 tháng đầu năm 2015", "Illustrative report: results for the first half of 2015", "2015-06-30", "")
	src("demo-uoc-tinh-2015", "Báo cáo minh họa: ước tính kết quả năm 2015", "Illustrative report: estimated results for 2015", "2015-11-30", "")
	for _, y := range years[1:] {
		src(fmt.Sprintf("demo-ngan-sach-%d", y), fmt.Sprintf("Báo cáo minh họa: phân bổ và giải ngân vốn giảm nghèo năm %d", y),
			fmt.Sprintf("Illustrative report: allocation and disbursement of poverty-reduction funds, %d", y), fmt.Sprintf("%d-12-31", y), "")
	}
	return b.String()
}

// ---------------------------------------------------------------- observations

// An obs is one observation; half is 1 for a 30 June figure.
type obs struct {
	target, area string
	year, half   int
	value        string
	status       string
	source       string
	noteVI       string
	noteEN       string
}

// observations is every observation, by target; the comment on each target
// says the status its values are meant to produce (baseline values are in
// targets.yaml).
var observations = []struct {
	target, intent string
	obs            []obs
}{
	{"2a-nguoi-co-cong", "achieved: zero reached in 2015 (baseline 356)", yearly("2a-nguoi-co-cong", "214", "97", "0")},
	{"2c", "off track: 4.9 % of ĐBKK communes left by 2015 against 10 %", yearly("2c", "0.0", "2.4", "4.9")},
	{"3a", "achieved: 91.2 ≥ 90; also two district breakdowns", append(yearly("3a", "82.4", "86.9", "91.2"),
		obs{target: "3a", area: "son-dong", year: 2015, value: "74.0", status: plan.Final, source: "demo-chi-tieu-2015",
			noteVI: "Số của riêng huyện Sơn Động.", noteEN: "Sơn Động district alone."},
		obs{target: "3a", area: "luc-ngan", year: 2015, value: "86.5", status: plan.Final, source: "demo-chi-tieu-2015",
			noteVI: "Số của riêng huyện Lục Ngạn.", noteEN: "Lục Ngạn district alone."})},
	{"3b", "needs acceleration: pace 12.5/17 ≈ 0.74 of required", yearly("3b", "51.5", "55.2", "60.5")},
	{"3c", "off track: pace 1.9/8 ≈ 0.24 of required", yearly("3c", "72.8", "73.1", "73.9")},
	{"3d", "on track, latest a half-year figure: 99.6 at 30/6/2015, pace ≈ 1.04", append(yearly("3d", "98.2", "99.1"),
		obs{target: "3d", year: 2015, half: 1, value: "99.6", status: plan.Final, source: "demo-6-thang-2015",
			noteVI: "Số liệu 6 tháng đầu năm (đến 30/6/2015).", noteEN: "First-half figure (to 30 June 2015)."})},
	{"3e", "moving away: falls from 88.0 to 84.0", yearly("3e", "86.5", "85.1", "84.0")},
	{"3f", "achieved: 96.8 > 95", yearly("3f", "93.2", "95.4", "96.8")},
	{"3g", "achieved: 100 from 2014", yearly("3g", "98.7", "100.0", "100.0")},
	{"3h", "insufficient data: one observation, no baseline value", []obs{
		{target: "3h", year: 2014, value: "97.5", status: plan.Final, source: "demo-chi-tieu-2014",
			noteVI: "Số liệu duy nhất có được (cố ý, để minh họa trường hợp chưa đủ số liệu).",
			noteEN: "The only figure there is (on purpose, to show the insufficient-data case)."}}},
	// 3i: no observation at all (no data).
	{"3k", "on track, 2015 provisional: pace 5.8/6 ≈ 0.97", append(yearly("3k", "96.2", "98.3"),
		obs{target: "3k", year: 2015, value: "99.8", status: plan.Provisional, source: "demo-so-bo-2015",
			noteVI: "Số liệu sơ bộ.", noteEN: "Preliminary figure."})},
	{"3l", "needs acceleration, 2015 an estimate: pace 32/40 = 0.8", append(yearly("3l", "72.0", "85.0"),
		obs{target: "3l", year: 2015, value: "92.0", status: plan.Estimate, source: "demo-uoc-tinh-2015",
			noteVI: "Số ước tính đến cuối năm.", noteEN: "Estimated to the end of the year."})},
	{"1-1a", "on track by the growth-ratio method: 50.3 against 50.5, ratio ≈ 0.98", yearly("1-1a", "43.6", "47.1", "50.3")},
	{"1-1b", "needs acceleration: pace 5.4/8 ≈ 0.68", yearly("1-1b", "26.5", "28.0", "30.4")},
	{"1-1c", "achieved: 72.0 ≥ 70", yearly("1-1c", "68.5", "71.2", "72.0")},
	{"3-3a", "counts a year 3, 5, 2: average 3.3 within 3–5, 2015 below", yearly("3-3a", "3", "5", "2")},
	{"3-3b", "needs acceleration: 10 of 12 models by 2015", yearly("3-3b", "3", "8", "10")},
}

// yearly is final observations of 2013, 2014, … of a target.
func yearly(target string, values ...string) []obs {
	var out []obs
	for i, v := range values {
		y := 2013 + i
		out = append(out, obs{target: target, year: y, value: v, status: plan.Final, source: fmt.Sprintf("demo-chi-tieu-%d", y)})
	}
	return out
}

func observationsYAML() string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`#
# Giá trị đo được (giả định) của các chỉ tiêu không lấy số liệu từ areas.yaml. Trạng thái được
# chọn cho đa dạng; giá trị gốc năm 2012 nằm trong targets.yaml. 3i cố ý không có số liệu; 2b là
# chỉ tiêu định tính.
# Synthetic values of the targets that do not take their values from areas.yaml. The statuses
# are varied on purpose; the 2012 baselines are in targets.yaml. 3i deliberately has none; 2b is
# qualitative.
observations:
`)
	for i, t := range observations {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  # %s: %s\n", t.target, t.intent)
		for _, o := range t.obs {
			fmt.Fprintf(&b, "  - target: %s\n", o.target)
			if o.area != "" {
				fmt.Fprintf(&b, "    area: %s\n", o.area)
			}
			fmt.Fprintf(&b, "    year: %d\n", o.year)
			if o.half != 0 {
				fmt.Fprintf(&b, "    half: %d\n", o.half)
			}
			fmt.Fprintf(&b, "    value: %s\n    status: %s\n    source: %s\n", o.value, o.status, o.source)
			if o.noteVI != "" {
				fmt.Fprintf(&b, "    note: %s\n", tx(o.noteVI, o.noteEN))
			}
		}
	}
	return b.String()
}

// ---------------------------------------------------------------- budget

// A fundPlan is what one fund plans each year for a policy, in million VND,
// in one area or (area "") the whole province.
type fundPlan struct {
	fund, area string
	planned    float64
}

var policyFunds = []struct {
	policy string
	funds  []fundPlan
}{
	{"1-1", []fundPlan{{"ngan-sach-tw", "", 6000}, {"ngan-sach-tinh", "", 2500}, {"long-ghep", "", 1800}}},
	{"1-2", []fundPlan{{"tin-dung-csxh", "", 320000}, {"ngan-sach-tinh", "", 5000}}},
	{"1-3", []fundPlan{{"ngan-sach-tw", "", 3200}, {"nguon-luc-nguoi-ngheo", "", 1500}}}, // and ngan-sach-huyen by district
	{"1-4", []fundPlan{{"ngan-sach-tw", "", 42000}, {"ngan-sach-tinh", "", 6500}}},
	{"1-5", []fundPlan{{"ngan-sach-tw", "", 18000}, {"ngan-sach-tinh", "", 4200}}},
	{"1-6", []fundPlan{{"ngan-sach-tw", "", 12000}, {"tin-dung-csxh", "", 16000}, {"huy-dong-xa-hoi", "", 5500}}},
	{"1-7", []fundPlan{{"ngan-sach-tw", "", 26000}, {"ngan-sach-tinh", "", 7000}}},
	{"1-8", []fundPlan{{"ngan-sach-tinh", "", 900}, {"quoc-te", "", 400}}},
	{"1-9", []fundPlan{{"ngan-sach-tw", "", 9500}, {"ngan-sach-tinh", "", 1200}}},
	{"2-1", []fundPlan{{"ngan-sach-tinh", "luc-ngan", 8000}, {"ngan-sach-huyen", "luc-ngan", 1500}, {"long-ghep", "luc-ngan", 3000}}},
	{"2-2", []fundPlan{{"ngan-sach-tinh", "hiep-hoa", 5000}, {"ngan-sach-huyen", "hiep-hoa", 1000}}},
	{"3-1", []fundPlan{{"ngan-sach-tw", "", 38000}, {"ngan-sach-tinh", "", 6000}, {"quoc-te", "", 2500}}},
	{"3-2", []fundPlan{{"ngan-sach-tw", "son-dong", 35000}, {"ngan-sach-tinh", "son-dong", 4000}, {"long-ghep", "son-dong", 6000}}},
	{"3-3", []fundPlan{{"ngan-sach-tw", "", 1500}, {"ngan-sach-tinh", "", 500}}},
	{"3-4", []fundPlan{{"ngan-sach-tw", "", 1200}, {"ngan-sach-tinh", "", 400}}},
	{"3-5", []fundPlan{{"ngan-sach-tw", "", 600}, {"ngan-sach-tinh", "", 300}}},
	{"3-6", []fundPlan{{"ngan-sach-tw", "", 400}, {"ngan-sach-tinh", "", 200}}},
}

// A line is one budget line; a nil amount is unknown.
type line struct {
	policy, fund, area           string
	year                         int
	planned, allocated, disbursd *float64
	noteVI, noteEN               string
}

// models is the number of poverty-reduction models built each year
// (observations of 3-3a), each costing 500 million VND.
var models = map[int]float64{2013: 3, 2014: 5, 2015: 2}

func budgetLines() []line {
	rng := rand.New(rand.NewPCG(2013, 2016))
	ptr := func(v float64) *float64 { return &v }
	var out []line
	for _, pf := range policyFunds {
		fps := pf.funds
		if pf.policy == "1-3" {
			for _, d := range districts {
				fps = append(fps, fundPlan{"ngan-sach-huyen", d.id, math.Round(float64(d.households) / 200)})
			}
		}
		for _, fp := range fps {
			for _, y := range years[1:] {
				planned := math.Round(fp.planned * (1 + 0.08*float64(y-2013)))
				allocated := math.Round(planned * (0.82 + 0.18*rng.Float64()))
				disbursed := math.Round(allocated * (0.70 + 0.28*rng.Float64()))
				l := line{policy: pf.policy, fund: fp.fund, area: fp.area, year: y,
					planned: ptr(planned), allocated: ptr(allocated), disbursd: ptr(disbursed)}
				if pf.policy == "3-3" {
					// 4 models planned a year, more allocated when more
					// were built; disbursed for those built.
					share := fp.planned / 2000
					l.planned = ptr(4 * 500 * share)
					l.allocated = ptr(max(4, models[y]) * 500 * share)
					l.disbursd = ptr(models[y] * 500 * share)
				}
				out = append(out, l)
			}
		}
	}
	// Deliberate gaps and oddities.
	for i := range out {
		l := &out[i]
		switch {
		case l.policy == "1-6" && l.fund == "huy-dong-xa-hoi" && l.year == 2015,
			l.policy == "3-1" && l.fund == "quoc-te" && l.year == 2015:
			l.disbursd = nil
			l.noteVI, l.noteEN = "Chưa có số giải ngân (cố ý để trống).", "No disbursement figure yet (left out on purpose)."
		case l.policy == "1-8" && l.fund == "quoc-te" && l.year == 2013:
			l.planned = nil
			l.noteVI, l.noteEN = "Khoản tài trợ ngoài kế hoạch: không có số kế hoạch.", "A grant outside the plan: no planned figure."
		case l.policy == "1-9" && l.fund == "ngan-sach-tinh" && l.year == 2014:
			l.allocated = nil
			l.noteVI, l.noteEN = "Không rõ số được giao (cố ý để trống).", "Allocation unknown (left out on purpose)."
		case l.policy == "3-2" && l.fund == "ngan-sach-tw" && l.year == 2015:
			l.allocated = ptr(*l.planned + 5000)
			l.noteVI, l.noteEN = "Được bổ sung 5.000 triệu đồng ngoài kế hoạch.", "Topped up by 5,000 million VND beyond the plan."
		}
	}
	return out
}

func budgetYAML(funds string) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`#
# funds: bản sao danh sách nguồn vốn của data/budget.yaml (mục IV của Kế hoạch).
# lines: các khoản kinh phí giả định theo chính sách, nguồn vốn và năm (triệu đồng); một số
# khoản theo huyện (area). Cố ý để trống vài số (giải ngân 2015 của 1-6/huy-dong-xa-hoi và
# 3-1/quoc-te, kế hoạch 2013 của 1-8/quoc-te, số giao 2014 của 1-9/ngan-sach-tinh).
# funds: a copy of the funds of data/budget.yaml (section IV of the plan).
# lines: synthetic money by policy, fund and year (million VND); some lines by district (area).
# A few values are left out on purpose (see above).
`)
	b.WriteString(funds)
	b.WriteString("\nlines:\n")
	for _, l := range budgetLines() {
		fmt.Fprintf(&b, "  - policy: %s\n    fund: %s\n    year: %d\n", l.policy, l.fund, l.year)
		if l.area != "" {
			fmt.Fprintf(&b, "    area: %s\n", l.area)
		}
		for _, a := range []struct {
			key string
			v   *float64
		}{{"planned", l.planned}, {"allocated", l.allocated}, {"disbursed", l.disbursd}} {
			if a.v != nil {
				fmt.Fprintf(&b, "    %s: %s\n", a.key, strconv.FormatFloat(*a.v, 'f', -1, 64))
			}
		}
		fmt.Fprintf(&b, "    source: demo-ngan-sach-%d\n", l.year)
		if l.noteVI != "" {
			fmt.Fprintf(&b, "    note: %s\n", tx(l.noteVI, l.noteEN))
		}
	}
	return b.String()
}

// ---------------------------------------------------------------- reports

func (ds *dataset) reportsYAML() string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`#
# Sáu báo cáo định kỳ giả định (6 tháng và năm, 2013–2015); số liệu lấy từ các tệp minh họa khác.
# Six synthetic periodic reports (half-year and year, 2013–2015); the numbers are the demo's own.
reports:
`)
	prov := ds.byID["bac-giang"]
	fig := func(id string, year int) *figure {
		for i, f := range ds.byID[id].figures {
			if f.year == year {
				return &ds.byID[id].figures[i]
			}
		}
		return nil
	}
	for i, y := range years[1:] {
		cur, prev := prov.figures[i+1], prov.figures[i]
		sd, sdPrev := fig("son-dong", y), fig("son-dong", y-1)
		ln, lnPrev := fig("luc-ngan-13-xa-ngheo", y), fig("luc-ngan-13-xa-ngheo", y-1)
		for _, half := range []bool{true, false} {
			if i > 0 || !half {
				b.WriteString("\n")
			}
			id, date, period := fmt.Sprintf("bao-cao-%d-nam", y), fmt.Sprintf("%d-12-31", y), "year"
			titleVI := fmt.Sprintf("Báo cáo minh họa: kết quả thực hiện Kế hoạch giảm nghèo năm %d", y)
			titleEN := fmt.Sprintf("Illustrative report: results of the poverty-reduction plan, %d", y)
			if half {
				id, date, period = fmt.Sprintf("bao-cao-%d-6-thang", y), fmt.Sprintf("%d-06-30", y), "half-year"
				titleVI = fmt.Sprintf("Báo cáo minh họa: kết quả 6 tháng đầu năm %d", y)
				titleEN = fmt.Sprintf("Illustrative report: results for the first half of %d", y)
			}
			fmt.Fprintf(&b, "  - id: %s\n    date: %q\n    period: %s\n    agency: so-ldtbxh\n", id, date, period)
			fmt.Fprintf(&b, "    title:\n      vi: %s\n      en: %s\n", q(titleVI), q(titleEN))
			var vi, en string
			closingVI, closingEN := "", ""
			if y == 2015 {
				closingVI = fmt.Sprintf("\n## Kết thúc giai đoạn 2013–2015\n\nTỷ lệ hộ nghèo toàn tỉnh giảm từ %s%% (2012) xuống %s%% (2015), vượt mục tiêu 8,5–9,0%% của Kế hoạch; huyện Sơn Động giảm bình quân %s điểm mỗi năm.\n",
					viNum(prov.figures[0].poorRate, 2), viNum(cur.poorRate, 2), viNum((fig("son-dong", 2012).poorRate-sd.poorRate)/3, 2))
				closingEN = fmt.Sprintf("\n## End of the 2013–2015 period\n\nThe province's poor-household rate fell from %s %% (2012) to %s %% (2015), beyond the plan's 8.5–9.0 %% target; Sơn Động district fell by %s points a year on average.\n",
					enNum(prov.figures[0].poorRate, 2), enNum(cur.poorRate, 2), enNum((fig("son-dong", 2012).poorRate-sd.poorRate)/3, 2))
			}
			disclaimerVI := "*Báo cáo minh họa: mọi số liệu dưới đây là giả định, không phải kết quả thực tế.*\n"
			disclaimerEN := "*Illustrative report: every figure below is synthetic, not a real result.*\n"
			if half {
				// Half-year: halfway between last year's figure and this year's, as an estimate.
				mid := (prev.poorRate + cur.poorRate) / 2
				midNear := (prev.nearRate + cur.nearRate) / 2
				vi = disclaimerVI + fmt.Sprintf(`
## Tình hình chung

Sáu tháng đầu năm %d, các huyện, thành phố tiếp tục triển khai các chính sách giảm nghèo. Tỷ lệ hộ nghèo toàn tỉnh ước khoảng %s%% (cuối năm %d: %s%%).

| Chỉ tiêu | Cuối năm %d | Ước 30/6/%d |
|---|---:|---:|
| Tỷ lệ hộ nghèo (%%) | %s | %s |
| Tỷ lệ hộ cận nghèo (%%) | %s | %s |

## Kết quả chủ yếu

- Cấp thẻ bảo hiểm y tế cho người nghèo đúng thời hạn.
- Giải ngân vốn tín dụng ưu đãi theo kế hoạch của Ngân hàng Chính sách xã hội.
- Khởi công các công trình hạ tầng ở xã, thôn ĐBKK.

## Nhiệm vụ 6 tháng cuối năm

Tập trung rà soát hộ nghèo, hộ cận nghèo cuối năm và đẩy nhanh giải ngân các nguồn vốn.
`, y, viNum(mid, 1), y-1, viNum(prev.poorRate, 2),
					y-1, y, viNum(prev.poorRate, 2), viNum(mid, 1), viNum(prev.nearRate, 2), viNum(midNear, 1))
				en = disclaimerEN + fmt.Sprintf(`
## Overview

In the first half of %d the districts and the city went on carrying out the poverty-reduction policies. The province's poor-household rate is estimated at about %s %% (end of %d: %s %%).

| Indicator | End of %d | Estimate, 30 June %d |
|---|---:|---:|
| Poor-household rate (%%) | %s | %s |
| Near-poor household rate (%%) | %s | %s |

## Main results

- Health-insurance cards issued to poor people on time.
- Preferential credit disbursed as the Social Policy Bank planned.
- Infrastructure works started in extremely difficult communes and villages.

## Tasks for the second half

Concentrate on the year-end survey of poor and near-poor households and speed up the disbursement of funds.
`, y, enNum(mid, 1), y-1, enNum(prev.poorRate, 2),
					y-1, y, enNum(prev.poorRate, 2), enNum(mid, 1), enNum(prev.nearRate, 2), enNum(midNear, 1))
			} else {
				vi = disclaimerVI + fmt.Sprintf(`
## Kết quả giảm nghèo năm %d

Theo kết quả rà soát cuối năm, toàn tỉnh còn %s hộ nghèo; %s hộ thoát nghèo trong năm.

| Địa bàn | Tỷ lệ hộ nghèo %d (%%) | Tỷ lệ hộ nghèo %d (%%) |
|---|---:|---:|
| Toàn tỉnh | %s | %s |
| Huyện Sơn Động | %s | %s |
| 13 xã nghèo huyện Lục Ngạn | %s | %s |

## Đánh giá

- Tỷ lệ hộ nghèo toàn tỉnh giảm %s điểm phần trăm.
- Khu vực 13 xã nghèo huyện Lục Ngạn giảm %s điểm, thấp hơn mục tiêu 4–5 điểm mỗi năm.
- Một số chỉ tiêu hạ tầng và đào tạo nghề cần đẩy nhanh tiến độ.
`, y, viNum(float64(cur.poor), 0), viNum(float64(cur.left), 0), y-1, y,
					viNum(prev.poorRate, 2), viNum(cur.poorRate, 2),
					viNum(sdPrev.poorRate, 2), viNum(sd.poorRate, 2),
					viNum(lnPrev.poorRate, 2), viNum(ln.poorRate, 2),
					viNum(prev.poorRate-cur.poorRate, 2), viNum(lnPrev.poorRate-ln.poorRate, 2)) + closingVI
				en = disclaimerEN + fmt.Sprintf(`
## Poverty reduction in %d

According to the year-end survey, the province has %s poor households left; %s households left poverty during the year.

| Area | Poor-household rate %d (%%) | Poor-household rate %d (%%) |
|---|---:|---:|
| Province | %s | %s |
| Sơn Động district | %s | %s |
| Lục Ngạn's 13 poor communes | %s | %s |

## Assessment

- The province's poor-household rate fell by %s percentage points.
- Lục Ngạn's 13 poor communes fell by %s points, less than the 4–5 points a year the plan asks.
- Some infrastructure and vocational-training indicators need to speed up.
`, y, enNum(float64(cur.poor), 0), enNum(float64(cur.left), 0), y-1, y,
					enNum(prev.poorRate, 2), enNum(cur.poorRate, 2),
					enNum(sdPrev.poorRate, 2), enNum(sd.poorRate, 2),
					enNum(lnPrev.poorRate, 2), enNum(ln.poorRate, 2),
					enNum(prev.poorRate-cur.poorRate, 2), enNum(lnPrev.poorRate-ln.poorRate, 2)) + closingEN
			}
			block(&b, 4, "body", vi, en)
		}
	}
	return b.String()
}
