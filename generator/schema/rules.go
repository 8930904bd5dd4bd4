package schema

import (
	"plansite/generator/check"
	"plansite/generator/plan"
)

// A rule narrows a field beyond its Go type, as the checker does: the
// values it allows, the form of an id or a date, a range. Rules are keyed
// like docs, Type.key; Type.key[] is an item of a list.
type rule struct {
	enum     []any
	keys     []string // allowed keys of a mapping
	pattern  string
	maxLen   int   // the longest string, in characters
	notEnum  []any // values refused
	min, max *float64
	minItems int
	maxItems int
}

func (r rule) scalar() obj {
	var s obj
	if r.pattern != "" {
		s = append(s, kv{"pattern", r.pattern})
	}
	if r.maxLen > 0 {
		s = append(s, kv{"maxLength", r.maxLen})
	}
	if len(r.notEnum) > 0 {
		s = append(s, kv{"not", obj{{"enum", r.notEnum}}})
	}
	if r.min != nil {
		s = append(s, kv{"minimum", *r.min})
	}
	if r.max != nil {
		s = append(s, kv{"maximum", *r.max})
	}
	return s
}

func (r rule) list() obj {
	var s obj
	if r.minItems > 0 {
		s = append(s, kv{"minItems", r.minItems})
	}
	if r.maxItems > 0 {
		s = append(s, kv{"maxItems", r.maxItems})
	}
	return s
}

func f(v float64) *float64 { return &v }

func strs(ss ...string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Patterns the checker holds values to.
const (
	idPattern   = check.IDPattern
	datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
)

var (
	id = rule{pattern: idPattern, maxLen: check.MaxIDLen}
	// pageID is the id of an item with a page or a file of its own.
	pageID   = rule{pattern: idPattern, maxLen: check.MaxIDLen, notEnum: strs(check.ReservedIDs()...)}
	date     = rule{pattern: datePattern}
	year     = rule{min: f(check.MinYear), max: f(check.MaxYear)}
	count    = rule{min: f(0)}
	percent  = rule{min: f(0), max: f(100)}
	pair     = rule{minItems: 2, maxItems: 2}
	statuses = rule{enum: strs(plan.Final, plan.Provisional, plan.Estimate)}
	every    = rule{enum: strs(plan.EveryHalfYear, plan.EveryYear, plan.EveryQuarter)}
	qualify  = rule{enum: strs(plan.Qualifiers()...)}
	flags    = []string{plan.Flag30a, plan.FlagPoorCommune, plan.FlagDBKK, plan.FlagATK}
)

var rules = map[string]rule{
	"Site.base_url": {pattern: `^(/|https?://)`},
	"Site.updated":  date,
	"Site.contact":  {pattern: `^(https://|[^@\s]+@[^@\s]+\.[^@\s]+$)`},

	"Document.date": date,
	"Period.start":  year,
	"Period.end":    year,
	"Section.id":    id,
	"Duty.every":    every,

	"Target.id":      pageID,
	"Target.unit":    {enum: strs(plan.UnitPercent, plan.UnitCount, plan.UnitMillionVND)},
	"Target.measure": {enum: strs(plan.MeasurePoorRate, plan.MeasureNearPoorRate)},
	"Target.method":  {enum: strs("linear", "growth_ratio")},
	"Target.by":      year,
	"Baseline.year":  year,
	"Amount.value":   count,

	"Goal.between":           pair,
	"Goal.reduce_per_year":   pair,
	"Goal.reduce_per_year[]": count,
	"Goal.per_year":          pair,
	"Goal.per_year[]":        count,
	"Goal.direction":         {enum: strs(plan.Increase, plan.Decrease)},
	"Goal.qualifier":         qualify,

	"Observation.year":      year,
	"Observation.half":      {enum: []any{0, 1}},
	"Observation.status":    statuses,
	"Observation.qualifier": qualify,

	"Policy.id":    pageID,
	"Policy.group": {enum: strs(plan.GroupGeneral, plan.GroupSpecific, plan.GroupNational)},
	"Agency.id":    pageID,
	"Agency.kind":  {enum: strs(check.AgencyKinds...)},

	"Area.id":           pageID,
	"Area.kind":         {enum: strs(plan.KindCountry, plan.KindProvince, plan.KindDistrict, plan.KindCity, plan.KindCommune, plan.KindGroup)},
	"Area.flags[]":      {enum: strs(flags...)},
	"Area.flag_counts":  {keys: flags},
	"Area.member_count": count,
	"Area.area_km2":     count,
	"Area.lat":          {min: f(-90), max: f(90)},
	"Area.lon":          {min: f(-180), max: f(180)},

	"Figure.year":                 year,
	"Figure.households":           count,
	"Figure.poor_households":      count,
	"Figure.near_poor_households": count,
	"Figure.poor_rate":            percent,
	"Figure.near_poor_rate":       percent,
	"Figure.left_poverty":         count,
	"Figure.left_near_poverty":    count,
	"Figure.status":               statuses,
	"Fact.year":                   year,
	"Fact.qualifier":              qualify,

	"Source.id":   id,
	"Source.url":  {pattern: `^https?://`},
	"Source.date": date,

	"Fund.id":              id,
	"Fund.kind":            {enum: strs(plan.FundCentral, plan.FundProvincial, plan.FundDistrict, plan.FundIntegrated, plan.FundCredit, plan.FundCommunity, plan.FundInternational)},
	"BudgetLine.year":      year,
	"BudgetLine.qualifier": qualify,
	"BudgetLine.planned":   count,
	"BudgetLine.allocated": count,
	"BudgetLine.disbursed": count,

	"Report.id":     pageID,
	"Report.date":   date,
	"Report.period": every,
}

// required lists, by type, the keys the checker asks for. An observation
// needs a value and a source only once it is filled in, so they are not
// listed: an empty slot has neither. Nor are the keys the checker asks
// for only in some cases: a section's title (the plan's, where it has
// one), a target's unit (none for a qualitative goal), a policy's lead
// (none where each agency leads a task).
var required = map[string][]string{
	"Site":        {"title"},
	"Document":    {"title", "period"},
	"Section":     {"id"},
	"Duty":        {"to", "every"},
	"Target":      {"id", "name", "scope", "goal", "by"},
	"Baseline":    {"year"},
	"Observation": {"target", "year"},
	"Policy":      {"id", "number", "name"},
	"Role":        {"agency", "text"},
	"Agency":      {"id", "name"},
	"Area":        {"id", "name", "kind"},
	"Figure":      {"year", "source"},
	"Fact":        {"label", "source"},
	"Source":      {"id", "title"},
	"Fund":        {"id", "name", "kind"},
	"BudgetLine":  {"policy", "fund", "year", "source"},
	"Report":      {"id", "date", "title", "body"},
}

// minProperties asks for at least one key where an empty record means
// nothing: a goal needs its kind.
var minProperties = map[string]int{"Goal": 1}
