package check

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"plansite/generator/plan"
)

func (c *checker) targets() {
	p := c.p
	c.ids(kindTarget, len(p.Targets), func(i int) (string, plan.Node) { return p.Targets[i].ID, p.Targets[i].Node })
	for _, t := range p.Targets {
		c.name(t.Node, t.ID, "name", t.Name)
		// A qualitative goal states no number, so no unit either.
		c.need(t.Node, t.ID, "unit", t.Unit != "" || t.Goal.Qualitative)
		if t.Unit == plan.UnitPoints {
			c.err(t.At("unit"), t.ID,
				"unit là đơn vị của giá trị (mức) của chỉ tiêu, không bao giờ là điểm %: viết unit: percent; mức giảm mỗi năm (reduce_per_year) tự được hiểu là điểm % của mức đó",
				"unit is the unit of the target's values (its levels), never points: write unit: percent; a yearly reduction (reduce_per_year) is read in points of that level")
		} else {
			c.oneOf(t.Node, t.ID, "unit", t.Unit, plan.UnitPercent, plan.UnitCount, plan.UnitMillionVND)
		}
		c.need(t.Node, t.ID, "scope", t.Scope != "")
		c.ref(t.Node, "scope", t.ID, t.Scope, c.areaByID[t.Scope] != nil, "địa bàn", "area", "areas.yaml")
		c.oneOf(t.Node, t.ID, "measure", t.Measure, plan.MeasurePoorRate, plan.MeasureNearPoorRate)
		c.oneOf(t.Node, t.ID, "method", t.Method, "linear", "growth_ratio")
		c.section(t.Node, t.ID, t.Section)
		c.need(t.Node, t.ID, "by", t.By != 0)
		c.year(t.Node, t.ID, "by", t.By)
		c.refs(t.Node, "policies", t.ID, t.Policies, c.policySet, "chính sách", "policy", "policies.yaml")
		c.refs(t.Node, "agencies", t.ID, t.Agencies, c.agencySet, "cơ quan", "agency", "agencies.yaml")
		for i, a := range t.Compare {
			c.refAt(t.AtItem("compare", i), t.ID, a, c.areaByID[a] != nil, "địa bàn", "area", "areas.yaml")
		}
		c.goal(t)
		if t.Node.Has("baseline") {
			b := t.Baseline
			c.need(b.Node, t.ID, "year", b.Year != 0)
			c.pastYear(b.Node, t.ID, "year", b.Year)
			if b.Value != nil {
				c.sourced(b.Node, t.ID, "value", "source", b.Source)
			} else {
				c.source(b.Node, t.ID, b.Source)
			}
			if t.Unit == plan.UnitPercent {
				c.percent(b.Node, t.ID, "value", b.Value)
			}
			if t.By != 0 && b.Year > t.By {
				c.err(b.At("year"), t.ID,
					fmt.Sprintf("năm gốc %d sau năm đích %d", b.Year, t.By),
					fmt.Sprintf("baseline year %d is after the target year %d", b.Year, t.By))
			}
		}
		if t.UnitCost != nil {
			c.nonNegative(t.UnitCost.Node, t.ID, "value", &t.UnitCost.Value)
		}
	}
}

func (c *checker) goal(t plan.Target) {
	g := t.Goal
	if !t.Node.Has("goal") {
		c.need(t.Node, t.ID, "goal", false)
		return
	}
	kinds := g.Kinds()
	all := "at_least, above, at_most, zero, between, reduce_per_year, per_year, total, share_leaving, qualitative"
	switch len(kinds) {
	case 0:
		c.err(t.At("goal"), t.ID, "goal cần đúng một loại mục tiêu: "+all,
			"goal needs exactly one kind of goal: "+all)
		return
	case 1:
	default:
		c.err(t.At("goal"), t.ID,
			fmt.Sprintf("goal chỉ được có một loại mục tiêu (tìm thấy %s)", strings.Join(kinds, ", ")),
			fmt.Sprintf("goal must have exactly one kind (found %s)", strings.Join(kinds, ", ")))
		return
	}
	k := kinds[0]
	c.oneOf(g.Node, t.ID, "direction", g.Direction, plan.Increase, plan.Decrease)
	c.oneOf(g.Node, t.ID, "qualifier", g.Qualifier, plan.Qualifiers()...)
	pair := func(vals []float64) {
		if len(vals) != 2 {
			c.err(g.At(k), t.ID,
				fmt.Sprintf("%s cần hai số [thấp, cao], ví dụ [8.5, 9.0] (tìm thấy %d số)", k, len(vals)),
				fmt.Sprintf("%s needs two numbers [low, high], for example [8.5, 9.0] (found %d)", k, len(vals)))
			return
		}
		if vals[0] > vals[1] {
			c.err(g.At(k), t.ID,
				fmt.Sprintf("%s: số thấp %s lớn hơn số cao %s: đổi chỗ hai số", k, num(vals[0]), num(vals[1])),
				fmt.Sprintf("%s: low %s is greater than high %s: swap them", k, num(vals[0]), num(vals[1])))
		}
	}
	switch k {
	case plan.GoalBetween:
		pair(g.Between)
		if g.Direction == "" {
			c.err(g.Pos, t.ID, "between cần direction: increase (tăng lên) hoặc decrease (giảm xuống)",
				"between needs a direction: increase or decrease")
		}
	case plan.GoalReducePerYear:
		pair(g.ReducePerYear)
	case plan.GoalPerYear:
		pair(g.PerYear)
	}
	if t.Unit == plan.UnitPercent {
		for _, v := range []*float64{g.AtLeast, g.Above, g.AtMost, g.ShareLeaving} {
			if v != nil {
				c.percent(g.Node, t.ID, k, v)
			}
		}
		for i, v := range g.Between {
			c.percentAt(g.AtItem(k, i), t.ID, k, &v)
		}
	}
	for _, vals := range [][]float64{g.ReducePerYear, g.PerYear} {
		for _, v := range vals {
			c.nonNegative(g.Node, t.ID, k, &v)
		}
	}
	if t.Measure != "" && t.Unit != plan.UnitPercent && k != plan.GoalReducePerYear {
		c.err(t.At("unit"), t.ID, fmt.Sprintf("measure %s là tỷ lệ: unit cần là percent", clip(t.Measure)),
			fmt.Sprintf("measure %s is a rate: unit must be percent", clip(t.Measure)))
	}
}

func (c *checker) observations() {
	type key struct {
		target, area string
		year, half   int
	}
	seen := map[key]plan.Pos{}
	for _, o := range c.p.Observations {
		c.need(o.Node, o.Target, "target", o.Target != "")
		t := c.targetByID[o.Target]
		c.ref(o.Node, "target", o.Target, o.Target, t != nil, "chỉ tiêu", "target", "targets.yaml")
		c.ref(o.Node, "area", o.Target, o.Area, c.areaByID[o.Area] != nil, "địa bàn", "area", "areas.yaml")
		c.need(o.Node, o.Target, "year", o.Year != 0)
		// An observation with neither value nor source is a slot not yet
		// filled in (generator new year writes them): it is not shown, and
		// may be of a year to come.
		filled := o.Value != nil || o.Source != ""
		if filled {
			c.pastYear(o.Node, o.Target, "year", o.Year)
		} else {
			c.year(o.Node, o.Target, "year", o.Year)
		}
		if o.Half != 0 && o.Half != 1 {
			c.err(o.At("half"), o.Target, fmt.Sprintf("half chỉ nhận 1 (số liệu 30/6), tìm thấy %d", o.Half),
				fmt.Sprintf("half can only be 1 (a 30 June figure), found %d", o.Half))
		}
		if filled {
			c.need(o.Node, o.Target, "value", o.Value != nil)
			c.need(o.Node, o.Target, "source", o.Source != "")
		}
		c.source(o.Node, o.Target, o.Source)
		c.confirmed(o.Node, o.Target, o.Source, o.ConfirmedBy)
		c.oneOf(o.Node, o.Target, "status", o.Status, plan.Final, plan.Provisional, plan.Estimate)
		c.oneOf(o.Node, o.Target, "qualifier", o.Qualifier, plan.Qualifiers()...)
		if t != nil {
			if t.Unit == plan.UnitPercent {
				c.percent(o.Node, o.Target, "value", o.Value)
			}
			if t.Measure != "" {
				c.err(o.Node.Pos, o.Target,
					fmt.Sprintf("chỉ tiêu %s lấy số liệu từ areas.yaml (measure: %s): ghi số liệu vào figures của địa bàn %s", clip(t.ID), clip(t.Measure), clip(t.Scope)),
					fmt.Sprintf("target %s takes its values from areas.yaml (measure: %s): write the figure under the figures of area %s", clip(t.ID), clip(t.Measure), clip(t.Scope)))
			}
		}
		area := o.Area
		if area == "" && t != nil {
			area = t.Scope
		}
		k := key{o.Target, area, o.Year, o.Half}
		if first, dup := seen[k]; dup && o.Year != 0 {
			c.err(o.Node.Pos, o.Target,
				fmt.Sprintf("số liệu năm %d của %s bị trùng (đã có ở %s): xóa một", o.Year, clip(area), first),
				fmt.Sprintf("duplicate figure for %d in %s (already at %s): remove one", o.Year, clip(area), first))
		}
		seen[k] = o.Node.Pos
	}
}

var areaKinds = []string{plan.KindCountry, plan.KindProvince, plan.KindDistrict, plan.KindCity, plan.KindCommune, plan.KindGroup}

// parentKinds says which kinds of area may contain each kind.
var parentKinds = map[string][]string{
	plan.KindProvince: {plan.KindCountry},
	plan.KindDistrict: {plan.KindProvince},
	plan.KindCity:     {plan.KindProvince},
	plan.KindCommune:  {plan.KindDistrict, plan.KindCity},
	plan.KindGroup:    {plan.KindCountry, plan.KindProvince, plan.KindDistrict, plan.KindCity},
}

func (c *checker) areas() {
	p := c.p
	c.ids(kindArea, len(p.Areas), func(i int) (string, plan.Node) { return p.Areas[i].ID, p.Areas[i].Node })
	for _, a := range p.Areas {
		c.name(a.Node, a.ID, "name", a.Name)
		c.need(a.Node, a.ID, "kind", a.Kind != "")
		c.oneOf(a.Node, a.ID, "kind", a.Kind, areaKinds...)
		parent := c.areaByID[a.Parent]
		c.ref(a.Node, "parent", a.ID, a.Parent, parent != nil, "địa bàn", "area", "areas.yaml")
		if a.Parent == "" && a.Kind != "" && a.Kind != plan.KindCountry && a.Kind != plan.KindProvince {
			c.err(a.Pos, a.ID, fmt.Sprintf("địa bàn loại %s cần khóa parent (địa bàn cấp trên)", clip(a.Kind)),
				fmt.Sprintf("an area of kind %s needs a parent", clip(a.Kind)))
		}
		if parent != nil && a.Kind != "" && parentKinds[a.Kind] != nil && !slices.Contains(parentKinds[a.Kind], parent.Kind) {
			c.err(a.At("parent"), a.ID,
				fmt.Sprintf("%s (%s) không thể thuộc %s (%s): cấp trên cần là %s", clip(a.ID), a.Kind, clip(parent.ID), clip(parent.Kind), strings.Join(parentKinds[a.Kind], " hoặc ")),
				fmt.Sprintf("%s (%s) cannot sit under %s (%s): its parent must be a %s", clip(a.ID), a.Kind, clip(parent.ID), clip(parent.Kind), strings.Join(parentKinds[a.Kind], " or ")))
		}
		for i, f := range a.Flags {
			c.oneOfAt(a.AtItem("flags", i), a.ID, "flags", f, plan.Flag30a, plan.FlagPoorCommune, plan.FlagDBKK, plan.FlagATK)
		}
		for _, f := range sortedKeys(a.FlagCounts) {
			c.oneOf(a.Node, a.ID, "flag_counts", f, plan.Flag30a, plan.FlagPoorCommune, plan.FlagDBKK, plan.FlagATK)
			if a.FlagCounts[f] < 0 {
				c.err(a.At("flag_counts"), a.ID, "flag_counts không được âm", "flag_counts cannot be negative")
			}
		}
		for i, m := range a.Members {
			ma := c.areaByID[m]
			c.refAt(a.AtItem("members", i), a.ID, m, ma != nil, "địa bàn", "area", "areas.yaml")
			if ma != nil && ma.Kind != plan.KindCommune {
				c.err(a.AtItem("members", i), a.ID, fmt.Sprintf("thành viên %s không phải xã (kind: %s)", clip(m), clip(ma.Kind)),
					fmt.Sprintf("member %s is not a commune (kind: %s)", clip(m), clip(ma.Kind)))
			}
		}
		if a.Kind != plan.KindGroup && (len(a.Members) > 0 || a.MemberCount != 0) {
			c.err(a.At("members"), a.ID, "chỉ nhóm (kind: group) mới có members và member_count",
				"only a group (kind: group) has members and member_count")
		}
		if a.MemberCount != 0 && a.MemberCount < len(a.Members) {
			c.err(a.At("member_count"), a.ID,
				fmt.Sprintf("member_count %d nhỏ hơn số xã đã liệt kê (%d)", a.MemberCount, len(a.Members)),
				fmt.Sprintf("member_count %d is less than the communes listed (%d)", a.MemberCount, len(a.Members)))
		}
		if a.Lat != nil && (*a.Lat < -90 || *a.Lat > 90) {
			c.err(a.At("lat"), a.ID, fmt.Sprintf("vĩ độ phải từ -90 đến 90 (tìm thấy %s)", num(*a.Lat)),
				fmt.Sprintf("latitude must be between -90 and 90 (found %s)", num(*a.Lat)))
		}
		if a.Lon != nil && (*a.Lon < -180 || *a.Lon > 180) {
			c.err(a.At("lon"), a.ID, fmt.Sprintf("kinh độ phải từ -180 đến 180 (tìm thấy %s)", num(*a.Lon)),
				fmt.Sprintf("longitude must be between -180 and 180 (found %s)", num(*a.Lon)))
		}
		if (a.Lat == nil) != (a.Lon == nil) {
			c.err(a.Pos, a.ID, "cần cả lat và lon, hoặc không có cả hai", "give both lat and lon, or neither")
		}
		c.nonNegative(a.Node, a.ID, "area_km2", a.AreaKM2)
		if a.AreaKM2 != nil {
			c.sourced(a.Node, a.ID, "area_km2", "area_source", a.AreaSource)
		}
		if a.Lat != nil || a.Lon != nil {
			key := "lat"
			if a.Lat == nil {
				key = "lon"
			}
			c.sourced(a.Node, a.ID, key, "coordinates_source", a.CoordinatesSource)
		}
		c.figures(a)
		for _, f := range a.Facts {
			c.name(f.Node, a.ID, "label", f.Label)
			c.short(f.At("unit"), a.ID, "unit", f.Unit, MaxNameLen)
			c.pastYear(f.Node, a.ID, "year", f.Year)
			c.need(f.Node, a.ID, "source", f.Source != "")
			c.source(f.Node, a.ID, f.Source)
			c.oneOf(f.Node, a.ID, "qualifier", f.Qualifier, plan.Qualifiers()...)
		}
	}
	c.cycles()
}

// confirmed checks the sources that publish a value besides its own: known,
// each once, and not its own source again.
func (c *checker) confirmed(node plan.Node, id, source string, others []string) {
	seen := map[string]bool{source: true}
	for i, s := range others {
		pos := node.AtItem("confirmed_by", i)
		if seen[s] {
			c.err(pos, id, fmt.Sprintf("nguồn %s đã được ghi cho số này: mỗi nguồn chỉ ghi một lần", quote(s)),
				fmt.Sprintf("source %s is already given for this value: name each source once", quote(s)))
			continue
		}
		seen[s] = true
		c.cited[s] = true
		c.refAt(pos, id, s, c.sourceSet[s], "nguồn", "source", "sources.yaml")
	}
}

// RateTolerance is how far, in points, a stated rate may be from the rate
// its own counts give before the checker warns.
const RateTolerance = 0.05

func (c *checker) figures(a plan.Area) {
	seen := map[int]int{} // the figure before of each year
	for i, f := range a.Figures {
		c.need(f.Node, a.ID, "year", f.Year != 0)
		c.pastYear(f.Node, a.ID, "year", f.Year)
		if j, dup := seen[f.Year]; dup {
			first := a.Figures[j].At("year")
			c.err(f.At("year"), a.ID, fmt.Sprintf("số liệu năm %d bị trùng (đã có ở %s): gộp làm một", f.Year, first),
				fmt.Sprintf("figures for %d given twice (first at %s): merge them", f.Year, first))
		}
		seen[f.Year] = i
		c.need(f.Node, a.ID, "source", f.Source != "")
		c.source(f.Node, a.ID, f.Source)
		c.confirmed(f.Node, a.ID, f.Source, f.ConfirmedBy)
		c.oneOf(f.Node, a.ID, "status", f.Status, plan.Final, plan.Provisional, plan.Estimate)
		if !f.Derived.IsZero() && f.Status == plan.Final {
			c.err(f.At("status"), a.ID,
				fmt.Sprintf("năm %d: số liệu tính từ số đã công bố (derived) không phải số chính thức: bỏ status: final", f.Year),
				fmt.Sprintf("%d: figures worked out from published ones (derived) are not official: remove status: final", f.Year))
		}
		c.percent(f.Node, a.ID, "poor_rate", f.PoorRate)
		c.percent(f.Node, a.ID, "near_poor_rate", f.NearPoorRate)
		counts := []struct {
			key string
			v   *int
		}{{"households", f.Households}, {"poor_households", f.PoorHouseholds}, {"near_poor_households", f.NearPoorHouseholds},
			{"left_poverty", f.LeftPoverty}, {"left_near_poverty", f.LeftNearPoverty}}
		for _, n := range counts {
			if n.v != nil && *n.v < 0 {
				c.err(f.At(n.key), a.ID, fmt.Sprintf("%s không được âm (tìm thấy %d)", n.key, *n.v),
					fmt.Sprintf("%s cannot be negative (found %d)", n.key, *n.v))
			}
		}
		c.rate(a.ID, f, "poor_rate", "poor_households", f.PoorRate, f.PoorHouseholds)
		c.rate(a.ID, f, "near_poor_rate", "near_poor_households", f.NearPoorRate, f.NearPoorHouseholds)
	}
}

// rate checks a count against the households and a stated rate against
// the rate its counts give.
func (c *checker) rate(id string, f plan.Figure, rateKey, countKey string, rate *float64, count *int) {
	if count == nil || f.Households == nil {
		return
	}
	if *count > *f.Households {
		c.err(f.At(countKey), id,
			fmt.Sprintf("%s (%d) lớn hơn tổng số hộ (%d)", countKey, *count, *f.Households),
			fmt.Sprintf("%s (%d) is more than all households (%d)", countKey, *count, *f.Households))
		return
	}
	if rate == nil || *f.Households == 0 {
		return
	}
	computed := 100 * float64(*count) / float64(*f.Households)
	if math.Abs(computed-*rate) > RateTolerance {
		c.warn(f.At(rateKey), id,
			fmt.Sprintf("năm %d: tỷ lệ ghi %.2f%% khác tỷ lệ tính từ số hộ %d / %d = %.2f%%", f.Year, *rate, *count, *f.Households, computed),
			fmt.Sprintf("%d: stated rate %.2f%% differs from the rate its counts give, %d / %d = %.2f%%", f.Year, *rate, *count, *f.Households, computed))
	}
}

// cycles reports areas that are their own ancestors.
func (c *checker) cycles() {
	for _, a := range c.p.Areas {
		seen := map[string]bool{a.ID: true}
		for p := c.areaByID[a.Parent]; p != nil; p = c.areaByID[p.Parent] {
			if seen[p.ID] {
				c.err(a.At("parent"), a.ID, fmt.Sprintf("vòng lặp cấp trên: %s nằm trong chính nó", clip(a.ID)),
					fmt.Sprintf("parent loop: %s is inside itself", clip(a.ID)))
				break
			}
			seen[p.ID] = true
		}
	}
}

func (c *checker) budget() {
	p := c.p
	for _, f := range p.Funds {
		c.name(f.Node, f.ID, "name", f.Name)
		c.need(f.Node, f.ID, "kind", f.Kind != "")
		c.oneOf(f.Node, f.ID, "kind", f.Kind, plan.FundCentral, plan.FundProvincial, plan.FundDistrict,
			plan.FundIntegrated, plan.FundCredit, plan.FundCommunity, plan.FundInternational)
	}
	for _, l := range p.BudgetLines {
		id := l.Policy
		c.need(l.Node, id, "policy", l.Policy != "")
		c.ref(l.Node, "policy", id, l.Policy, c.policySet[l.Policy], "chính sách", "policy", "policies.yaml")
		c.need(l.Node, id, "fund", l.Fund != "")
		c.ref(l.Node, "fund", id, l.Fund, c.fundSet[l.Fund], "nguồn vốn", "fund", "budget.yaml")
		c.need(l.Node, id, "year", l.Year != 0)
		c.year(l.Node, id, "year", l.Year)
		c.ref(l.Node, "area", id, l.Area, c.areaByID[l.Area] != nil, "địa bàn", "area", "areas.yaml")
		c.need(l.Node, id, "source", l.Source != "")
		c.source(l.Node, id, l.Source)
		c.oneOf(l.Node, id, "qualifier", l.Qualifier, plan.Qualifiers()...)
		c.nonNegative(l.Node, id, "planned", l.Planned)
		c.nonNegative(l.Node, id, "allocated", l.Allocated)
		c.nonNegative(l.Node, id, "disbursed", l.Disbursed)
		if l.Planned == nil && l.Allocated == nil && l.Disbursed == nil {
			c.err(l.Pos, id, "dòng ngân sách cần ít nhất một số: planned, allocated hoặc disbursed",
				"a budget line needs at least one of planned, allocated or disbursed")
		}
		if l.Allocated != nil && l.Disbursed != nil && *l.Disbursed > *l.Allocated {
			c.warn(l.At("disbursed"), id,
				fmt.Sprintf("giải ngân %s lớn hơn số được giao %s", num(*l.Disbursed), num(*l.Allocated)),
				fmt.Sprintf("disbursed %s is more than allocated %s", num(*l.Disbursed), num(*l.Allocated)))
		}
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// foldVietnamese drops diacritics and maps đ to d, for suggested ids.
func foldVietnamese(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r == 'Đ':
			b.WriteRune('D')
		case r >= 0x300 && r <= 0x36f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
