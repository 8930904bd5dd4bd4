package content

import (
	"testing"

	"plansite/generator/plan"
)

// Each file of content/ has one place on the site, or a problem.
func TestPlace(t *testing.T) {
	for _, c := range []struct {
		rel           string
		section, slug string
		lang          plan.Lang
		ok            bool
	}{
		{"gioi-thieu.md", plan.PageAbout, "", plan.VI, true},
		{"gioi-thieu.en.md", plan.PageAbout, "", plan.EN, true},
		{"tin-tuc/hoi-nghi-2014.md", plan.PageNews, "hoi-nghi-2014", plan.VI, true},
		{"tin-tuc/hoi-nghi-2014.en.md", plan.PageNews, "hoi-nghi-2014", plan.EN, true},
		{"bao-cao/bao-cao-2014-nam.md", plan.PageReport, "bao-cao-2014-nam", plan.VI, true},
		{"tin-tuc/Hội nghị.md", "", "", "", false},
		{"tin-tuc/a/b.md", "", "", "", false},
		{"khac.md", "", "", "", false},
		{"anh.png", "", "", "", false},
	} {
		pg, ok, probs := place(c.rel, "content/"+c.rel)
		if ok != c.ok || ok && (pg.Section != c.section || pg.Slug != c.slug || pg.Lang != c.lang) {
			t.Errorf("place(%q) = %s %q %s %t, want %s %q %s %t", c.rel, pg.Section, pg.Slug, pg.Lang, ok, c.section, c.slug, c.lang, c.ok)
		}
		if ok == (len(probs) > 0) {
			t.Errorf("place(%q): ok %t with problems %v", c.rel, ok, probs)
		}
	}
}

// A link is a shortcut, a site path, another site's address or an anchor;
// resolve says which item it names, or what is wrong with it.
func TestResolveLinks(t *testing.T) {
	sections := map[string]map[plan.Lang]string{
		"targets": {plan.VI: "chi-tieu", plan.EN: "indicators"},
		"plan":    {plan.VI: "ke-hoach", plan.EN: "plan"},
	}
	for _, c := range []struct {
		dest, sec, item string
		ok, bad         bool
	}{
		{"chi-tieu:2a", "targets", "2a", true, false},
		{"chi-tieu:2a#x", "targets", "2a", true, false},
		{"ke-hoach:", "plan", "", true, false},
		{"/chi-tieu/2a/", "targets", "2a", true, false},
		{"/en/indicators/2a/#x", "targets", "2a", true, false},
		{"/en/", "", "", false, false},
		{"/data/indicators.csv", "", "", false, false},
		{"https://example.org/", "", "", false, false},
		{"mailto:a@example.org", "", "", false, false},
		{"#muc", "", "", false, false},
		{"chitieu:2a", "", "", false, true},
		{"/en/chi-tieu/2a/", "", "", false, true},
		{"../chi-tieu/2a", "", "", false, true},
		{"javascript:alert(1)", "", "", false, false}, // refused by checkBody
	} {
		sec, item, ok, vi, en := resolve(c.dest, sections)
		if sec != c.sec || item != c.item || ok != c.ok || (vi != "") != c.bad || (vi == "") != (en == "") {
			t.Errorf("resolve(%q) = %q %q %t %q, want %q %q %t, problem %t", c.dest, sec, item, ok, en, c.sec, c.item, c.ok, c.bad)
		}
	}
}
