// Package synth makes a synthetic dataset shaped like the real one, at any
// scale up to the whole country: the country, its provinces, their
// districts and communes with flags and yearly household figures, a plan
// with targets for the country and for each province, observations, policies,
// agencies, sources, budget lines and reports. It exists to measure the
// pipeline (make bench) at national scale: 63 provinces, about 700
// districts and 10,600 communes give over 20,000 pages.
//
// Every file says on its first line that the data is synthetic, site.yaml
// sets demo: true and the site's title says so. The same Options give the
// same bytes: all randomness comes from a PCG seeded with Options.Seed.
// Counts add up (a district's households are the sum of its communes', and
// so on up to the country) and stated rates agree with their counts, so the
// checker has nothing to say about a synthetic dataset.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Options size a dataset.
type Options struct {
	Provinces int // provinces under the country
	// Districts in all, cities included; 0 means about 11 a province, as
	// in Viet Nam (700 for 63).
	Districts int
	Communes  int    // communes in all
	Years     int    // years of figures; the first is the baseline year
	Seed      uint64 // seed of the random numbers

	// Targets in all; 0 means the plan's own: 9 national and 2 a province.
	// More are further health-insurance targets of the provinces, taken in
	// turn (3b-<province>-<n>), each with its observations: they measure
	// how the build grows with the number of targets.
	Targets int
}

// National is the scale of Viet Nam: 63 provinces, 700 districts, 10,600
// communes, 6 years, the plan's own 135 targets.
func National() Options {
	return Options{Provinces: 63, Districts: 700, Communes: 10600, Years: 6, Seed: 1}
}

// LastYear is the last year of figures: they run up to it for Years
// years, the first of them the baseline year, so that no figure is of a
// year to come (the checker refuses those) however many years there are.
const LastYear = 2025

// Header is the first line of every file.
const Header = "# DỮ LIỆU TỔNG HỢP (GIẢ LẬP) — không phải số liệu thực tế / SYNTHETIC DATA — generated, not real results\n"

// Normalize fills in defaults and bounds the options: at least one
// province, one district a province, one commune a district, two years;
// no more districts by default than communes.
func (o Options) Normalize() Options {
	o.Provinces = max(o.Provinces, 1)
	if o.Districts <= 0 {
		o.Districts = min(int(math.Round(float64(o.Provinces)*700/63)), o.Communes)
	}
	o.Districts = max(o.Districts, o.Provinces)
	o.Communes = max(o.Communes, o.Districts)
	o.Years = max(o.Years, 2)
	return o
}

// TargetCount is how many targets the dataset of o has: the plan's own
// 9 national targets and 2 a province, or o.Targets when it asks for more.
func TargetCount(o Options) int {
	o = o.Normalize()
	return max(o.Targets, 9+2*o.Provinces)
}

// Write writes the dataset of o into dir, creating it.
func Write(dir string, o Options) error {
	files := Files(o)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		full := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Files is the dataset of o: file paths in the data folder, slash-separated,
// and their bytes. Areas are split one file a province (areas/<id>.yaml),
// the country in areas/viet-nam.yaml.
func Files(o Options) map[string][]byte {
	o = o.Normalize()
	g := newGen(o)
	g.areas()
	g.plan()
	files := map[string][]byte{
		"site.yaml":         g.siteYAML(),
		"plan.yaml":         g.planYAML(),
		"targets.yaml":      g.targetsYAML(),
		"observations.yaml": g.observationsYAML(),
		"policies.yaml":     g.policiesYAML(),
		"agencies.yaml":     g.agenciesYAML(),
		"sources.yaml":      g.sourcesYAML(),
		"budget.yaml":       g.budgetYAML(),
		"reports.yaml":      g.reportsYAML(),
		"README.md":         []byte(g.readme()),
	}
	files["areas/"+countryID+".yaml"] = g.areasYAML([]*area{g.country})
	for _, p := range g.country.kids {
		files["areas/"+p.id+".yaml"] = g.areasYAML(g.subtree(p))
	}
	return files
}

const countryID = "viet-nam"

// A gen holds the dataset as it is made.
type gen struct {
	o       Options
	rng     *rand.Rand
	years   []int // all years of figures; years[0] is the baseline
	country *area
	ids     map[string]int // ids taken, for unique slugs
	targets []target
	obs     []observation
}

func newGen(o Options) *gen {
	g := &gen{o: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), ids: map[string]int{}}
	for i := range o.Years {
		g.years = append(g.years, LastYear-o.Years+1+i)
	}
	return g
}

func (g *gen) first() int { return g.years[0] }
func (g *gen) last() int  { return g.years[len(g.years)-1] }

// between is a uniform number in [lo, hi).
func (g *gen) between(lo, hi float64) float64 { return lo + (hi-lo)*g.rng.Float64() }

// ---------------------------------------------------------------- names

// syllables are Vietnamese place-name syllables with their ASCII slugs.
var syllables = [][2]string{
	{"An", "an"}, {"Bình", "binh"}, {"Phú", "phu"}, {"Lộc", "loc"}, {"Tân", "tan"}, {"Hòa", "hoa"},
	{"Xuân", "xuan"}, {"Thạnh", "thanh"}, {"Đông", "dong"}, {"Tây", "tay"}, {"Nam", "nam"}, {"Bắc", "bac"},
	{"Sơn", "son"}, {"Hải", "hai"}, {"Long", "long"}, {"Minh", "minh"}, {"Quang", "quang"}, {"Thuận", "thuan"},
	{"Hưng", "hung"}, {"Yên", "yen"}, {"Phước", "phuoc"}, {"Mỹ", "my"}, {"Trung", "trung"}, {"Lâm", "lam"},
	{"Hà", "ha"}, {"Giang", "giang"}, {"Khánh", "khanh"}, {"Định", "dinh"}, {"Lạc", "lac"}, {"Vĩnh", "vinh"},
	{"Thành", "thanh"}, {"Cẩm", "cam"}, {"Đức", "duc"}, {"Nghĩa", "nghia"}, {"Tiến", "tien"}, {"Phong", "phong"},
	{"Kim", "kim"}, {"Ngọc", "ngoc"}, {"Thái", "thai"}, {"Hiệp", "hiep"}, {"Quỳnh", "quynh"}, {"Đại", "dai"},
	{"Châu", "chau"}, {"Cao", "cao"}, {"Mường", "muong"}, {"Na", "na"}, {"Pác", "pac"}, {"Hồng", "hong"},
}

// name is a two-syllable place name and a unique id made from it.
func (g *gen) name() (vi, id string) {
	a := syllables[g.rng.IntN(len(syllables))]
	b := syllables[g.rng.IntN(len(syllables))]
	for b == a {
		b = syllables[g.rng.IntN(len(syllables))]
	}
	vi = a[0] + " " + b[0]
	id = a[1] + "-" + b[1]
	n := g.ids[id]
	g.ids[id] = n + 1
	if n > 0 {
		id += "-" + strconv.Itoa(n+1)
	}
	return vi, id
}

// ---------------------------------------------------------------- areas

// An area is a synthetic area and its figures.
type area struct {
	id, parent, kind string
	vi, en           string
	flags            []string
	lat, lon, km2    float64
	members          []string
	figures          []figure
	kids             []*area
	groups           []*area // groups under the area, after its children
	level            float64 // how poor the area is: its baseline poor rate, percent
	note             [2]string
}

// A figure is one year of an area's counts; rates are written from them.
type figure struct {
	year                   int
	households, poor, near int
	left                   int // households that left poverty; -1 for none (the first year)
	status, source         string
}

// areas makes the country, provinces, districts, communes and groups, and
// adds the figures up from the communes.
func (g *gen) areas() {
	o := g.o
	g.ids[countryID] = 1
	g.country = &area{id: countryID, kind: "country", vi: "Việt Nam (giả lập)", en: "Viet Nam (synthetic)",
		note: [2]string{"Tổng của các tỉnh giả lập, không phải số liệu thực tế.", "The sum of the synthetic provinces, not real figures."}}
	districts := apportion(g, o.Districts, o.Provinces)
	communes := apportion(g, o.Communes, o.Districts)
	d := 0
	for i := range o.Provinces {
		vi, id := g.name()
		level := g.between(2, 28)
		p := &area{id: id, parent: countryID, kind: "province", vi: "Tỉnh " + vi, en: vi + " province", level: level,
			lat: round(g.between(9, 23), 4), lon: round(g.between(103, 109), 4), km2: round(g.between(800, 16000), 1)}
		g.country.kids = append(g.country.kids, p)
		for j := range districts[i] {
			dvi, did := g.name()
			dl := clamp(level*g.between(0.5, 1.7), 0.8, 60)
			da := &area{id: did, parent: p.id, kind: "district", vi: "Huyện " + dvi, en: dvi + " district", level: dl,
				lat: round(p.lat+g.between(-0.5, 0.5), 4), lon: round(p.lon+g.between(-0.5, 0.5), 4), km2: round(g.between(50, 1500), 1)}
			if j == 0 {
				da.kind, da.vi, da.en, da.level = "city", "Thành phố "+dvi, dvi+" city", clamp(level*0.3, 0.5, 20)
			} else if dl > 25 {
				da.flags = []string{"30a"}
			}
			p.kids = append(p.kids, da)
			var dbkk []string
			for range communes[d] {
				cvi, cid := g.name()
				cl := clamp(dl*g.between(0.4, 1.8), 0.3, 85)
				c := &area{id: cid, parent: da.id, kind: "commune", vi: "Xã " + cvi, en: cvi + " commune", level: cl}
				if da.kind == "city" {
					c.vi, c.en, c.level = "Phường "+cvi, cvi+" ward", clamp(cl*0.5, 0.2, 30)
				}
				switch {
				case c.level > 35:
					c.flags = append(c.flags, "poor_commune", "dbkk")
				case c.level > 25:
					c.flags = append(c.flags, "dbkk")
				}
				if g.rng.IntN(30) == 0 {
					c.flags = append(c.flags, "atk")
				}
				if slices.Contains(c.flags, "dbkk") {
					dbkk = append(dbkk, c.id)
				}
				g.communeFigures(c)
				da.kids = append(da.kids, c)
			}
			d++
			if slices.Contains(da.flags, "30a") && len(dbkk) >= 2 {
				gid := da.id + "-xa-dbkk"
				g.ids[gid]++
				da.groups = append(da.groups, &area{id: gid, parent: da.id, kind: "group",
					vi: fmt.Sprintf("%d xã ĐBKK %s", len(dbkk), da.vi), en: fmt.Sprintf("The %d extremely difficult communes of %s", len(dbkk), da.en),
					members: dbkk})
			}
		}
	}
	g.sum(g.country)
}

// apportion splits total into n positive parts of random size around the
// mean, adding up to total.
func apportion(g *gen, total, n int) []int {
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = g.between(0.5, 1.5)
		sum += w[i]
	}
	out := make([]int, n)
	left := total - n // each part gets 1, the rest by weight
	given := 0
	for i := range out {
		share := int(float64(left) * w[i] / sum)
		out[i] = 1 + share
		given += share
	}
	for i := 0; given < left; i = (i + 1) % n {
		out[i]++
		given++
	}
	return out
}

// communeFigures makes a commune's yearly counts: households grow 0.5–2 %
// a year, the poor rate falls 5–20 % of itself a year, the near-poor rate
// drifts around a share of the baseline poor rate.
func (g *gen) communeFigures(c *area) {
	h := float64(400 + g.rng.IntN(3600))
	growth := g.between(0.005, 0.02)
	rate := c.level
	fall := g.between(0.05, 0.2)
	near := clamp(c.level*g.between(0.4, 0.9), 0.3, 30)
	prevPoor := -1
	for _, y := range g.years {
		households := int(math.Round(h))
		poor := int(math.Round(h * rate / 100))
		np := int(math.Round(h * near / 100))
		f := figure{year: y, households: households, poor: poor, near: np, left: -1,
			status: "final", source: surveySource(y)}
		if prevPoor >= 0 {
			f.left = max(0, prevPoor-poor+int(math.Round(0.05*float64(prevPoor))))
		}
		if y == g.last() {
			f.status = "provisional"
		}
		c.figures = append(c.figures, f)
		prevPoor = poor
		h *= 1 + growth
		rate = clamp(rate*(1-fall)+g.between(-0.3, 0.3), 0.1, 90)
		near = clamp(near*g.between(0.9, 1.05), 0.1, 40)
	}
}

// sum gives every area above the communes the sums of its children's
// counts, and every group the sums of its members'.
func (g *gen) sum(a *area) {
	if len(a.kids) == 0 {
		return
	}
	for _, k := range a.kids {
		g.sum(k)
	}
	a.figures = sumFigures(a.kids)
	for _, gr := range a.groups {
		var ms []*area
		for _, k := range a.kids {
			if slices.Contains(gr.members, k.id) {
				ms = append(ms, k)
			}
		}
		gr.figures = sumFigures(ms)
	}
}

func sumFigures(as []*area) []figure {
	out := make([]figure, len(as[0].figures))
	for i := range out {
		f := &out[i]
		*f = as[0].figures[i]
		f.households, f.poor, f.near = 0, 0, 0
		if f.left >= 0 {
			f.left = 0
		}
		for _, a := range as {
			k := a.figures[i]
			f.households += k.households
			f.poor += k.poor
			f.near += k.near
			if f.left >= 0 {
				f.left += k.left
			}
		}
	}
	return out
}

// subtree is a province with its districts, their communes and groups, in
// the order they are written.
func (g *gen) subtree(p *area) []*area {
	out := []*area{p}
	for _, d := range p.kids {
		out = append(out, d)
		out = append(out, d.kids...)
		out = append(out, d.groups...)
	}
	return out
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

// rateOf is 100·n/total to 2 decimals, as figures state it.
func rateOf(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round(100*float64(n)/float64(total), 2)
}

func surveySource(year int) string { return fmt.Sprintf("gia-lap-ra-soat-%d", year) }

// ---------------------------------------------------------------- writing

// q quotes s as a YAML double-quoted scalar.
func q(s string) string { return strconv.Quote(s) }

// tx is a text in both languages, written inline.
func tx(vi, en string) string { return "{vi: " + q(vi) + ", en: " + q(en) + "}" }

// block writes a text in both languages as literal blocks under key.
func block(b *strings.Builder, ind int, key, vi, en string) {
	pad := strings.Repeat(" ", ind)
	fmt.Fprintf(b, "%s%s:\n", pad, key)
	for _, l := range [][2]string{{"vi", vi}, {"en", en}} {
		fmt.Fprintf(b, "%s  %s: |\n", pad, l[0])
		for _, line := range strings.Split(strings.TrimRight(l[1], "\n"), "\n") {
			if line == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(b, "%s    %s\n", pad, line)
		}
	}
}

func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
func fg(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (g *gen) areasYAML(as []*area) []byte {
	var b strings.Builder
	b.Grow(len(as) * 1200)
	b.WriteString(Header)
	b.WriteString("areas:\n")
	for _, a := range as {
		fmt.Fprintf(&b, "  - id: %s\n", a.id)
		if a.parent != "" {
			fmt.Fprintf(&b, "    parent: %s\n", a.parent)
		}
		fmt.Fprintf(&b, "    kind: %s\n    name: %s\n", a.kind, tx(a.vi, a.en))
		if len(a.flags) > 0 {
			fmt.Fprintf(&b, "    flags: [%s]\n", strings.Join(a.flags, ", "))
		}
		if len(a.members) > 0 {
			fmt.Fprintf(&b, "    member_count: %d\n    members: [%s]\n", len(a.members), strings.Join(a.members, ", "))
		}
		if a.km2 != 0 {
			fmt.Fprintf(&b, "    area_km2: %s\n    area_source: %s\n", fg(a.km2), geoSource)
		}
		if a.lat != 0 {
			fmt.Fprintf(&b, "    lat: %s\n    lon: %s\n    coordinates_source: %s\n", fg(a.lat), fg(a.lon), geoSource)
		}
		if len(a.figures) > 0 {
			b.WriteString("    figures:\n")
		}
		for _, f := range a.figures {
			fmt.Fprintf(&b, "      - year: %d\n        households: %d\n        poor_households: %d\n        poor_rate: %s\n",
				f.year, f.households, f.poor, f2(rateOf(f.poor, f.households)))
			fmt.Fprintf(&b, "        near_poor_households: %d\n        near_poor_rate: %s\n", f.near, f2(rateOf(f.near, f.households)))
			if f.left >= 0 {
				fmt.Fprintf(&b, "        left_poverty: %d\n", f.left)
			}
			fmt.Fprintf(&b, "        status: %s\n        source: %s\n", f.status, f.source)
		}
		if a.note[0] != "" {
			fmt.Fprintf(&b, "    note: %s\n", tx(a.note[0], a.note[1]))
		}
	}
	return []byte(b.String())
}

func (g *gen) siteYAML() []byte {
	return []byte(Header + `title:
  vi: "Dữ liệu giả lập: Giảm nghèo bền vững toàn quốc ` + strconv.Itoa(g.years[1]) + `–` + strconv.Itoa(g.last()) + `"
  en: "Synthetic data: Sustainable poverty reduction nationwide, ` + strconv.Itoa(g.years[1]) + `–` + strconv.Itoa(g.last()) + `"
base_url: "/"
updated: "2026-11-27"
demo: true
`)
}

func (g *gen) readme() string {
	o := g.o
	targets := ""
	if o.Targets > 0 {
		targets = fmt.Sprintf(" -targets %d", o.Targets)
	}
	return fmt.Sprintf(`# DỮ LIỆU TỔNG HỢP (GIẢ LẬP) / SYNTHETIC DATA

Generated by `+"`generator synth -provinces %d -communes %d -years %d%s -seed %d`"+` (%d districts).
Not real results: names, figures, targets, budget lines and reports are all invented, from a
fixed random seed, to measure the pipeline at scale (make bench). `+"`site.yaml`"+` sets `+"`demo: true`"+`,
so every page carries the illustrative-data banner. Regenerate it; do not edit it by hand.
`, o.Provinces, o.Communes, o.Years, targets, o.Seed, o.Districts)
}
