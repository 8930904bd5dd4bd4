package progress

import (
	"fmt"
	"sort"
	"strconv"

	"plansite/generator/plan"
)

// A WarningKind names what a Warning is about.
type WarningKind string

// Warning kinds.
const (
	// WarnChildrenTotal: the children's counts do not add up to the number
	// the parent states (Stated), their sum being Computed.
	WarnChildrenTotal WarningKind = "children_total"
	// WarnRateMismatch: a stated rate (Stated) is more than RateTolerance
	// from the rate its counts give (Computed).
	WarnRateMismatch WarningKind = "rate_mismatch"
	// WarnDuplicate: two values for one time; the first (Stated) is used,
	// the other (Computed) left out. For two figures of an area in one
	// year, Field is "figure" and the numbers are not given.
	WarnDuplicate WarningKind = "duplicate"
	// WarnBaselineDiffers: a target's stated baseline (Stated) differs from
	// its value for the baseline year (Computed); the stated one is used.
	WarnBaselineDiffers WarningKind = "baseline_differs"
	// WarnUnknownScope: a target with a measure names a scope that is not
	// an area.
	WarnUnknownScope WarningKind = "unknown_scope"
	// WarnIgnoredObservation: a target takes its values from its scope's
	// figures, so its observations are not used.
	WarnIgnoredObservation WarningKind = "ignored_observation"
)

// A Warning is a problem in the data that the computation met. It does not
// stop the build; Problem words it for the data editor.
type Warning struct {
	Kind     WarningKind
	Pos      plan.Pos `json:"-"`
	Target   string
	Area     string
	Year     int
	Half     int
	Field    string
	Stated   float64
	Computed float64
	With, Of int // children with the count, and in all (WarnChildrenTotal)
}

// Problem is the warning as a plan.Problem of severity plan.Warning, in
// Vietnamese and English, showing both numbers where there are two.
func (w Warning) Problem() plan.Problem {
	p := plan.Problem{Pos: w.Pos, ID: w.Target, Severity: plan.Warning}
	if p.ID == "" {
		p.ID = w.Area
	}
	n := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	when := strconv.Itoa(w.Year)
	if w.Half == 1 {
		when = "6/" + when
	}
	switch w.Kind {
	case WarnChildrenTotal:
		p.VI = fmt.Sprintf("năm %d: tổng %s của %d/%d đơn vị con là %s, khác số của đơn vị (%s)",
			w.Year, w.Field, w.With, w.Of, n(w.Computed), n(w.Stated))
		p.EN = fmt.Sprintf("%d: the %s of %d of %d children add up to %s, not the stated %s",
			w.Year, w.Field, w.With, w.Of, n(w.Computed), n(w.Stated))
	case WarnRateMismatch:
		p.VI = fmt.Sprintf("năm %d: %s ghi %s nhưng tính từ số hộ được %s", w.Year, w.Field, n(w.Stated), n(w.Computed))
		p.EN = fmt.Sprintf("%d: %s is stated as %s but the household counts give %s", w.Year, w.Field, n(w.Stated), n(w.Computed))
	case WarnDuplicate:
		if w.Field == "figure" {
			p.VI = fmt.Sprintf("có hai số liệu cho năm %d; dùng số liệu đầu, bỏ số liệu này", w.Year)
			p.EN = fmt.Sprintf("two figures for %d; the first is used and this one left out", w.Year)
			break
		}
		p.VI = fmt.Sprintf("có hai giá trị cho %s; dùng giá trị đầu (%s), bỏ giá trị này (%s)", when, n(w.Stated), n(w.Computed))
		p.EN = fmt.Sprintf("two values for %s; the first (%s) is used and this one (%s) left out", when, n(w.Stated), n(w.Computed))
	case WarnBaselineDiffers:
		p.VI = fmt.Sprintf("giá trị gốc %s khác số liệu năm %d (%s); dùng giá trị gốc", n(w.Stated), w.Year, n(w.Computed))
		p.EN = fmt.Sprintf("the baseline value %s differs from the value for %d (%s); the baseline is used", n(w.Stated), w.Year, n(w.Computed))
	case WarnUnknownScope:
		p.VI = fmt.Sprintf("phạm vi %q không phải là địa bàn nào; chỉ tiêu không có số liệu", w.Area)
		p.EN = fmt.Sprintf("scope %q is not an area; the target has no values", w.Area)
	case WarnIgnoredObservation:
		p.VI = fmt.Sprintf("chỉ tiêu lấy số liệu từ địa bàn (measure), nên giá trị đo năm %s không được dùng", when)
		p.EN = fmt.Sprintf("the target takes its values from its area's figures (measure), so this observation for %s is not used", when)
	default:
		p.VI, p.EN = string(w.Kind), string(w.Kind)
	}
	return p
}

// sortedWarnings orders the warnings by position, then by what they say.
func (c *computer) sortedWarnings() []Warning {
	ws := c.warnings
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		switch {
		case a.Pos.File != b.Pos.File:
			return a.Pos.File < b.Pos.File
		case a.Pos.Line != b.Pos.Line:
			return a.Pos.Line < b.Pos.Line
		case a.Pos.Col != b.Pos.Col:
			return a.Pos.Col < b.Pos.Col
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		case a.Target != b.Target:
			return a.Target < b.Target
		case a.Area != b.Area:
			return a.Area < b.Area
		case a.Year != b.Year:
			return a.Year < b.Year
		}
		return a.Field < b.Field
	})
	return ws
}
