package progress

import "plansite/generator/plan"

// A statusRow is a status with its names and its colour.
type statusRow struct {
	status Status
	label  plan.Text // as a badge names it
	words  plan.Text // as a sentence says it
	colour string    // #RRGGBB
}

// statuses are every status with its names and colour, in the order the
// site counts and shows them: from best to worst, then why there is no
// verdict. They are the one place a status is named: the charts and the
// pages' order come from here, and tests tie the theme's badge colours
// (assets/css/00-base.css), its i18n labels (status_<status>) and the
// methodology pages' status table to this table.
var statuses = []statusRow{
	{Achieved, plan.Text{VI: "Đã đạt", EN: "Achieved"}, plan.Text{VI: "đã đạt", EN: "achieved"}, "#0B5D1E"},
	{OnTrack, plan.Text{VI: "Đúng tiến độ", EN: "On track"}, plan.Text{VI: "đúng tiến độ", EN: "on track"}, "#0B4F8A"},
	{NeedsAcceleration, plan.Text{VI: "Cần đẩy nhanh", EN: "Needs acceleration"},
		plan.Text{VI: "cần đẩy nhanh", EN: "needs acceleration"}, "#7A4D00"},
	{OffTrack, plan.Text{VI: "Chậm tiến độ", EN: "Off track"}, plan.Text{VI: "chậm tiến độ", EN: "off track"}, "#9A2A00"},
	{MovingAway, plan.Text{VI: "Đi ngược mục tiêu", EN: "Moving away"},
		plan.Text{VI: "đi ngược mục tiêu", EN: "moving away from the target"}, "#8A1538"},
	{InsufficientData, plan.Text{VI: "Chưa đủ số liệu", EN: "Insufficient data"},
		plan.Text{VI: "chưa đủ số liệu", EN: "insufficient data"}, "#595959"},
	{NoData, plan.Text{VI: "Chưa có số liệu", EN: "No data yet"}, plan.Text{VI: "chưa có số liệu", EN: "no data yet"}, "#595959"},
}

// Statuses are every status, in the order the site counts and shows them.
func Statuses() []Status {
	out := make([]Status, len(statuses))
	for i, s := range statuses {
		out[i] = s.status
	}
	return out
}

// Label is the status as its badge names it: "Cần đẩy nhanh", "Needs
// acceleration".
func (s Status) Label() plan.Text { return s.row().label }

// Words are the status as a sentence says it: "cần đẩy nhanh", "needs
// acceleration".
func (s Status) Words() plan.Text { return s.row().words }

// Colour is the status's colour, #RRGGBB: the text of its badge on the
// pages, at least 4.5:1 against the badge's background, and its bar in the
// chart of the targets by status.
func (s Status) Colour() string { return s.row().colour }

// row is the status's row of statuses; an unknown status has an empty one.
func (s Status) row() statusRow {
	for _, r := range statuses {
		if r.status == s {
			return r
		}
	}
	return statusRow{}
}
