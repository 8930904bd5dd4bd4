package opendata

import (
	"slices"

	"plansite/generator/plan"
)

// A policyRow is one policy in policies.json.
type policyRow struct {
	ID       string    `json:"id"`
	Number   *string   `json:"number"`
	Group    *string   `json:"group"`
	Name     plan.Text `json:"name"`
	Lead     *string   `json:"lead"`
	Partners []string  `json:"partners"`
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

// targetsNaming lists, in the plan's order, the targets whose ids field
// (Policies or Agencies) holds id.
func targetsNaming(p *plan.Plan, ids func(*plan.Target) []string, id string) []string {
	out := []string{}
	for i := range p.Targets {
		if slices.Contains(ids(&p.Targets[i]), id) {
			out = append(out, p.Targets[i].ID)
		}
	}
	return out
}

func policies(p *plan.Plan) []policyRow {
	out := []policyRow{}
	for _, pol := range p.Policies {
		out = append(out, policyRow{
			ID: pol.ID, Number: optStr(pol.Number), Group: optStr(pol.Group), Name: pol.Name,
			Lead: optStr(pol.Lead), Partners: list(pol.Partners),
			Targets: targetsNaming(p, func(t *plan.Target) []string { return t.Policies }, pol.ID),
		})
	}
	return out
}

func agencies(p *plan.Plan) []agencyRow {
	out := []agencyRow{}
	for _, a := range p.Agencies {
		row := agencyRow{ID: a.ID, Name: a.Name, Abbr: optStr(a.Abbr), Kind: optStr(a.Kind),
			Leads: []string{}, PartnersIn: []string{},
			Targets: targetsNaming(p, func(t *plan.Target) []string { return t.Agencies }, a.ID)}
		for _, pol := range p.Policies {
			if pol.Lead == a.ID {
				row.Leads = append(row.Leads, pol.ID)
			}
			if slices.Contains(pol.Partners, a.ID) {
				row.PartnersIn = append(row.PartnersIn, pol.ID)
			}
		}
		out = append(out, row)
	}
	return out
}
