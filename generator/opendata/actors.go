package opendata

import "plansite/generator/plan"

// A policyRow is one policy in policies.json.
type policyRow struct {
	ID     string    `json:"id"`
	Number *string   `json:"number"`
	Group  *string   `json:"group"`
	Name   plan.Text `json:"name"`
	// Lead leads the whole policy, where the plan names one agency; Leads
	// are every agency that leads it or a task of it ("chủ trì").
	Lead     *string  `json:"lead"`
	Leads    []string `json:"leads"`
	Partners []string `json:"partners"`
	// Targets are the targets that name the policy, in the plan's order.
	Targets []string `json:"targets"`
}

// An agencyRow is one agency in agencies.json.
type agencyRow struct {
	ID   string    `json:"id"`
	Name plan.Text `json:"name"`
	Abbr *string   `json:"abbr"`
	Kind *string   `json:"kind"`
	// Leads and PartnersIn are the policies the agency leads and those it
	// coordinates on; Targets the targets that name it.
	Leads      []string `json:"leads"`
	PartnersIn []string `json:"partners_in"`
	Targets    []string `json:"targets"`
}

func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func policies(p *plan.Plan, x *plan.Index) []policyRow {
	out := []policyRow{}
	for _, pol := range p.Policies {
		out = append(out, policyRow{
			ID: pol.ID, Number: optStr(pol.Number), Group: optStr(pol.Group), Name: pol.Name,
			Lead: optStr(pol.Lead), Leads: list(pol.Leads()), Partners: list(pol.Partners), Targets: list(x.PolicyTargets(pol.ID)),
		})
	}
	return out
}

func agencies(p *plan.Plan, x *plan.Index) []agencyRow {
	out := []agencyRow{}
	for _, a := range p.Agencies {
		out = append(out, agencyRow{ID: a.ID, Name: a.Name, Abbr: optStr(a.Abbr), Kind: optStr(a.Kind),
			Leads: list(x.Leads(a.ID)), PartnersIn: list(x.Partners(a.ID)), Targets: list(x.AgencyTargets(a.ID))})
	}
	return out
}
