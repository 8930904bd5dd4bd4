package plan

import "slices"

// A Policy is a policy, project or activity of the plan (section III).
type Policy struct {
	Node    `yaml:"-"`
	ID      string `yaml:"id"`     // ASCII slug: "1-1"
	Number  string `yaml:"number"` // as the plan numbers it: "1.1"
	Group   string `yaml:"group"`  // general, specific or national
	Section string `yaml:"section"`
	Name    Text   `yaml:"name"`
	Content Text   `yaml:"content"`
	// Lead is the agency the plan puts in charge ("chủ trì") of the whole
	// policy, where it names one; Partners coordinate ("phối hợp"). Where
	// the plan gives several agencies "chủ trì" each for a task of its own,
	// there is no Lead and each of those roles is marked Lead (see Leads).
	Lead     string   `yaml:"lead"`
	Partners []string `yaml:"partners"`
	// Roles are the tasks the plan gives each agency under this policy.
	Roles []Role `yaml:"roles"`
}

// Leads are the agencies that lead the policy or a task of it, the one
// rule for every policy: Lead, then each agency whose role the plan gives
// with "chủ trì", each once, in the data's order.
func (p *Policy) Leads() []string {
	var out []string
	add := func(a string) {
		if a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	add(p.Lead)
	for _, r := range p.Roles {
		if r.Lead {
			add(r.Agency)
		}
	}
	return out
}

// Policy groups, following the three parts of section III.
const (
	GroupGeneral  = "general"  // III.1: general support
	GroupSpecific = "specific" // III.2: province-specific
	GroupNational = "national" // III.3: projects of the national programme
)

// A Role is what one agency is asked to do under a policy. Lead marks a
// task the plan gives with "chủ trì": the agency leads that task.
type Role struct {
	Node   `yaml:"-"`
	Agency string `yaml:"agency"`
	Lead   bool   `yaml:"lead"`
	Text   Text   `yaml:"text"`
}

// An Agency is a body the plan gives work to.
type Agency struct {
	Node `yaml:"-"`
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	Abbr string `yaml:"abbr"`
	// Kind is department, bank, council, people_committee, mass_organisation,
	// media or government.
	Kind    string `yaml:"kind"`
	Section string `yaml:"section"`
	// Responsibilities are the agency's duties as section VI states them.
	Responsibilities Text `yaml:"responsibilities"`
}

// An Area is a place the plan covers, in a tree: country, province,
// district (or city), commune, or a named group of communes.
type Area struct {
	Node   `yaml:"-"`
	ID     string   `yaml:"id"`
	Parent string   `yaml:"parent"`
	Kind   string   `yaml:"kind"`
	Name   Text     `yaml:"name"`
	Flags  []string `yaml:"flags"`
	// Members lists commune ids of a group; MemberCount is how many the
	// group has, which may exceed the communes the data names.
	Members     []string `yaml:"members"`
	MemberCount int      `yaml:"member_count"`
	// Counts of communes with a flag, where the data has no commune list:
	// {poor_commune: 13}.
	FlagCounts map[string]int `yaml:"flag_counts"`
	AreaKM2    *float64       `yaml:"area_km2"`
	// AreaSource is the source of AreaKM2; CoordinatesSource that of Lat
	// and Lon: every number the site publishes names its source.
	AreaSource        string   `yaml:"area_source"`
	Lat               *float64 `yaml:"lat"`
	Lon               *float64 `yaml:"lon"`
	CoordinatesSource string   `yaml:"coordinates_source"`
	// Boundary is a path, relative to data/, of a GeoJSON file.
	Boundary string   `yaml:"boundary"`
	Figures  []Figure `yaml:"figures"`
	Facts    []Fact   `yaml:"facts"`
	Note     Text     `yaml:"note"`
}

// Area kinds.
const (
	KindCountry  = "country"
	KindProvince = "province"
	KindDistrict = "district"
	KindCity     = "city"
	KindCommune  = "commune"
	KindGroup    = "group"
)

// Area flags.
const (
	Flag30a         = "30a"          // poor district under Resolution 30a
	FlagPoorCommune = "poor_commune" // xã nghèo
	FlagDBKK        = "dbkk"         // extremely difficult commune (ĐBKK)
	FlagATK         = "atk"          // revolutionary base commune (ATK)
)

// A Figure is an area's household counts and rates for one year. Absent
// values are nil: unknown, never zero.
type Figure struct {
	Node               `yaml:"-"`
	Year               int      `yaml:"year"`
	Households         *int     `yaml:"households"`
	PoorHouseholds     *int     `yaml:"poor_households"`
	NearPoorHouseholds *int     `yaml:"near_poor_households"`
	PoorRate           *float64 `yaml:"poor_rate"`
	NearPoorRate       *float64 `yaml:"near_poor_rate"`
	LeftPoverty        *int     `yaml:"left_poverty"`
	LeftNearPoverty    *int     `yaml:"left_near_poverty"`
	Status             string   `yaml:"status"`
	Source             string   `yaml:"source"`
	Note               Text     `yaml:"note"`
	// Derived says how the figure's values were worked out from published
	// ones (a formula in words), when the source does not state them: they
	// are then shown as derived, never as official.
	Derived Text `yaml:"derived"`
	// ConfirmedBy are other sources that publish the same values
	// independently: the site shows them beside Source.
	ConfirmedBy []string `yaml:"confirmed_by"`
}

// A Fact is a sourced statement about an area that is not a yearly figure
// (population density, a forecast, a count of communes).
type Fact struct {
	Node   `yaml:"-"`
	Year   int      `yaml:"year"`
	Label  Text     `yaml:"label"`
	Value  *float64 `yaml:"value"`
	Unit   string   `yaml:"unit"`
	Source string   `yaml:"source"`
	Note   Text     `yaml:"note"`
	// Qualifier: the source gives the value as approximate or as a bound.
	Qualifier string `yaml:"qualifier"`
}

// A Source is a document a figure comes from.
type Source struct {
	Node      `yaml:"-"`
	ID        string `yaml:"id"`
	Title     Text   `yaml:"title"`
	Publisher string `yaml:"publisher"`
	URL       string `yaml:"url"`
	Date      string `yaml:"date"`
	Quote     string `yaml:"quote"`
	Note      Text   `yaml:"note"`
	// Background marks a source no figure cites, listed as background
	// reading; any other source must be cited by something.
	Background bool `yaml:"background"`
}

// A Fund is a source of money named in section IV.
type Fund struct {
	Node        `yaml:"-"`
	ID          string `yaml:"id"`
	Kind        string `yaml:"kind"`
	Name        Text   `yaml:"name"`
	Description Text   `yaml:"description"`
}

// Fund kinds.
const (
	FundCentral       = "central"
	FundProvincial    = "provincial"
	FundDistrict      = "district"
	FundIntegrated    = "integrated"
	FundCredit        = "credit"
	FundCommunity     = "community"
	FundInternational = "international"
)

// A BudgetLine is money for one policy from one fund in one year, in
// million VND. Any of Planned, Allocated and Disbursed may be unknown.
type BudgetLine struct {
	Node      `yaml:"-"`
	Policy    string   `yaml:"policy"`
	Fund      string   `yaml:"fund"`
	Year      int      `yaml:"year"`
	Area      string   `yaml:"area"`
	Planned   *float64 `yaml:"planned"`
	Allocated *float64 `yaml:"allocated"`
	Disbursed *float64 `yaml:"disbursed"`
	Source    string   `yaml:"source"`
	Note      Text     `yaml:"note"`
	// Qualifier: the source gives the line's amounts as approximate or as
	// bounds ("hơn 14 tỷ đồng").
	Qualifier string `yaml:"qualifier"`
}

// A Report is a dated periodic report on the plan.
type Report struct {
	Node   `yaml:"-"`
	ID     string `yaml:"id"`
	Date   string `yaml:"date"`
	Period string `yaml:"period"` // half-year or year
	Agency string `yaml:"agency"`
	Title  Text   `yaml:"title"`
	Body   Text   `yaml:"body"`
	Source string `yaml:"source"`
	// Draft marks a report still being written: build leaves it out (and
	// its narrative in content/bao-cao/), build -drafts and serve show it
	// under a "Bản nháp / Draft" banner.
	Draft bool `yaml:"draft"`
}
