package emit

import (
	"strings"

	"plansite/generator/plan"
)

// The site's Content-Security-Policy: only the site's own files, no inline
// script, no <style> element. Two exceptions, both forced by the charts:
// data: images (ECharts' decal patterns), and style attributes, which
// ECharts writes into the HTML of its tooltips (style-src-attr; drop it if
// charts.js moves the tooltips to renderMode 'richText').
//
// Only the embed pages may be framed by other sites (EmbedPolicy); every
// other page may be framed by the site itself only.
//
// Hosts apply it in two ways. Every page carries it in a <meta
// http-equiv> element, which holds wherever the site is served (GitHub
// Pages sends no headers of a site's choosing). Hosts that read a _headers
// file (Netlify, Cloudflare Pages) also send it as a header, with
// frame-ancestors, which only a header can carry.
var policy = []string{
	"default-src 'self'",
	"img-src 'self' data:",
	"style-src 'self'",
	"style-src-attr 'unsafe-inline'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
}

// headerOnly are the directives a <meta> policy may not carry: browsers
// ignore them there, with a console error.
var headerOnly = []string{"frame-ancestors 'self'"}

// EmbedPolicy is the header policy of the embed pages (/nhung/<chart-id>/,
// /en/embed/<chart-id>/), the only pages any site may frame: the meta
// policy, which their pages carry too, and frame-ancestors *.
func EmbedPolicy() string { return MetaPolicy() + "; frame-ancestors *" }

// embedPatterns are the paths of the embed pages in the _headers file.
func embedPatterns() []string {
	var out []string
	for _, lang := range plan.Langs {
		p := "/"
		if lang != plan.VI {
			p += string(lang) + "/"
		}
		out = append(out, p+Sections["embed"][lang]+"/*")
	}
	return out
}

// MetaPolicy is the policy every page's <meta http-equiv> carries.
func MetaPolicy() string { return strings.Join(policy, "; ") }

// HeaderPolicy is the policy of the _headers file: the meta policy and
// the directives only a header can carry.
func HeaderPolicy() string {
	return strings.Join(append(policy[:len(policy):len(policy)], headerOnly...), "; ")
}

// headersFile is static/_headers, for hosts that read one.
func headersFile() []byte {
	return []byte(`# Response headers for hosts that read a _headers file (Netlify, Cloudflare
# Pages), written by the generator (generator/emit/security.go, which says
# why the policy allows what it does). Every page also carries the policy,
# less frame-ancestors, in a <meta http-equiv> element, for hosts that send
# no headers of the site's choosing (GitHub Pages).
/*
  Content-Security-Policy: ` + HeaderPolicy() + `
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
` + embedHeaders())
}

// embedHeaders replace, for the embed pages, the policy of /* with
// EmbedPolicy: "! Content-Security-Policy" takes off the header a rule
// above set (Cloudflare Pages' syntax for it), so that no second policy
// with frame-ancestors 'self' reaches them.
func embedHeaders() string {
	s := ""
	for _, p := range embedPatterns() {
		s += p + "\n  ! Content-Security-Policy\n  Content-Security-Policy: " + EmbedPolicy() + "\n"
	}
	return s
}
