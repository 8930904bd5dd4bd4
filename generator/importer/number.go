package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	reDigits      = regexp.MustCompile(`^-?[0-9]+$`)
	reGrouped     = regexp.MustCompile(`^-?[0-9]{1,3}([.,  ][0-9]{3})+$`)    // 44.541, 44,541, 44 541
	reOneDecimal  = regexp.MustCompile(`^-?[0-9]+[.,][0-9]+$`)               // 8,5 8.5
	reDotsComma   = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$`) // 1.234,5
	reCommasDot   = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$`) // 1,234.5
	reSpacesComma = regexp.MustCompile(`^-?[0-9]{1,3}( [0-9]{3})+,[0-9]+$`)  // 1 234,5
)

// Number reads a cell as a number the way the tables editors receive
// write them: a decimal comma (8,5) or point (8.5), thousands dots,
// commas or spaces in a count (44.541), a trailing % in a rate. whole says
// the column counts households; rate that it holds a percentage, which
// is never a thousand or more, so that 8.885 is a decimal. ok is false
// with the problem in words when the text is not a number, or when it
// can be read two ways (4.800 of an amount: 4800 or 4,8?).
func Number(s string, whole, rate bool) (f float64, ok bool, vi, en string) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.ReplaceAll(s, "\u00a0", " ")
	plain := ""
	switch {
	case reDigits.MatchString(s):
		plain = s
	case whole && reGrouped.MatchString(s):
		plain = strings.NewReplacer(".", "", ",", "", " ", "").Replace(s)
	case reGrouped.MatchString(s) && strings.Count(s, s[len(s)-4:len(s)-3]) > 1:
		// 1.250.000: two groups or more are thousands, whatever the column.
		plain = strings.NewReplacer(".", "", ",", "", " ", "").Replace(s)
	case whole && reOneDecimal.MatchString(s):
		return 0, false, fmt.Sprintf("số hộ phải là số nguyên (tìm thấy %s)", s),
			fmt.Sprintf("a count of households must be whole (found %s)", s)
	case reDotsComma.MatchString(s), reSpacesComma.MatchString(s):
		plain = strings.ReplaceAll(strings.NewReplacer(".", "", " ", "").Replace(s), ",", ".")
	case reCommasDot.MatchString(s):
		plain = strings.ReplaceAll(s, ",", "")
	case reOneDecimal.MatchString(s):
		sep := strings.IndexAny(s, ".,")
		if len(s)-sep-1 == 3 && !rate && !strings.HasPrefix(s, "0") && !strings.HasPrefix(s, "-0") {
			// 4.800 or 4,800: a thousands separator or a decimal one?
			digits := strings.NewReplacer(".", "", ",", "").Replace(s)
			frac := strings.TrimRight(s[sep+1:], "0")
			dec := s[:sep] + "," + frac
			switch len(frac) {
			case 0:
				dec = s[:sep]
			case 3:
				dec += "0"
			}
			return 0, false, fmt.Sprintf("%s đọc được hai cách: viết %s nếu là số nguyên, hoặc %s nếu là số thập phân", s, digits, dec),
				fmt.Sprintf("%s reads two ways: write %s for the whole number, or %s for the decimal", s, digits, dec)
		}
		plain = strings.Replace(s, ",", ".", 1)
	default:
		return 0, false, fmt.Sprintf("cần một số (tìm thấy %q)", s), fmt.Sprintf("expected a number (found %q)", s)
	}
	f, err := strconv.ParseFloat(plain, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > 1e15 {
		return 0, false, fmt.Sprintf("số không đọc được (tìm thấy %q)", s), fmt.Sprintf("unreadable number (found %q)", s)
	}
	if whole && f != math.Trunc(f) {
		return 0, false, fmt.Sprintf("số hộ phải là số nguyên (tìm thấy %s)", s),
			fmt.Sprintf("a count of households must be whole (found %s)", s)
	}
	if f == 0 {
		f = 0 // not -0
	}
	return f, true, "", ""
}

// cellNumber is Number of a cell: a number the workbook stores is read as
// it is stored.
func cellNumber(c Cell, whole, rate bool) (float64, bool, string, string) {
	if c.Numeric {
		f, err := strconv.ParseFloat(c.Text, 64)
		if err == nil {
			if whole && f != math.Trunc(f) {
				return 0, false, fmt.Sprintf("số hộ phải là số nguyên (tìm thấy %s)", yamlNumber(f)),
					fmt.Sprintf("a count of households must be whole (found %s)", yamlNumber(f))
			}
			return f, true, "", ""
		}
	}
	return Number(c.Text, whole, rate)
}

// Empty reports whether a cell holds no value: nothing, or a dash, as
// tables write for "no figure".
func Empty(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—":
		return true
	}
	return false
}

// yamlNumber writes a number as the data files want it: digits and a
// decimal point.
func yamlNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
