package load

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var reYAMLLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a YAML parser error into a position and a message an
// editor can act on. The parser names a line only, and for many errors the
// line where the enclosing block starts rather than the line at fault, so
// the position is looked for in the text: a tab, a line whose indentation
// fits no open block, an unclosed bracket or quote.
func syntaxError(err error, lines []string) (line, col int, vi, en string) {
	msg := err.Error()
	line = 1
	if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	text := func(l int) string {
		if l >= 1 && l <= len(lines) {
			return strings.TrimSuffix(lines[l-1], "\r")
		}
		return ""
	}
	// A tab in indentation is the commonest cause, wherever the parser stopped.
	for l := 1; l <= len(lines); l++ {
		t := text(l)
		indent := t[:len(t)-len(strings.TrimLeft(t, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			return l, i + 1, "dùng phím Tab để thụt lề: thay mỗi Tab bằng dấu cách",
				"a tab is used for indentation: indent with spaces instead"
		}
	}
	if l, c := unclosed(lines); l > 0 {
		return l, c, "dấu ngoặc hoặc ngoặc kép mở ở đây chưa được đóng: thêm dấu đóng tương ứng",
			"a bracket or quote opened here is not closed: add the closing one"
	}
	if l, c, kind := badIndent(lines); l > 0 {
		switch kind {
		case "colon":
			return l, c, "thiếu dấu hai chấm sau khóa: viết khóa: giá trị",
				"a key lacks its colon: write key: value"
		case "deeper":
			return l, c, "dòng này thụt lề sâu hơn khóa phía trên cho phép: căn thẳng với khóa cùng cấp",
				"this line is indented deeper than the key above allows: line it up with its siblings"
		}
		return l, c, "thụt lề không khớp với các dòng trên: căn dòng này thẳng với khóa cùng cấp",
			"indentation does not match the lines above: line this key up with its siblings"
	}
	t := text(line)
	col = utf8.RuneCountInString(t) - utf8.RuneCountInString(strings.TrimLeft(t, " ")) + 1
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		if i := strings.Index(t, ": "); i >= 0 {
			if j := strings.Index(t[i+2:], ": "); j >= 0 {
				col = utf8.RuneCountInString(t[:i+2+j]) + 1
			}
		}
		return line, col, "có dấu hai chấm trong giá trị chưa đặt trong ngoặc kép: đặt cả giá trị trong ngoặc kép",
			"a colon inside an unquoted value: put the whole value in double quotes"
	case strings.Contains(msg, "could not find expected ':'"):
		return line, col, "thiếu dấu hai chấm sau khóa: viết khóa: giá trị",
			"a key lacks its colon: write key: value"
	case strings.Contains(msg, "unknown anchor"):
		for l := 1; l <= len(lines); l++ {
			c := content(text(l))
			if i := strings.Index(c, ": *"); i >= 0 {
				line, col = l, utf8.RuneCountInString(c[:i])+3
				break
			}
			if i := strings.Index(c, "- *"); i >= 0 {
				line, col = l, utf8.RuneCountInString(c[:i])+3
				break
			}
		}
		return line, col, "không dùng bí danh YAML (*): viết đầy đủ giá trị",
			"YAML aliases (*) are not allowed: write the value out"
	}
	return line, col, "lỗi cú pháp YAML (" + msg + "): kiểm tra dòng này và dòng phía trên",
		"YAML syntax error (" + msg + "): look at this line and the one above"
}

// content strips a line's comment, outside quotes.
func content(t string) string {
	inS, inD := false, false
	for i, r := range t {
		switch {
		case r == '\'' && !inD:
			inS = !inS
		case r == '"' && !inS:
			inD = !inD
		case r == '#' && !inS && !inD && (i == 0 || t[i-1] == ' '):
			return strings.TrimRight(t[:i], " ")
		}
	}
	return strings.TrimRight(t, " ")
}

// unclosed finds a flow bracket or a quote opened on a line and not closed
// by the end of it; flow collections in the data files sit on one line.
func unclosed(lines []string) (line, col int) {
	block := -1
	for i, raw := range lines {
		l := strings.TrimSuffix(raw, "\r")
		t := strings.TrimLeft(l, " ")
		ind := len(l) - len(t)
		if t == "" || t[0] == '#' {
			continue
		}
		if block >= 0 && ind > block {
			continue // inside a block scalar: any text goes
		}
		block = -1
		c := content(l)
		if strings.HasSuffix(c, "|") || strings.HasSuffix(c, ">") || strings.HasSuffix(c, "|-") || strings.HasSuffix(c, ">-") {
			block = ind
		}
		var stack []int  // byte offsets of open brackets and quotes
		quote := byte(0) // the quote we are inside, if any
		for j := 0; j < len(c); j++ {
			b := c[j]
			switch {
			case quote == '"' && b == '\\':
				j++ // an escaped character
			case quote != 0:
				if b == quote {
					if quote == '\'' && j+1 < len(c) && c[j+1] == '\'' {
						j++ // '' is a quote inside single quotes
						continue
					}
					quote = 0
					stack = stack[:len(stack)-1]
				}
			case (b == '"' || b == '\'') && quoteStart(c, j):
				quote = b
				stack = append(stack, j)
			case b == '[' || b == '{':
				stack = append(stack, j)
			case (b == ']' || b == '}') && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) > 0 {
			return i + 1, utf8.RuneCountInString(c[:stack[0]]) + 1
		}
	}
	return 0, 0
}

// quoteStart reports whether the quote at j opens a quoted scalar: it
// follows ": ", "- ", "[", "{", ", " or starts the line's content.
func quoteStart(c string, j int) bool {
	before := strings.TrimRight(c[:j], " ")
	return before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "-") ||
		strings.HasSuffix(before, "[") || strings.HasSuffix(before, "{") || strings.HasSuffix(before, ",")
}

// badIndent finds the first line that breaks the block structure: a key
// without its colon ("colon"), a line deeper than the line above allows
// ("deeper"), or one between levels ("between"). Block scalars and their
// text are skipped.
func badIndent(lines []string) (line, col int, kind string) {
	levels := []int{0} // indentation of the open blocks
	opens := false     // the previous line opened a block
	block := -1        // inside a block scalar opened at this indentation
	for i, raw := range lines {
		l := strings.TrimSuffix(raw, "\r")
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' || t == "---" {
			continue
		}
		ind := len(l) - len(t)
		if block >= 0 {
			if ind > block {
				continue
			}
			block = -1
		}
		top := levels[len(levels)-1]
		switch {
		case ind > top && !opens:
			return i + 1, ind + 1, "deeper"
		case ind > top:
			levels = append(levels, ind)
		case ind < top:
			for len(levels) > 1 && levels[len(levels)-1] > ind {
				levels = levels[:len(levels)-1]
			}
			if levels[len(levels)-1] != ind {
				return i + 1, ind + 1, "between"
			}
		}
		c := content(l)
		rest := strings.TrimLeft(c, " ")
		keyInd := ind
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			// The mapping inside a list item starts after the dash.
			keyInd += 2
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "-"), " ")
			if rest != "" {
				levels = append(levels, keyInd)
			}
		}
		if rest != "" && !strings.Contains(rest, ":") && rest[0] != '[' && rest[0] != '{' && rest[0] != '"' && rest[0] != '\'' && keyInd == ind {
			return i + 1, ind + 1, "colon" // a bare word where a key belongs
		}
		opens = rest == "" || strings.HasSuffix(rest, ":")
		if strings.HasSuffix(rest, "|") || strings.HasSuffix(rest, ">") || strings.HasSuffix(rest, "|-") || strings.HasSuffix(rest, ">-") {
			block = keyInd
			opens = false
		}
	}
	return 0, 0, ""
}
