//go:build gates

package gates

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"hash"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"plansite/generator/internal/sitefiles"
)

var (
	reTag    = regexp.MustCompile(`<(?:script|link|img|source|div|figure)\b[^>]*>`)
	reAttr   = regexp.MustCompile(`\b(src|href|data-src|srcset|integrity)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))`)
	reCSSURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)`)
)

// The assets the generator's link test does not follow resolve, in both
// sites: the chart data of data-src, every candidate of srcset, every
// url() of the stylesheets; and every integrity attribute matches the
// bytes of its file, or the browser would refuse the script or style.
func TestAssetsResolve(t *testing.T) {
	for _, d := range []dataset{demo, shipped} {
		t.Run(d.name, func(t *testing.T) {
			public := site(t, d)
			var problems []string
			checked := 0
			exists := func(from, ref string) (string, bool) {
				l, err := url.Parse(strings.ReplaceAll(ref, "&amp;", "&"))
				if err != nil {
					return "", false
				}
				checked++
				if l.Scheme == "data" {
					return "", true
				}
				if l.Scheme != "" || l.Host != "" {
					return "", false // another origin: the browser gates refuse it too
				}
				p := l.Path
				if !strings.HasPrefix(p, "/") {
					p = path.Join(path.Dir(from), p)
				}
				f := filepath.Join(public, filepath.FromSlash(p))
				if st, err := os.Stat(f); err != nil || st.IsDir() {
					return "", false
				}
				return f, true
			}
			err := sitefiles.Each(public, ".html", func(page string, b []byte) error {
				from := "/" + page
				for _, tag := range reTag.FindAllString(string(b), -1) {
					attrs := map[string]string{}
					for _, m := range reAttr.FindAllStringSubmatch(tag, -1) {
						attrs[m[1]] = m[2] + m[3] + m[4]
					}
					var refs []string
					if v, ok := attrs["data-src"]; ok {
						refs = append(refs, v)
					}
					for _, c := range strings.Split(attrs["srcset"], ",") {
						if f := strings.Fields(c); len(f) > 0 {
							refs = append(refs, f[0])
						}
					}
					for _, ref := range refs {
						if _, ok := exists(from, ref); !ok {
							problems = append(problems, fmt.Sprintf("%s: %s does not resolve", page, ref))
						}
					}
					if sri, ok := attrs["integrity"]; ok {
						ref := attrs["src"] + attrs["href"]
						f, ok := exists(from, ref)
						if !ok {
							problems = append(problems, fmt.Sprintf("%s: %s does not resolve", page, ref))
						} else if msg := checkIntegrity(f, sri); msg != "" {
							problems = append(problems, fmt.Sprintf("%s: %s: %s", page, ref, msg))
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			err = sitefiles.Each(public, ".css", func(rel string, b []byte) error {
				for _, m := range reCSSURL.FindAllStringSubmatch(string(b), -1) {
					ref := m[1] + m[2] + m[3]
					if _, ok := exists("/"+rel, ref); !ok {
						problems = append(problems, fmt.Sprintf("%s: url(%s) does not resolve", rel, ref))
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if checked == 0 {
				t.Error("no chart data, srcset, url() or integrity found: is the test reading the site?")
			}
			sort.Strings(problems)
			if len(problems) > 0 {
				t.Errorf("%d broken assets:\n%s", len(problems), strings.Join(problems, "\n"))
			}
		})
	}
}

// checkIntegrity says what is wrong with a Subresource Integrity value for
// the file f, or "" when one of its hashes matches.
func checkIntegrity(f, sri string) string {
	b, err := os.ReadFile(f)
	if err != nil {
		return err.Error()
	}
	for _, h := range strings.Fields(sri) {
		alg, want, ok := strings.Cut(h, "-")
		if !ok {
			return fmt.Sprintf("integrity %q is not algorithm-hash", h)
		}
		var sum hash.Hash
		switch alg {
		case "sha256":
			sum = sha256.New()
		case "sha384":
			sum = sha512.New384()
		case "sha512":
			sum = sha512.New()
		default:
			continue
		}
		sum.Write(b)
		if base64.StdEncoding.EncodeToString(sum.Sum(nil)) == want {
			return ""
		}
	}
	return fmt.Sprintf("integrity %q does not match the file", sri)
}
