package chart

import (
	"fmt"

	"plansite/generator/plan"
)

// A phrase is a sentence, or a part of one, in each language: a format
// string of package fmt, with the same verbs in the same order in both, so
// that the builders give the same arguments whatever the language.
type phrase plan.Text

// in is the phrase in lang with args put in.
func (p phrase) in(lang plan.Lang, args ...any) string {
	return fmt.Sprintf(plan.Text(p).In(lang), args...)
}

// The phrases of the descriptions, the titles and the marks, chart by
// chart: each exists once per language, here.
var (
	// lastTwo joins the last item of a list to the others.
	lastTwo = phrase{VI: "%s và %s", EN: "%s and %s"}

	// The targets by status.
	targetsByStatus = phrase{VI: "%d chỉ tiêu: %s.", EN: "%d targets: %s."}

	// A target's trend, and a district's small multiple.
	poorRateOf     = phrase{VI: "Tỷ lệ hộ nghèo %s", EN: "The poor-household rate of %s"}
	nearPoorRateOf = phrase{VI: "Tỷ lệ hộ cận nghèo %s", EN: "The near-poor household rate of %s"}
	fell           = phrase{VI: "giảm từ %s xuống %s", EN: "fell from %s to %s"}
	rose           = phrase{VI: "tăng từ %s lên %s", EN: "rose from %s to %s"}
	held           = phrase{VI: "giữ ở %s đến %s", EN: "held at %s to %s"}
	averageFall    = phrase{VI: "bình quân giảm %s điểm %% mỗi năm", EN: "an average fall of %s points a year"}
	beatingGoal    = phrase{VI: "vượt mục tiêu %s", EN: "beating the target of %s"}
	meetingGoal    = phrase{VI: "đạt mục tiêu %s", EN: "meeting the target of %s"}
	againstGoal    = phrase{VI: "so với mục tiêu %s đến năm %d: %s", EN: "against a target of %s by %d: %s"}
	provisionalAre = phrase{VI: "Số liệu %s là sơ bộ hoặc ước tính.", EN: "The figures for %s are provisional or estimates."}

	// The marks of a trend: the goal's label, and the baseline year.
	goalBy      = phrase{VI: "Mục tiêu %d: %s", EN: "Target %d: %s"}
	goalAnyTime = phrase{VI: "Mục tiêu: %s", EN: "Target: %s"}
	levelDue    = phrase{VI: "Mức cần đạt năm %d: %s–%s %%", EN: "Level due by %d: %s–%s %%"}
	baselineAt  = phrase{VI: "Năm gốc %s", EN: "Baseline %s"}

	// goalWords are the goals in words, by kind. A goal of one number
	// takes the number with its unit; a band takes its low and its high
	// number, the high one with its unit for a range.
	goalWords = map[string]phrase{
		plan.GoalAtLeast:       {VI: "ít nhất %s", EN: "at least %s"},
		plan.GoalAbove:         {VI: "trên %s", EN: "above %s"},
		plan.GoalAtMost:        {VI: "không quá %s", EN: "at most %s"},
		plan.GoalTotal:         {VI: "tổng cộng %s", EN: "a total of %s"},
		plan.GoalShareLeaving:  {VI: "%s", EN: "%s"},
		plan.GoalZero:          {VI: "0", EN: "0"},
		plan.GoalBetween:       {VI: "%s–%s", EN: "%s–%s"},
		plan.GoalPerYear:       {VI: "%s–%s mỗi năm", EN: "%s–%s a year"},
		plan.GoalReducePerYear: {VI: "giảm %s–%s điểm %% mỗi năm", EN: "a fall of %s–%s points a year"},
	}

	// The ranking of the districts.
	rankingLead = phrase{VI: "Tỷ lệ hộ nghèo mới nhất của %d huyện, thành phố: cao nhất %s, thấp nhất %s.",
		EN: "Latest poor-household rate of %d districts and cities: highest %s, lowest %s."}
	aboveGoal    = phrase{VI: "%d đơn vị còn cao hơn mục tiêu của tỉnh %s.", EN: "%d of them are above the province's target of %s."}
	oneAboveGoal = phrase{VI: aboveGoal.VI, EN: "%d of them is above the province's target of %s."}
	noDataFor    = phrase{VI: "Chưa có số liệu: %s.", EN: "No data yet for %s."}
	latestOfEach = phrase{VI: "Số liệu mới nhất có được, mỗi nơi một năm: %s.", EN: "Latest available figures, each of its own year: %s."}

	// The map of the district seats.
	seatsLead = phrase{VI: "Trụ sở %d huyện, thành phố theo kinh độ và vĩ độ, theo tỷ lệ hộ nghèo mới nhất.",
		EN: "The seats of %d districts and cities by longitude and latitude, by their latest poor-household rate."}

	// The budget by fund and year, and by stage.
	byFundAndYear = phrase{VI: "%s theo nguồn vốn và năm", EN: "%s by fund and year"}
	inYear        = phrase{VI: "Năm %s: %s", EN: "%s: %s"}
	mostFrom      = phrase{VI: "nhiều nhất từ %s (%s)", EN: "most of it from %s (%s)"}
	countedFrom   = phrase{VI: "Tính trên %d trong %d dòng ngân sách có ghi số %s.",
		EN: "Counted from the %d of %d budget lines that state the money %s."}
	noFigureFor   = phrase{VI: "chưa có số liệu %s", EN: "no figure yet for the money %s"}
	allocatedRate = phrase{VI: "đã bố trí %s số kế hoạch", EN: "%s of the planned money was allocated"}
	disbursedRate = phrase{VI: "đã giải ngân %s số đã bố trí", EN: "%s of the allocated money was disbursed"}
	overBoth      = phrase{VI: "Trên các dòng có đủ cả hai số, %s.", EN: "Over the lines that state both numbers, %s."}
)
