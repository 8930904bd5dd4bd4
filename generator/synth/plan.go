package synth

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A target is a synthetic target; the YAML is written from it.
type target struct {
	id, section, scope, unit, measure string
	name, desc                        [2]string
	goal                              string // the goal's flow mapping: "{at_least: 95}"
	baseline                          *float64
	policies, agencies, compare       []string
	unitCost                          float64
}

// An observation is a value of a target that has no measure.
type observation struct {
	target string
	year   int
	value  float64
	status string
}

// A policy of the plan, with its lead agency.
type policy struct {
	id, number, group, section string
	vi, en                     string
	lead                       string
	partners                   []string
}

var policies = []policy{
	{"1-1", "1.1", "general", "iii-1", "Hỗ trợ đào tạo nghề, tạo việc làm", "Vocational training and jobs", "bo-ldtbxh", []string{"bo-gddt", "bo-nnptnt"}},
	{"1-2", "1.2", "general", "iii-1", "Tín dụng ưu đãi cho hộ nghèo, cận nghèo", "Preferential credit for poor and near-poor households", "nhcsxh", []string{"bo-tc", "bo-ldtbxh"}},
	{"1-3", "1.3", "general", "iii-1", "Bảo hiểm y tế cho người nghèo", "Health insurance for the poor", "bo-yte", []string{"bo-tc", "bo-ldtbxh"}},
	{"1-4", "1.4", "general", "iii-1", "Hỗ trợ giáo dục cho học sinh nghèo", "Education support for poor pupils", "bo-gddt", []string{"bo-tc"}},
	{"1-5", "1.5", "general", "iii-1", "Hỗ trợ nhà ở cho hộ nghèo", "Housing support for poor households", "bo-xd", []string{"nhcsxh", "mttq"}},
	{"1-6", "1.6", "general", "iii-1", "Trợ giúp pháp lý cho người nghèo", "Legal aid for the poor", "bo-tp", nil},
	{"2-1", "2.1", "national", "iii-2", "Đầu tư hạ tầng các huyện nghèo (30a)", "Infrastructure in poor (30a) districts", "bo-khdt", []string{"bo-tc", "uy-ban-dan-toc"}},
	{"2-2", "2.2", "national", "iii-2", "Đầu tư hạ tầng các xã đặc biệt khó khăn (Chương trình 135)", "Infrastructure in extremely difficult communes (Programme 135)", "uy-ban-dan-toc", []string{"bo-khdt", "bo-tc"}},
	{"2-3", "2.3", "national", "iii-2", "Đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo", "Diverse livelihoods and replicated poverty-reduction models", "bo-nnptnt", []string{"bo-ldtbxh"}},
	{"2-4", "2.4", "national", "iii-2", "Truyền thông và giảm nghèo về thông tin", "Communication and information poverty", "bo-tttt", []string{"mttq"}},
	{"3-1", "3.1", "specific", "iii-3", "Chương trình giảm nghèo riêng của các tỉnh", "The provinces' own poverty-reduction programmes", "bo-ldtbxh", []string{"bo-tc"}},
}

// An agency of the plan; the provinces' people's committees are added to
// these.
type agency struct {
	id, vi, en, abbr, kind, section string
}

var agencies = []agency{
	{"chinh-phu", "Chính phủ", "The Government", "CP", "government", "v"},
	{"bo-ldtbxh", "Bộ Lao động - Thương binh và Xã hội", "Ministry of Labour, Invalids and Social Affairs", "Bộ LĐ-TB&XH", "ministry", "v-1"},
	{"bo-khdt", "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "Bộ KH&ĐT", "ministry", "v-1"},
	{"bo-tc", "Bộ Tài chính", "Ministry of Finance", "Bộ TC", "ministry", "v-1"},
	{"bo-yte", "Bộ Y tế", "Ministry of Health", "Bộ YT", "ministry", "v-1"},
	{"bo-gddt", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "Bộ GD&ĐT", "ministry", "v-1"},
	{"bo-xd", "Bộ Xây dựng", "Ministry of Construction", "Bộ XD", "ministry", "v-1"},
	{"bo-tp", "Bộ Tư pháp", "Ministry of Justice", "Bộ TP", "ministry", "v-1"},
	{"bo-nnptnt", "Bộ Nông nghiệp và Phát triển nông thôn", "Ministry of Agriculture and Rural Development", "Bộ NN&PTNT", "ministry", "v-1"},
	{"bo-tttt", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "Bộ TT&TT", "ministry", "v-1"},
	{"uy-ban-dan-toc", "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", "UBDT", "committee", "v-1"},
	{"nhcsxh", "Ngân hàng Chính sách xã hội", "Vietnam Bank for Social Policies", "NHCSXH", "bank", "v-1"},
	{"mttq", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Central Committee of the Viet Nam Fatherland Front", "MTTQ", "mass_organisation", "v-1"},
}

// funds are one of each kind the data knows.
var funds = [][4]string{
	{"ngan-sach-tw", "central", "Ngân sách Trung ương", "Central budget"},
	{"ngan-sach-tinh", "provincial", "Ngân sách các tỉnh", "Provincial budgets"},
	{"ngan-sach-huyen", "district", "Ngân sách các huyện", "District budgets"},
	{"long-ghep", "integrated", "Lồng ghép các chương trình khác", "Integrated resources of other programmes"},
	{"tin-dung", "credit", "Tín dụng chính sách", "Policy credit"},
	{"cong-dong", "community", "Huy động cộng đồng", "Community contributions"},
	{"quoc-te", "international", "Tài trợ quốc tế", "International aid"},
}

func committee(p *area) string { return "ubnd-" + p.id }

func indicatorSource(year int) string { return fmt.Sprintf("gia-lap-chi-tieu-%d", year) }
func budgetSource(year int) string    { return fmt.Sprintf("gia-lap-ngan-sach-%d", year) }

// planSource is the synthetic plan's own source, geoSource that of the
// areas' sizes and coordinates.
const (
	planSource = "gia-lap-ke-hoach"
	geoSource  = "gia-lap-dia-ly"
)

// plan makes the targets and their observations.
func (g *gen) plan() {
	base := g.country.figures[0]
	near0 := rateOf(base.near, base.households)
	g.targets = append(g.targets,
		target{id: "2a", section: "ii-2", scope: countryID, unit: "percent", measure: "poor_rate",
			name: [2]string{"Giảm tỷ lệ hộ nghèo cả nước", "Fall in the national poor-household rate"},
			desc: [2]string{"Tỷ lệ hộ nghèo cả nước giảm bình quân 1-1,5%/năm", "The national poor-household rate falls by 1–1.5 points a year on average"},
			goal: "{reduce_per_year: [1, 1.5]}", policies: []string{"1-2", "2-1", "2-2", "2-3"}, agencies: []string{"bo-ldtbxh"}},
		target{id: "2b", section: "ii-2", scope: countryID, unit: "percent", measure: "near_poor_rate",
			name: [2]string{"Tỷ lệ hộ cận nghèo cả nước", "National near-poor household rate"},
			desc: [2]string{fmt.Sprintf("Tỷ lệ hộ cận nghèo cả nước không quá %s%%", viNum(round(near0*0.8, 1))), fmt.Sprintf("The national near-poor household rate is at most %s %%", fg(round(near0*0.8, 1)))},
			goal: "{at_most: " + fg(round(near0*0.8, 1)) + "}", policies: []string{"1-2", "1-3"}, agencies: []string{"bo-ldtbxh"}},
	)
	type obsTarget struct {
		t          target
		start, per float64 // baseline value and yearly change
		noise      float64
		lo, hi     float64
		whole      bool
	}
	national := []obsTarget{
		{target{id: "3a", unit: "percent", name: [2]string{"Tỷ lệ lao động qua đào tạo", "Share of trained workers"},
			desc: [2]string{"Tỷ lệ lao động qua đào tạo đạt 50% trở lên", "At least 50 % of workers trained"},
			goal: "{at_least: 50}", policies: []string{"1-1"}, agencies: []string{"bo-ldtbxh"}}, 38, 2.2, 0.6, 0, 100, false},
		{target{id: "3b", unit: "percent", name: [2]string{"Người nghèo có thẻ bảo hiểm y tế", "Poor people with health insurance"},
			desc: [2]string{"100% người nghèo được cấp thẻ bảo hiểm y tế", "Every poor person holds a health insurance card"},
			goal: "{at_least: 100}", policies: []string{"1-3"}, agencies: []string{"bo-yte"}}, 91, 1.6, 0.4, 0, 100, false},
		{target{id: "3c", unit: "count", name: [2]string{"Mô hình giảm nghèo được nhân rộng mỗi năm", "Poverty-reduction models replicated each year"},
			desc: [2]string{"Mỗi năm nhân rộng 40-60 mô hình giảm nghèo", "40–60 poverty-reduction models replicated each year"},
			goal: "{per_year: [40, 60]}", policies: []string{"2-3"}, agencies: []string{"bo-nnptnt"}, unitCost: 500}, 0, 0, 12, 30, 75, true},
		{target{id: "3d", unit: "count", name: [2]string{"Nhà ở cho hộ nghèo (cộng dồn)", "Homes for poor households (cumulative)"},
			desc: [2]string{"Hỗ trợ 20.000 hộ nghèo về nhà ở trong giai đoạn", "20,000 poor households helped with housing over the period"},
			goal: "{total: 20000}", policies: []string{"1-5"}, agencies: []string{"bo-xd"}}, 0, 3600, 500, 0, 1e9, false},
		{target{id: "3e", unit: "percent", name: [2]string{"Xã đặc biệt khó khăn thoát khỏi diện ĐBKK", "Extremely difficult communes leaving the list"},
			desc: [2]string{"30% số xã đặc biệt khó khăn thoát khỏi tình trạng đặc biệt khó khăn", "30 % of extremely difficult communes leave that status"},
			goal: "{share_leaving: 30}", policies: []string{"2-2"}, agencies: []string{"uy-ban-dan-toc"}}, 0, 5, 1.5, 0, 100, false},
		{target{id: "3f", unit: "count", name: [2]string{"Hộ nghèo là gia đình người có công", "Poor households of families with meritorious service"},
			desc: [2]string{"Không còn hộ nghèo là gia đình người có công với cách mạng", "No poor household among families with meritorious service"},
			goal: "{zero: true}", policies: []string{"1-2", "1-5"}, agencies: []string{"bo-ldtbxh"}}, 4200, -900, 150, 0, 1e9, false},
	}
	for _, n := range national {
		n.t.section, n.t.scope = "ii-2", countryID
		g.obsTarget(n.t, n.start, n.per, n.noise, n.lo, n.hi, n.whole)
	}
	g.targets = append(g.targets, target{id: "3g", section: "ii-2", scope: countryID, unit: "percent",
		name:     [2]string{"Nâng cao nhận thức về giảm nghèo", "Awareness of poverty reduction"},
		desc:     [2]string{"Nâng cao nhận thức, trách nhiệm của các cấp, các ngành và người dân về giảm nghèo", "Raise awareness and responsibility for poverty reduction at every level, sector and among the people"},
		goal:     "{qualitative: true}",
		policies: []string{"2-4"}, agencies: []string{"bo-tttt"}})
	for _, p := range g.country.kids {
		lo := math.Max(0.5, round(p.level*0.1*2, 0)/2)
		g.targets = append(g.targets, target{id: "2a-" + p.id, section: "ii-3", scope: p.id, unit: "percent", measure: "poor_rate",
			name:     [2]string{"Giảm tỷ lệ hộ nghèo " + p.vi, "Fall in the poor-household rate of " + p.en},
			desc:     [2]string{fmt.Sprintf("Tỷ lệ hộ nghèo %s giảm bình quân %s-%s%%/năm", p.vi, viNum(lo), viNum(lo+0.5)), fmt.Sprintf("The poor-household rate of %s falls by %s–%s points a year", p.en, fg(lo), fg(lo+0.5))},
			goal:     fmt.Sprintf("{reduce_per_year: [%s, %s]}", fg(lo), fg(lo+0.5)),
			policies: []string{"1-2", "3-1"}, agencies: []string{committee(p)}, compare: []string{countryID}})
		g.obsTarget(target{id: "3b-" + p.id, section: "ii-3", scope: p.id, unit: "percent",
			name:     [2]string{"Người nghèo có thẻ bảo hiểm y tế, " + p.vi, "Poor people with health insurance, " + p.en},
			desc:     [2]string{"100% người nghèo của tỉnh được cấp thẻ bảo hiểm y tế", "Every poor person of the province holds a health insurance card"},
			goal:     "{at_least: 100}",
			policies: []string{"1-3"}, agencies: []string{committee(p), "bo-yte"}}, g.between(82, 96), g.between(0.5, 3), 0.8, 0, 100, false)
	}
	for i := 0; len(g.targets) < g.o.Targets; i++ {
		p := g.country.kids[i%len(g.country.kids)]
		n := strconv.Itoa(i/len(g.country.kids) + 2)
		g.obsTarget(target{id: "3b-" + p.id + "-" + n, section: "ii-3", scope: p.id, unit: "percent",
			name:     [2]string{"Người nghèo có thẻ bảo hiểm y tế, " + p.vi + " (" + n + ")", "Poor people with health insurance, " + p.en + " (" + n + ")"},
			desc:     [2]string{"100% người nghèo của tỉnh được cấp thẻ bảo hiểm y tế", "Every poor person of the province holds a health insurance card"},
			goal:     "{at_least: 100}",
			policies: []string{"1-3"}, agencies: []string{committee(p), "bo-yte"}}, g.between(82, 96), g.between(0.5, 3), 0.8, 0, 100, false)
	}
}

// obsTarget adds a target measured by observations: a baseline value (none
// when whole, for yearly counts) and a value each later year, the last one
// provisional.
func (g *gen) obsTarget(t target, start, per, noise, lo, hi float64, whole bool) {
	dec := 1
	if t.unit == "count" {
		dec = 0
	}
	if !whole {
		b := round(start, dec)
		t.baseline = &b
	}
	g.targets = append(g.targets, t)
	v := start
	for _, y := range g.years[1:] {
		if whole {
			v = g.between(lo, hi)
		} else {
			v = clamp(v+per+g.between(-noise, noise), lo, hi)
		}
		st := "final"
		if y == g.last() {
			st = "provisional"
		}
		g.obs = append(g.obs, observation{target: t.id, year: y, value: round(v, dec), status: st})
	}
}

// lowerFirst is s with its first letter in lower case.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// viNum writes a number the Vietnamese way: 1,5.
func viNum(v float64) string { return strings.ReplaceAll(fg(v), ".", ",") }

func (g *gen) planYAML() []byte {
	var b strings.Builder
	start, end := g.years[1], g.last()
	b.WriteString(Header)
	fmt.Fprintf(&b, "title: %s\n", tx(fmt.Sprintf("Kế hoạch giảm nghèo bền vững toàn quốc giai đoạn %d - %d (giả lập)", start, end),
		fmt.Sprintf("National plan for sustainable poverty reduction, %d - %d (synthetic)", start, end)))
	fmt.Fprintf(&b, "number: \"%d/KH-GL\"\ndate: \"%d-12-15\"\n", g.o.Seed, g.first())
	fmt.Fprintf(&b, "issuer: %s\narea: %s\nperiod:\n  start: %d\n  end: %d\n", tx("Chính phủ (giả lập)", "The Government (synthetic)"), countryID, start, end)
	fmt.Fprintf(&b, "source: %s\npoverty_line_source: %s\n", planSource, planSource)
	b.WriteString("legal_bases:\n")
	fmt.Fprintf(&b, "  - %s\n", tx("Nghị quyết giả lập số 1/NQ-GL về định hướng giảm nghèo bền vững", "Synthetic Resolution No. 1/NQ-GL on orientations for sustainable poverty reduction"))
	fmt.Fprintf(&b, "  - %s\n", tx("Quyết định giả lập số 2/QĐ-GL phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững", "Synthetic Decision No. 2/QĐ-GL approving the national target programme for sustainable poverty reduction"))
	block(&b, 0, "preamble",
		"*Văn bản giả lập để đo hiệu năng, không phải văn bản thực.*\n\nĐể thực hiện các nghị quyết về giảm nghèo bền vững, Chính phủ ban hành Kế hoạch giảm nghèo bền vững toàn quốc như sau:",
		"*A synthetic document for measuring performance, not a real one.*\n\nTo carry out the resolutions on sustainable poverty reduction, the Government issues the national plan for sustainable poverty reduction as follows:")
	block(&b, 0, "translation_note", "Bản tiếng Anh là bản dịch không chính thức.", "The English text is an unofficial translation.")
	block(&b, 0, "poverty_line", "Chuẩn nghèo giả lập: hộ có thu nhập bình quân dưới 1.500.000 đồng/người/tháng ở nông thôn và 2.000.000 đồng/người/tháng ở thành thị.",
		"Synthetic poverty line: households with an average income below 1,500,000 VND per person per month in rural areas and 2,000,000 VND in urban areas.")
	b.WriteString("sections:\n")
	section := func(ind int, id, number, vi, en, bodyVI, bodyEN string, sub bool) {
		pad := strings.Repeat(" ", ind)
		fmt.Fprintf(&b, "%s- id: %s\n%s  number: %q\n%s  title: %s\n", pad, id, pad, number, pad, tx(vi, en))
		if bodyVI != "" {
			block(&b, ind+2, "body", bodyVI, bodyEN)
		}
		if sub {
			fmt.Fprintf(&b, "%s  sections:\n", pad)
		}
	}
	section(2, "i", "I", "Mục đích, yêu cầu", "Purpose and requirements",
		"Giảm nghèo bền vững, hạn chế tái nghèo; cải thiện đời sống người nghèo, nhất là ở các huyện nghèo và xã đặc biệt khó khăn.",
		"Reduce poverty sustainably and limit relapse into poverty; improve the lives of the poor, above all in poor districts and extremely difficult communes.", false)
	section(2, "ii", "II", "Mục tiêu", "Objectives", "", "", true)
	section(6, "ii-1", "1", "Mục tiêu chung", "General objective",
		"Giảm nghèo nhanh và bền vững; thu hẹp khoảng cách giàu nghèo giữa các vùng.",
		"Reduce poverty quickly and sustainably; narrow the gap between rich and poor regions.", false)
	section(6, "ii-2", "2", "Mục tiêu cụ thể cả nước", "Specific national targets",
		"Các chỉ tiêu cả nước đến năm "+strconv.Itoa(end)+".", "The national targets for "+strconv.Itoa(end)+".", false)
	section(6, "ii-3", "3", "Mục tiêu của các tỉnh", "The provinces' targets",
		"Mỗi tỉnh giảm tỷ lệ hộ nghèo theo mức được giao và cấp thẻ bảo hiểm y tế cho mọi người nghèo.",
		"Each province lowers its poor-household rate at the pace assigned to it and gives every poor person a health insurance card.", false)
	section(2, "iii", "III", "Chính sách và dự án", "Policies and projects", "", "", true)
	section(6, "iii-1", "1", "Chính sách chung", "General policies", "Các chính sách hỗ trợ hộ nghèo trên cả nước.", "The policies that support poor households nationwide.", false)
	section(6, "iii-2", "2", "Dự án của Chương trình mục tiêu quốc gia", "Projects of the national target programme", "Các dự án đầu tư cho huyện nghèo và xã đặc biệt khó khăn.", "The investment projects for poor districts and extremely difficult communes.", false)
	section(6, "iii-3", "3", "Chính sách riêng của các tỉnh", "The provinces' own policies", "Các tỉnh bố trí thêm nguồn lực cho chương trình riêng.", "The provinces add resources for programmes of their own.", false)
	section(2, "iv", "IV", "Nguồn vốn", "Funding", "Ngân sách Trung ương, ngân sách địa phương, lồng ghép, tín dụng, cộng đồng và quốc tế.", "Central and local budgets, integrated programmes, credit, the community and international aid.", false)
	section(2, "v", "V", "Tổ chức thực hiện", "Implementation", "", "", true)
	section(6, "v-1", "1", "Các bộ, ngành", "Ministries and agencies", "Các bộ, ngành chủ trì chính sách theo phân công.", "Ministries and agencies lead the policies assigned to them.", false)
	section(6, "v-2", "2", "Ủy ban nhân dân các tỉnh", "Provincial People's Committees", "Ủy ban nhân dân các tỉnh xây dựng và thực hiện kế hoạch của tỉnh.", "The Provincial People's Committees draw up and carry out the province's plan.", false)
	b.WriteString("recipients:\n")
	fmt.Fprintf(&b, "  - %s\n  - %s\n", tx("Các bộ, ngành", "Ministries and agencies"), tx("Ủy ban nhân dân các tỉnh", "Provincial People's Committees"))
	b.WriteString("reporting:\n")
	fmt.Fprintf(&b, "  - from: [bo-yte, bo-gddt, bo-xd, bo-nnptnt]\n    to: bo-ldtbxh\n    then: [chinh-phu]\n    every: half-year\n    section: v-1\n    text: %s\n",
		tx("Định kỳ 6 tháng và hằng năm các bộ, ngành báo cáo kết quả về Bộ Lao động - Thương binh và Xã hội để tổng hợp báo cáo Chính phủ.",
			"Every six months and every year the ministries report their results to the Ministry of Labour, Invalids and Social Affairs, which reports to the Government."))
	return []byte(b.String())
}

func (g *gen) targetsYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("targets:\n")
	for _, t := range g.targets {
		fmt.Fprintf(&b, "  - id: %s\n    section: %s\n    name: %s\n    description: %s\n    unit: %s\n    scope: %s\n",
			t.id, t.section, tx(t.name[0], t.name[1]), tx(t.desc[0], t.desc[1]), t.unit, t.scope)
		if t.measure != "" {
			fmt.Fprintf(&b, "    measure: %s\n", t.measure)
		}
		fmt.Fprintf(&b, "    goal: %s\n", t.goal)
		if !strings.Contains(t.goal, "qualitative") {
			if t.baseline != nil {
				fmt.Fprintf(&b, "    baseline: {year: %d, value: %s, source: %s}\n", g.first(), fg(*t.baseline), indicatorSource(g.first()))
			} else {
				fmt.Fprintf(&b, "    baseline: {year: %d}\n", g.first())
			}
		}
		fmt.Fprintf(&b, "    by: %d\n", g.last())
		if len(t.policies) > 0 {
			fmt.Fprintf(&b, "    policies: [%s]\n", strings.Join(t.policies, ", "))
		}
		fmt.Fprintf(&b, "    agencies: [%s]\n", strings.Join(t.agencies, ", "))
		if len(t.compare) > 0 {
			fmt.Fprintf(&b, "    compare: [%s]\n", strings.Join(t.compare, ", "))
		}
		if t.unitCost != 0 {
			fmt.Fprintf(&b, "    unit_cost: {value: %s, unit: million_vnd}\n", fg(t.unitCost))
		}
	}
	return []byte(b.String())
}

func (g *gen) observationsYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("observations:\n")
	for _, o := range g.obs {
		fmt.Fprintf(&b, "  - {target: %s, year: %d, value: %s, status: %s, source: %s}\n",
			o.target, o.year, fg(o.value), o.status, indicatorSource(o.year))
	}
	return []byte(b.String())
}

func (g *gen) policiesYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("policies:\n")
	for _, p := range policies {
		fmt.Fprintf(&b, "  - id: %s\n    number: %q\n    group: %s\n    section: %s\n    name: %s\n", p.id, p.number, p.group, p.section, tx(p.vi, p.en))
		block(&b, 4, "content",
			"Chính sách giả lập: "+lowerFirst(p.vi)+". Cơ quan chủ trì xây dựng hướng dẫn, các tỉnh tổ chức thực hiện.",
			"A synthetic policy: "+lowerFirst(p.en)+". The lead agency issues guidance and the provinces carry it out.")
		fmt.Fprintf(&b, "    lead: %s\n", p.lead)
		if len(p.partners) > 0 {
			fmt.Fprintf(&b, "    partners: [%s]\n", strings.Join(p.partners, ", "))
		}
		if len(p.partners) > 0 {
			b.WriteString("    roles:\n")
			fmt.Fprintf(&b, "      - agency: %s\n        text: %s\n", p.partners[0],
				tx("Phối hợp hướng dẫn và kiểm tra việc thực hiện.", "Helps with guidance and checks the implementation."))
		}
	}
	return []byte(b.String())
}

func (g *gen) agenciesYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("agencies:\n")
	write := func(a agency, respVI, respEN string) {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    abbr: %q\n    kind: %s\n    section: %s\n    responsibilities: %s\n",
			a.id, tx(a.vi, a.en), a.abbr, a.kind, a.section, tx(respVI, respEN))
	}
	for _, a := range agencies {
		write(a, "Thực hiện các nhiệm vụ được giao trong Kế hoạch (giả lập).", "Carries out the tasks the plan gives it (synthetic).")
	}
	for _, p := range g.country.kids {
		write(agency{id: committee(p), vi: "Ủy ban nhân dân " + p.vi, en: p.en + " People's Committee", abbr: "UBND " + p.vi, kind: "people_committee", section: "v-2"},
			"Xây dựng và thực hiện kế hoạch giảm nghèo của tỉnh.", "Draws up and carries out the province's poverty-reduction plan.")
	}
	return []byte(b.String())
}

func (g *gen) sourcesYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("sources:\n")
	src := func(id, vi, en string) {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    publisher: \"Giả lập / synthetic\"\n    note: %s\n", id, tx(vi, en),
			tx("Nguồn giả lập: số liệu do máy tạo ra.", "A synthetic source: the figures are machine-made."))
	}
	src(planSource, "Kế hoạch giảm nghèo bền vững toàn quốc (giả lập)", "National plan for sustainable poverty reduction (synthetic)")
	src(geoSource, "Diện tích và tọa độ các địa bàn (giả lập)", "Areas and coordinates of the places (synthetic)")
	for _, y := range g.years {
		src(surveySource(y), fmt.Sprintf("Kết quả rà soát hộ nghèo năm %d (giả lập)", y), fmt.Sprintf("Poor-household survey %d (synthetic)", y))
		src(indicatorSource(y), fmt.Sprintf("Báo cáo chỉ tiêu năm %d (giả lập)", y), fmt.Sprintf("Indicator report %d (synthetic)", y))
	}
	for _, y := range g.years[1:] {
		src(budgetSource(y), fmt.Sprintf("Báo cáo ngân sách năm %d (giả lập)", y), fmt.Sprintf("Budget report %d (synthetic)", y))
	}
	return []byte(b.String())
}

func (g *gen) budgetYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("funds:\n")
	for _, f := range funds {
		fmt.Fprintf(&b, "  - id: %s\n    kind: %s\n    name: %s\n", f[0], f[1], tx(f[2], f[3]))
	}
	b.WriteString("lines:\n")
	line := func(pol, fund string, year int, area string, planned float64) {
		alloc := math.Round(planned * g.between(0.85, 1))
		disb := math.Round(alloc * g.between(0.7, 1))
		fmt.Fprintf(&b, "  - {policy: %s, fund: %s, year: %d", pol, fund, year)
		if area != "" {
			fmt.Fprintf(&b, ", area: %s", area)
		}
		fmt.Fprintf(&b, ", planned: %s, allocated: %s, disbursed: %s, source: %s}\n", fg(math.Round(planned)), fg(alloc), fg(disb), budgetSource(year))
	}
	for _, y := range g.years[1:] {
		for i, p := range policies {
			line(p.id, funds[0][0], y, "", g.between(5000, 50000))
			line(p.id, funds[1+i%(len(funds)-1)][0], y, "", g.between(1000, 10000))
		}
		for _, p := range g.country.kids {
			line("3-1", "ngan-sach-tinh", y, p.id, g.between(500, 5000))
			for _, d := range p.kids {
				if len(d.flags) > 0 {
					line("2-1", "ngan-sach-tw", y, p.id, g.between(2000, 8000))
					break
				}
			}
		}
	}
	return []byte(b.String())
}

func (g *gen) reportsYAML() []byte {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("reports:\n")
	for i, y := range g.years[1:] {
		prev, cur := g.country.figures[i], g.country.figures[i+1]
		pr, cr := rateOf(prev.poor, prev.households), rateOf(cur.poor, cur.households)
		for _, half := range []bool{true, false} {
			id, date, period := fmt.Sprintf("bao-cao-%d", y), fmt.Sprintf("%d-01-20", y+1), "year"
			titleVI, titleEN := fmt.Sprintf("Báo cáo giả lập: kết quả năm %d", y), fmt.Sprintf("Synthetic report: results for %d", y)
			if half {
				id, date, period = fmt.Sprintf("bao-cao-%d-6-thang", y), fmt.Sprintf("%d-07-15", y), "half-year"
				titleVI, titleEN = fmt.Sprintf("Báo cáo giả lập: kết quả 6 tháng đầu năm %d", y), fmt.Sprintf("Synthetic report: results for the first half of %d", y)
			}
			fmt.Fprintf(&b, "  - id: %s\n    date: %q\n    period: %s\n    agency: bo-ldtbxh\n    title: %s\n    source: %s\n",
				id, date, period, tx(titleVI, titleEN), indicatorSource(y))
			block(&b, 4, "body",
				fmt.Sprintf("*Báo cáo giả lập: mọi số liệu là do máy tạo ra.*\n\n| Chỉ tiêu | Năm %d | Năm %d |\n|---|---:|---:|\n| Tỷ lệ hộ nghèo (%%) | %s | %s |\n\n- Các tỉnh tiếp tục thực hiện các chính sách giảm nghèo.\n- Giải ngân vốn theo kế hoạch.",
					y-1, y, viNum(pr), viNum(cr)),
				fmt.Sprintf("*A synthetic report: every figure is machine-made.*\n\n| Indicator | %d | %d |\n|---|---:|---:|\n| Poor-household rate (%%) | %s | %s |\n\n- The provinces carry on with the poverty-reduction policies.\n- Funds are disbursed as planned.",
					y-1, y, fg(pr), fg(cr)))
		}
	}
	return []byte(b.String())
}
