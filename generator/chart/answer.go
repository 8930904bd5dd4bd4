package chart

import (
	"math"
	"unicode"
	"unicode/utf8"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// An Answer is a target's result in words: what the home page and the top
// of the target's page say before any chart or table. Its numbers take
// the decimals of the target's series, as the chart and its table do.
type Answer struct {
	// Value is the latest value with its unit ("7,50 %"), When its year.
	Value, When plan.Text
	// Change is the change from the baseline: "Giảm 4,61 điểm % so với
	// 12,11 % (2012)"; empty with fewer than two values.
	Change plan.Text
	// Goal is the goal with its year: "Mục tiêu 2015: 8,5–9,0 %".
	Goal plan.Text
	// Line is the answer line: the status in plain words, then Standing.
	Line plan.Text
	// Standing is the latest value against the goal, without the status:
	// "7,50 % (2015), mục tiêu 8,5–9,0 % đến năm 2015.", for beside a
	// status badge.
	Standing plan.Text
	// Pace is what it takes from here against the pace so far, for a
	// target not met whose year is ahead; empty otherwise.
	Pace plan.Text
	// How says in words how the status is worked out, sentence by
	// sentence, with the target's own numbers.
	How []plan.Text
	// Decimals is how many decimals the target's values are shown with,
	// all alike (7,50 beside 12,11), in tables as in the chart.
	Decimals int
	// Source is the id of the source of the latest value.
	Source string `json:",omitempty"`
}

// The phrases of the answers.
var (
	answerLine   = phrase{VI: "%s: %s", EN: "%s: %s"}
	standing     = phrase{VI: "%s (%s), %s.", EN: "%s (%s), %s."}
	standingOnly = phrase{VI: "%s (%s).", EN: "%s (%s)."}
	answerNoData = phrase{VI: "%s. %s", EN: "%s. %s"}
	closedLabel  = phrase{VI: "Chưa đạt khi hết hạn", EN: "Not met by the target year"}
	goalLower    = phrase{VI: "mục tiêu %s", EN: "target %s"}
	goalByLower  = phrase{VI: "mục tiêu %s đến năm %d", EN: "target %s by %d"}
	changeFrom   = phrase{VI: "%s so với %s (%s)", EN: "%s from %s (%s)"}
	down         = phrase{VI: "giảm %s", EN: "down %s"}
	up           = phrase{VI: "tăng %s", EN: "up %s"}
	noChange     = phrase{VI: "không đổi", EN: "unchanged"}
	fallYear     = phrase{VI: "giảm %s mỗi năm", EN: "a fall of %s a year"}
	riseYear     = phrase{VI: "tăng %s mỗi năm", EN: "a rise of %s a year"}
	steadyYear   = phrase{VI: "không đổi", EN: "no change"}
	paceNeeded   = phrase{VI: "Để đạt mục tiêu %s vào năm %d, từ mức %s (%s) cần %s.",
		EN: "To reach the target of %s by %d from %s (%s) takes %s."}
	paceSoFar   = phrase{VI: "Tốc độ đến nay: %s.", EN: "The pace so far: %s."}
	paceUnknown = phrase{VI: "Chưa đủ số liệu để biết tốc độ đến nay.", EN: "There are not yet enough figures to tell the pace so far."}
	paceLine    = phrase{VI: "Cần đạt từ nay", EN: "Needed from here"}

	// How it is computed.
	metWhen = map[string]phrase{
		progress.WhenAtMost:  {VI: "Chỉ tiêu đạt khi giá trị mới nhất không vượt quá mục tiêu (%s).", EN: "The target is met when the latest value is no higher than the goal (%s)."},
		progress.WhenAtLeast: {VI: "Chỉ tiêu đạt khi giá trị mới nhất không thấp hơn mục tiêu (%s).", EN: "The target is met when the latest value is no lower than the goal (%s)."},
		progress.WhenAbove:   {VI: "Chỉ tiêu đạt khi giá trị mới nhất cao hơn mục tiêu (%s).", EN: "The target is met when the latest value is higher than the goal (%s)."},
	}
	metCounted = phrase{VI: "Chỉ tiêu đạt khi năm nào của kế hoạch cũng có số liệu và tổng cộng ít nhất %s (%s mỗi năm).",
		EN: "The target is met when every year of the plan has a figure and together they come to at least %s (%s a year)."}
	rangeEnd = phrase{VI: "Với một khoảng, mục tiêu là đầu khoảng gặp trước theo hướng của chỉ tiêu: %s.",
		EN: "For a range, the goal is the end reached first in the target's direction: %s."}
	reduceGoal = phrase{VI: "Mục tiêu là mức đạt được nếu mỗi năm giảm ít nhất %s điểm từ %s (%s) đến năm %d: %s.",
		EN: "The goal is the level reached by a fall of at least %s points a year from %s (%s) to %d: %s."}
	requiredWords = phrase{VI: "Tốc độ cần thiết từ năm gốc: %s (từ %s năm %s đến %s năm %d).",
		EN: "The pace needed from the baseline: %s (from %s in %s to %s in %d)."}
	observedWords = phrase{VI: "Tốc độ thực tế: %s (đến %s năm %s).", EN: "The pace so far: %s (to %s in %s)."}
	ratioWords    = phrase{VI: "Tốc độ thực tế bằng %s lần tốc độ cần thiết.", EN: "The pace so far is %s times the pace needed."}
	growthWords   = phrase{VI: "Theo phương pháp tăng trưởng, hai tốc độ là mức tăng (giảm) bình quân theo phần trăm mỗi năm.",
		EN: "By the growth method, both paces are average yearly growth rates, in per cent."}
	bandsWords = phrase{VI: "Từ 0,95 lần trở lên là đúng tiến độ; từ 0,6 đến dưới 0,95 là cần đẩy nhanh; từ 0 đến dưới 0,6 là chậm tiến độ; dưới 0 là đi ngược mục tiêu.",
		EN: "0.95 times or more is on track; 0.6 to under 0.95 needs acceleration; 0 to under 0.6 is off track; below 0 is moving away from the target."}
	oneValueWords = phrase{VI: "Với một giá trị, chưa thể tính tốc độ: cần ít nhất hai năm có số liệu.",
		EN: "With one value there is no pace yet: it takes figures of at least two years."}
	noValueWords = phrase{VI: "Chưa có số liệu nào để so với mục tiêu.", EN: "There is no figure yet to compare with the goal."}
)

// AnswerOf is the answer for target t with its progress tp.
func AnswerOf(t *plan.Target, tp *progress.TargetProgress) Answer {
	var a Answer
	unit := unitOf(t)
	pts := tp.Series
	d := decimals(values(pts)...)
	a.Decimals = d
	g := goalOf(t, tp)
	if g.words.VI != "" {
		if t.By > 0 {
			a.Goal = both(func(l plan.Lang) string { return goalBy.in(l, t.By, g.words.In(l)) })
		} else {
			a.Goal = both(func(l plan.Lang) string { return goalAnyTime.in(l, g.words.In(l)) })
		}
	}
	goalClause := both(func(l plan.Lang) string {
		if g.words.VI == "" {
			return ""
		}
		if t.By > 0 {
			return goalByLower.in(l, g.words.In(l), t.By)
		}
		return goalLower.in(l, g.words.In(l))
	})
	label := tp.Status.Label()
	if tp.Closed {
		label = plan.Text(closedLabel)
	}
	if tp.Latest == nil {
		if goalClause.VI != "" {
			a.Standing = both(func(l plan.Lang) string { return capital(goalClause.In(l)) + "." })
		}
		a.Line = both(func(l plan.Lang) string {
			if goalClause.VI == "" {
				return label.In(l) + "."
			}
			return answerNoData.in(l, label.In(l), a.Standing.In(l))
		})
		a.How = how(t, tp, d, unit)
		return a
	}
	latest := *tp.Latest
	a.Source = latest.Source
	a.Value = both(func(l plan.Lang) string { return withUnit(l, latest.Value, d, unit) })
	a.When = when(latest.Year, latest.Half)
	a.Standing = both(func(l plan.Lang) string {
		if goalClause.VI == "" {
			return standingOnly.in(l, a.Value.In(l), a.When.In(l))
		}
		return standing.in(l, a.Value.In(l), a.When.In(l), goalClause.In(l))
	})
	a.Line = both(func(l plan.Lang) string { return answerLine.in(l, label.In(l), a.Standing.In(l)) })
	if len(pts) > 1 {
		first := pts[0]
		a.Change = both(func(l plan.Lang) string {
			diff := latest.Value - first.Value
			amount := difference(l, math.Abs(diff), d, unit)
			var moved string
			switch {
			case round(diff) < 0:
				moved = down.in(l, amount)
			case round(diff) > 0:
				moved = up.in(l, amount)
			default:
				moved = noChange.in(l)
			}
			return capital(changeFrom.in(l, moved, withUnit(l, first.Value, d, unit), when(first.Year, first.Half).In(l)))
		})
	}
	if tp.Needed != nil && tp.Goal != nil {
		goalValue := tp.Goal.Result
		gd := goalDecimals(d, goalValue)
		a.Pace = both(func(l plan.Lang) string {
			s := paceNeeded.in(l, withUnit(l, goalValue, gd, unit), t.By, a.Value.In(l), a.When.In(l),
				perYear(l, tp.Needed.Result, unit))
			if tp.Observed != nil {
				return s + " " + paceSoFar.in(l, perYear(l, tp.Observed.Result, unit))
			}
			return s + " " + paceUnknown.in(l)
		})
	}
	a.How = how(t, tp, d, unit)
	return a
}

// goalDecimals are the decimals of a goal's value gv beside values of d
// decimals: at most one, as the goal's words have them (8,5–9,0 %).
func goalDecimals(d int, gv float64) int { return max(min(d, 1), decimals(gv)) }

// difference writes an amount of change: points for a rate.
func difference(lang plan.Lang, x float64, d int, unit string) string {
	if unit == plan.UnitPercent {
		unit = plan.UnitPoints
	}
	return withUnit(lang, x, d, unit)
}

// perYear writes a yearly change in words: "giảm 0,72 điểm % mỗi năm".
func perYear(lang plan.Lang, x float64, unit string) string {
	amount := difference(lang, math.Abs(x), 2, unit)
	switch {
	case round(x) < 0:
		return fallYear.in(lang, amount)
	case round(x) > 0:
		return riseYear.in(lang, amount)
	}
	return steadyYear.in(lang)
}

// how says in words how a target's status is worked out, with its
// numbers: when it counts as met, the goal, the two paces and their ratio.
func how(t *plan.Target, tp *progress.TargetProgress, d int, unit string) []plan.Text {
	var out []plan.Text
	add := func(f func(l plan.Lang) string) { out = append(out, both(f)) }
	if tp.Goal != nil {
		gv := tp.Goal.Result
		gd := goalDecimals(d, gv)
		goalText := func(l plan.Lang) string { return withUnit(l, gv, gd, unit) }
		if p, ok := metWhen[tp.AchievedWhen]; ok {
			add(func(l plan.Lang) string { return p.in(l, goalText(l)) })
		}
		switch tp.Kind {
		case plan.GoalBetween:
			add(func(l plan.Lang) string { return rangeEnd.in(l, goalText(l)) })
		case plan.GoalReducePerYear:
			if lo, _ := t.Goal.Bounds(); lo != nil && len(tp.Series) > 0 {
				start := tp.Series[0]
				add(func(l plan.Lang) string {
					return reduceGoal.in(l, num(l, *lo, decimals(*lo)), withUnit(l, start.Value, d, unit),
						when(start.Year, start.Half).In(l), t.By, goalText(l))
				})
			}
		}
	}
	if tp.AchievedWhen == progress.WhenCounted && tp.Required != nil {
		lo := tp.Required.Result
		years := 0.0
		if tp.Share != nil {
			for _, in := range tp.Share.Inputs {
				if in.Name == "years" {
					years = in.Value
				}
			}
		}
		add(func(l plan.Lang) string {
			return metCounted.in(l, num(l, lo*years, decimals(lo*years)), num(l, lo, decimals(lo)))
		})
	}
	switch {
	case tp.Latest == nil:
		if tp.Goal != nil || tp.AchievedWhen != "" {
			add(func(l plan.Lang) string { return noValueWords.in(l) })
		}
		return out
	case len(tp.Series) < 2:
		add(func(l plan.Lang) string { return oneValueWords.in(l) })
		return out
	}
	if tp.Required != nil && tp.Goal != nil && tp.AchievedWhen != progress.WhenCounted {
		start := tp.Series[0]
		gv := tp.Goal.Result
		add(func(l plan.Lang) string {
			return requiredWords.in(l, perYear(l, tp.Required.Result, unit), withUnit(l, start.Value, d, unit),
				when(start.Year, start.Half).In(l), withUnit(l, gv, goalDecimals(d, gv), unit), t.By)
		})
	}
	if tp.Observed != nil && tp.Latest != nil && tp.AchievedWhen != progress.WhenCounted {
		latest := *tp.Latest
		add(func(l plan.Lang) string {
			return observedWords.in(l, perYear(l, tp.Observed.Result, unit), withUnit(l, latest.Value, d, unit),
				when(latest.Year, latest.Half).In(l))
		})
	}
	if tp.Ratio != nil {
		if tp.Method == progress.GrowthRatio && tp.ObservedGrowth != nil {
			add(func(l plan.Lang) string { return growthWords.in(l) })
		}
		add(func(l plan.Lang) string { return ratioWords.in(l, num(l, tp.Ratio.Result, 2)) })
		add(func(l plan.Lang) string { return bandsWords.in(l) })
	}
	return out
}

// capital is s with its first letter upper case.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
