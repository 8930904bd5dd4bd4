package opendata

import (
	"strings"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// target is the plan's target of tp, which the report's index finds; an
// empty one if the plan has none.
func target(r *progress.Report, tp *progress.TargetProgress) *plan.Target {
	if t := r.Index.Target(tp.ID); t != nil {
		return t
	}
	return &plan.Target{ID: tp.ID}
}

// result is an explained figure's result, or nil.
func result(e *progress.Explanation) any {
	if e == nil {
		return nil
	}
	return e.Result
}

func indicatorColumns() []column {
	return []column{
		{name: "id", typ: typeString, desc: "Target id, a stable ASCII slug; the indicator's page is /chi-tieu/<id>/ (vi) and /en/indicators/<id>/ (en)."},
		{name: "name_vi", typ: typeString, desc: "Short name in Vietnamese."},
		{name: "name_en", typ: typeString, desc: "Short name in English (unofficial translation)."},
		{name: "unit", typ: typeString, desc: "Unit of the target's levels (baseline_value, latest_value, goal_value, projected_value): percent, count or million_vnd; empty for a qualitative goal. A change of a percent level (reduce_per_year goals, required_yearly_change, observed_yearly_change) is in percentage points, never in percent."},
		{name: "scope", typ: typeString, desc: "Id of the area the target is about (see districts)."},
		{name: "goal", typ: typeString, desc: "The goal in words, such as \"at least 90\" or \"between 8.5 and 9, decrease\"."},
		{name: "goal_kind", typ: typeString, desc: "Kind of goal: at_least, above, at_most, zero, between, reduce_per_year, per_year, total, share_leaving or qualitative; empty when the goal is invalid."},
		{name: "goal_low", typ: typeNumber, desc: "Lower number of the goal: the level of at_least, above, total and share_leaving; the low end of between, reduce_per_year (percentage points a year) and per_year; 0 for zero."},
		{name: "goal_high", typ: typeNumber, desc: "Upper number of the goal: the level of at_most; the high end of between, reduce_per_year (percentage points a year) and per_year; 0 for zero."},
		{name: "direction", typ: typeString, desc: "Direction in which the goal asks the value to move: increase or decrease."},
		{name: "goal_value", typ: typeNumber, desc: "The value the pace is measured against: the goal's level; for a range, the end met first coming from the target's direction; for a yearly reduction, the level the low end of the band leads to by the target year."},
		{name: "baseline_year", typ: typeYear, desc: "Baseline year."},
		{name: "baseline_value", typ: typeNumber, desc: "Value in the baseline year, stated or taken from the scope area's figures."},
		{name: "target_year", typ: typeYear, desc: "Year by which the target is to be met."},
		{name: "latest_value", typ: typeNumber, desc: "Latest value used."},
		{name: "latest_year", typ: typeYear, desc: "Year of the latest value."},
		{name: "latest_half", typ: typeInteger, desc: "1 when the latest value is a first-half (30 June) figure; empty for a whole-year figure."},
		{name: "latest_status", typ: typeString, desc: "Status of the latest value: final, provisional or estimate."},
		{name: "status", typ: typeString, desc: "Where the target stands: " + statusList() + "."},
		{name: "method", typ: typeString, desc: "Outlook method: linear, or growth_ratio (Open SDG / Statistics Canada)."},
		{name: "required_yearly_change", typ: typeNumber, desc: "Yearly change needed from the baseline to meet the goal on time: (goal_value − baseline) / (target_year − baseline_year), in percentage points a year when unit is percent; for a count per year, the low end of the band."},
		{name: "observed_yearly_change", typ: typeNumber, desc: "Yearly change seen from the baseline to the latest value: (latest − baseline) / (latest time − baseline_year), in percentage points a year when unit is percent; for a count per year, the average count. Negative is a fall."},
		{name: "pace_ratio", typ: typeNumber, desc: "Observed over required pace, signed so that positive is towards the goal; its bands give the status (≥ 0.95 on track, 0.60–0.95 needs acceleration, 0–0.60 off track, < 0 moving away)."},
		{name: "share_of_way", typ: typeNumber, desc: "Share of the way from baseline to goal_value covered by the latest value, 0 to 1."},
		{name: "projected_value", typ: typeNumber, desc: "Value expected in the target year if the observed pace goes on; empty once the latest value is of the target year or later."},
		{name: "notes", typ: typeString, list: true, desc: "Remarks on the result, separated by semicolons: closed, provisional, baseline_from_first, qualitative, …"},
		{name: "policies", typ: typeString, list: true, desc: "Ids of the policies serving the target, separated by semicolons (see policies.json)."},
		{name: "agencies", typ: typeString, list: true, desc: "Ids of the agencies responsible, separated by semicolons (see agencies.json)."},
	}
}

// statusList names every status, in progress's order: "achieved, on_track,
// … or no_data".
func statusList() string {
	var names []string
	for _, s := range progress.Statuses() {
		names = append(names, string(s))
	}
	last := len(names) - 1
	return strings.Join(names[:last], ", ") + " or " + names[last]
}

// indicators has one row per target, in the plan's order.
func indicators(p *plan.Plan, r *progress.Report) *table {
	t := &table{tableInfo: info("indicators"), columns: indicatorColumns(), primaryKey: []string{"id"}}
	for i := range r.Targets {
		tp := &r.Targets[i]
		pt := target(r, tp)
		low, high := pt.Goal.Bounds()
		var baseline, latest, latestYear, latestHalf, latestStatus any
		if tp.Baseline != nil {
			baseline = tp.Baseline.Value
		}
		if l := tp.Latest; l != nil {
			latest, latestYear, latestStatus = l.Value, l.Year, str(l.Status)
			if l.Half != 0 {
				latestHalf = l.Half
			}
		}
		notes := make([]string, len(tp.Notes))
		for j, n := range tp.Notes {
			notes[j] = string(n)
		}
		t.rows = append(t.rows, []any{
			tp.ID, str(pt.Name.VI), str(pt.Name.EN), str(pt.Unit), str(pt.Scope),
			str(goalText(pt.Goal)), str(tp.Kind), optNum(low), optNum(high), str(tp.Dir), result(tp.Goal),
			year(pt.Baseline.Year), baseline, year(pt.By),
			latest, latestYear, latestHalf, latestStatus,
			str(string(tp.Status)), str(tp.Method),
			result(tp.Required), result(tp.Observed), result(tp.Ratio), result(tp.Share), result(tp.Projected),
			list(notes), list(pt.Policies), list(pt.Agencies),
		})
	}
	return t
}

// goalText is the goal in words (English, numbers as in the CSV).
func goalText(g plan.Goal) string {
	lo, hi := g.Bounds()
	// span is "lo<sep>hi", or one number when they are equal.
	span := func(sep string) string {
		switch {
		case lo == nil || hi == nil:
			return ""
		case *lo == *hi:
			return FormatNumber(*lo)
		}
		return FormatNumber(*lo) + sep + FormatNumber(*hi)
	}
	switch g.Kind() {
	case plan.GoalAtLeast:
		return "at least " + FormatNumber(*g.AtLeast)
	case plan.GoalAbove:
		return "above " + FormatNumber(*g.Above)
	case plan.GoalAtMost:
		return "at most " + FormatNumber(*g.AtMost)
	case plan.GoalZero:
		return "zero"
	case plan.GoalTotal:
		return "a total of " + FormatNumber(*g.Total)
	case plan.GoalShareLeaving:
		return FormatNumber(*g.ShareLeaving) + " % of the set leaving the status"
	case plan.GoalQualitative:
		return "qualitative (no number)"
	}
	s := span(" to ")
	if s == "" {
		return ""
	}
	switch g.Kind() {
	case plan.GoalBetween:
		s = "between " + span(" and ")
		if g.Direction != "" {
			s += ", " + g.Direction
		}
		return s
	case plan.GoalReducePerYear:
		return "a fall of " + s + " a year"
	case plan.GoalPerYear:
		return s + " a year"
	}
	return ""
}

func observationColumns() []column {
	return []column{
		{name: "target", typ: typeString, desc: "Id of the target (see indicators)."},
		{name: "area", typ: typeString, desc: "Id of the area the value is about: the target's scope."},
		{name: "year", typ: typeYear, desc: "Year of the value."},
		{name: "half", typ: typeInteger, desc: "1 for a first-half (30 June) figure; empty for a whole-year figure."},
		{name: "value", typ: typeNumber, desc: "The value, a level in the target's unit (percent, count or million_vnd)."},
		{name: "status", typ: typeString, desc: "final, provisional or estimate; empty when the source does not say."},
		{name: "origin", typ: typeString, desc: "Where the value comes from: baseline (the target's stated baseline), observation (a measured value of the target) or figure (the scope area's yearly figure, for targets measured on area figures)."},
		{name: "computed", typ: typeBoolean, desc: "true when the value was computed from household counts (n / N × 100) because the source states no rate."},
		{name: "source", typ: typeString, desc: "Id of the source."},
		{name: "source_title_vi", typ: typeString, desc: "Title of the source in Vietnamese."},
		{name: "source_title_en", typ: typeString, desc: "Title of the source in English."},
		{name: "source_url", typ: typeString, desc: "Address of the source."},
	}
}

// observations has every point of every target's series, targets in the
// plan's order and points oldest first.
func observations(p *plan.Plan, r *progress.Report) *table {
	t := &table{tableInfo: info("observations"), columns: observationColumns(),
		foreignKeys: []foreignKey{{Fields: "target", Reference: reference{Resource: "indicators-csv", Fields: "id"}}}}
	for i := range r.Targets {
		tp := &r.Targets[i]
		pt := target(r, tp)
		b := pt.Baseline
		statedBase := tp.Kind != plan.GoalPerYear && tp.Baseline != nil && b.Value != nil &&
			(r.AsOf == 0 || b.Year <= r.AsOf)
		for j, v := range tp.Series {
			origin := "observation"
			switch {
			case j == 0 && statedBase && v.Year == b.Year && v.Half == 0:
				origin = "baseline"
			case pt.Measure != "":
				origin = "figure"
			}
			var half any
			if v.Half != 0 {
				half = v.Half
			}
			var title plan.Text
			var url string
			if s := r.Index.Source(v.Source); s != nil {
				title, url = s.Title, s.URL
			}
			t.rows = append(t.rows, []any{
				tp.ID, str(tp.Scope), v.Year, half, v.Value, str(v.Status), origin, v.Computed != nil,
				str(v.Source), str(title.VI), str(title.EN), str(url),
			})
		}
	}
	return t
}

func districtColumns() []column {
	return []column{
		{name: "area", typ: typeString, desc: "Area id, a stable ASCII slug; the area's page is /dia-phuong/<id>/ (vi) and /en/districts/<id>/ (en)."},
		{name: "name_vi", typ: typeString, desc: "Name in Vietnamese."},
		{name: "name_en", typ: typeString, desc: "Name in English."},
		{name: "kind", typ: typeString, desc: "country, province, district, city, commune or group (a set of communes)."},
		{name: "parent", typ: typeString, desc: "Id of the area it lies in."},
		{name: "flags", typ: typeString, list: true, desc: "Flags separated by semicolons: 30a (poor district under Resolution 30a), poor_commune, dbkk (extremely difficult commune), atk (revolutionary base commune)."},
		{name: "year", typ: typeYear, desc: "Year of the figure."},
		{name: "households", typ: typeInteger, desc: "Households."},
		{name: "poor_households", typ: typeInteger, desc: "Poor households."},
		{name: "poor_rate", typ: typeNumber, desc: "Poor-household rate (%): as the source states it, else computed from the counts."},
		{name: "poor_rate_computed", typ: typeNumber, desc: "Poor-household rate computed from the counts: poor_households / households × 100."},
		{name: "poor_rate_change", typ: typeNumber, desc: "Change of poor_rate in percentage points a year since the previous year with a rate; negative is a fall."},
		{name: "near_poor_households", typ: typeInteger, desc: "Near-poor households."},
		{name: "near_poor_rate", typ: typeNumber, desc: "Near-poor-household rate (%): as the source states it, else computed from the counts."},
		{name: "near_poor_rate_computed", typ: typeNumber, desc: "Near-poor-household rate computed from the counts: near_poor_households / households × 100."},
		{name: "near_poor_rate_change", typ: typeNumber, desc: "Change of near_poor_rate in percentage points a year since the previous year with a rate; negative is a fall."},
		{name: "left_poverty", typ: typeInteger, desc: "Households that left poverty during the year."},
		{name: "left_near_poverty", typ: typeInteger, desc: "Households that left near-poverty during the year."},
		{name: "status", typ: typeString, desc: "final, provisional or estimate; empty when the source does not say."},
		{name: "source", typ: typeString, desc: "Id of the source."},
	}
}

// districts has one row per area and year with a figure, areas in the
// plan's order and years ascending.
func districts(p *plan.Plan, r *progress.Report) *table {
	t := &table{tableInfo: info("districts"), columns: districtColumns(), primaryKey: []string{"area", "year"}}
	for i := range p.Areas {
		a := &p.Areas[i]
		ap := r.Area(a.ID)
		if r.Index.Area(a.ID) != a || ap == nil {
			continue // of two areas with one id, the first counts
		}
		for _, ay := range ap.Years {
			var f plan.Figure
			for _, g := range a.Figures {
				if g.Year == ay.Year {
					f = g // the first of a year counts, as in the report
					break
				}
			}
			var poor, poorComputed, near, nearComputed any
			if ay.Poor != nil {
				poor, poorComputed = ay.Poor.Value, result(ay.Poor.Computed)
			}
			if ay.NearPoor != nil {
				near, nearComputed = ay.NearPoor.Value, result(ay.NearPoor.Computed)
			}
			t.rows = append(t.rows, []any{
				a.ID, str(a.Name.VI), str(a.Name.EN), str(a.Kind), str(a.Parent), list(a.Flags), ay.Year,
				optInt(f.Households), optInt(f.PoorHouseholds), poor, poorComputed, result(ay.PoorChange),
				optInt(f.NearPoorHouseholds), near, nearComputed, result(ay.NearPoorChange),
				optInt(f.LeftPoverty), optInt(f.LeftNearPoverty), str(ay.Status), str(ay.Source),
			})
		}
	}
	return t
}

func budgetColumns() []column {
	return []column{
		{name: "policy", typ: typeString, desc: "Id of the policy or project (see policies.json)."},
		{name: "policy_number", typ: typeString, desc: "The policy's number in the plan, such as 1.1."},
		{name: "fund", typ: typeString, desc: "Id of the fund."},
		{name: "fund_kind", typ: typeString, desc: "Kind of fund: central, provincial, district, integrated, credit, community or international."},
		{name: "year", typ: typeYear, desc: "Budget year."},
		{name: "area", typ: typeString, desc: "Id of the area the money is for; empty for the whole plan area."},
		{name: "planned", typ: typeNumber, desc: "Planned, in million VND."},
		{name: "allocated", typ: typeNumber, desc: "Allocated, in million VND."},
		{name: "disbursed", typ: typeNumber, desc: "Disbursed, in million VND."},
		{name: "source", typ: typeString, desc: "Id of the source."},
	}
}

// budgets has one row per budget line of the report's years, in the plan's
// order.
func budgets(p *plan.Plan, r *progress.Report) *table {
	t := &table{tableInfo: info("budgets"), columns: budgetColumns()}
	for _, l := range p.BudgetLines {
		if r.AsOf != 0 && l.Year > r.AsOf {
			continue
		}
		var number, kind string
		if pol := r.Index.Policy(l.Policy); pol != nil {
			number = pol.Number
		}
		if f := r.Index.Fund(l.Fund); f != nil {
			kind = f.Kind
		}
		t.rows = append(t.rows, []any{
			str(l.Policy), str(number), str(l.Fund), str(kind), year(l.Year), str(l.Area),
			optNum(l.Planned), optNum(l.Allocated), optNum(l.Disbursed), str(l.Source),
		})
	}
	return t
}
