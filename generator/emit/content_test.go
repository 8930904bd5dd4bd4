package emit

import (
	"testing"

	"plansite/generator/plan"
)

// Resolve turns each shortcut into the item's URL in the language, keeps
// anchors, and leaves every other link and the text as written.
func TestResolve(t *testing.T) {
	body := "Xem [2a](chi-tieu:2a#gia-tri), [kế hoạch](ke-hoach:) và [ngoài](https://example.org/chi-tieu:2a).\n\n" +
		"[Sơn Động](dia-phuong:son-dong) · [đường dẫn](/chi-tieu/2b/) · `[mã](chi-tieu:2a)`\n"
	for _, c := range []struct {
		lang plan.Lang
		want string
	}{
		{plan.VI, "Xem [2a](/chi-tieu/2a/#gia-tri), [kế hoạch](/ke-hoach/) và [ngoài](https://example.org/chi-tieu:2a).\n\n" +
			"[Sơn Động](/dia-phuong/son-dong/) · [đường dẫn](/chi-tieu/2b/) · `[mã](chi-tieu:2a)`\n"},
		{plan.EN, "Xem [2a](/en/indicators/2a/#gia-tri), [kế hoạch](/en/plan/) và [ngoài](https://example.org/chi-tieu:2a).\n\n" +
			"[Sơn Động](/en/districts/son-dong/) · [đường dẫn](/chi-tieu/2b/) · `[mã](chi-tieu:2a)`\n"},
	} {
		if got := Resolve(body, c.lang); got != c.want {
			t.Errorf("Resolve(%s):\n%s\nwant:\n%s", c.lang, got, c.want)
		}
	}
}
