package load

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
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
	textOf := func(l int) string {
		if l >= 1 && l <= len(lines) {
			return strings.TrimSuffix(lines[l-1], "\r")
		}
		return ""
	}
	if strings.Contains(msg, "control characters are not allowed") {
		// The parser checks the whole file before it counts lines.
		if l, c, r := control(lines); l > 0 {
			return l, c, fmt.Sprintf("ký tự điều khiển vô hình %s ở đây: xóa nó", controlName(r)),
				fmt.Sprintf("an invisible control character %s here: delete it", controlName(r))
		}
	}
	// A tab in indentation is the commonest cause, wherever the parser
	// stopped; in the text of a block scalar (| or >) a tab is text.
	inText := blockText(lines)
	for l := 1; l <= len(lines); l++ {
		t := textOf(l)
		indent := t[:len(t)-len(strings.TrimLeft(t, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 && !inText[l-1] {
			return l, i + 1, "dùng phím Tab để thụt lề: thay mỗi Tab bằng dấu cách",
				"a tab is used for indentation: indent with spaces instead"
		}
	}
	if l, c, vi, en := oddSpace(lines, inText); l > 0 {
		return l, c, vi, en
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
	t := textOf(line)
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
			c := content(textOf(l))
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
		if blockHeader(c) {
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
		if blockHeader(rest) {
			block = keyInd
			opens = false
		}
	}
	return 0, 0, ""
}

var reBlockIndicator = regexp.MustCompile(`^[|>]([1-9][+-]?|[+-][1-9]?)?$`)

// blockHeader reports whether a line's content, comment stripped, opens a
// block scalar: it ends in | or > (with an indentation or chomping
// indicator) as a key's value, a list item, or alone.
func blockHeader(c string) bool {
	rest := strings.TrimSpace(c)
	for strings.HasPrefix(rest, "- ") {
		rest = strings.TrimLeft(rest[1:], " ")
	}
	rest = strings.TrimPrefix(rest, "--- ")
	if i := strings.LastIndex(rest, ": "); i >= 0 {
		rest = strings.TrimLeft(rest[i+2:], " ")
	}
	return reBlockIndicator.MatchString(rest)
}

// blockText marks the lines that are the text of a block scalar: the
// lines after its header that are blank or indented deeper than the
// header's line.
func blockText(lines []string) []bool {
	in := make([]bool, len(lines))
	block := -1 // the header line's indentation, inside a block scalar
	for i, raw := range lines {
		l := strings.TrimSuffix(raw, "\r")
		t := strings.TrimLeft(l, " ")
		ind := len(l) - len(t)
		if block >= 0 {
			if t == "" || ind > block {
				in[i] = true
				continue
			}
			block = -1
		}
		if t != "" && t[0] != '#' && blockHeader(content(l)) {
			block = ind
		}
	}
	return in
}

// oddSpace finds, outside block scalars' text, a space that is not an
// ordinary one where YAML needs an ordinary one: in the indentation, after
// a list's dash or after a key's colon. It looks like a space, and the
// parser reads it as a letter.
func oddSpace(lines []string, inText []bool) (line, col int, vi, en string) {
	for i, raw := range lines {
		if inText[i] {
			continue
		}
		prev := '\n' // the rune before, \n at the start of the line
		lead := true // still in the indentation
		for j, r := range strings.TrimSuffix(raw, "\r") {
			if nameVI, nameEN, odd := spaceName(r); odd {
				c := utf8.RuneCountInString(raw[:j]) + 1
				switch {
				case lead:
					return i + 1, c, fmt.Sprintf("%s trong phần thụt lề: thụt lề bằng dấu cách thường", nameVI),
						fmt.Sprintf("%s in the indentation: indent with ordinary spaces", nameEN)
				case prev == ':':
					return i + 1, c, fmt.Sprintf("%s sau dấu hai chấm: gõ một dấu cách thường", nameVI),
						fmt.Sprintf("%s after the colon: type an ordinary space", nameEN)
				case prev == '-' && strings.TrimLeft(raw[:j], " -") == "":
					return i + 1, c, fmt.Sprintf("%s sau dấu gạch đầu dòng: gõ một dấu cách thường", nameVI),
						fmt.Sprintf("%s after the dash: type an ordinary space", nameEN)
				}
			}
			if r != ' ' {
				lead = false
			}
			if r == '#' && (prev == ' ' || prev == '\n') {
				break // a comment
			}
			prev = r
		}
	}
	return 0, 0, "", ""
}

// spaceName names a character that looks like a space, or is invisible,
// and is not the ordinary space.
func spaceName(r rune) (vi, en string, odd bool) {
	switch r {
	case ' ', '\t':
		return "", "", false
	case '\u00a0':
		return "dấu cách không ngắt (U+00A0)", "a non-breaking space (U+00A0)", true
	case '\u202f':
		return "dấu cách hẹp không ngắt (U+202F)", "a narrow non-breaking space (U+202F)", true
	case '\u200b':
		return "dấu cách độ rộng 0 (U+200B)", "a zero-width space (U+200B)", true
	case '\u2060', '\ufeff':
		return fmt.Sprintf("ký tự vô hình (U+%04X)", r), fmt.Sprintf("an invisible character (U+%04X)", r), true
	}
	if unicode.Is(unicode.Zs, r) {
		return fmt.Sprintf("dấu cách lạ (U+%04X)", r), fmt.Sprintf("an unusual space (U+%04X)", r), true
	}
	return "", "", false
}

// control finds the first character YAML does not allow in a file: a
// control character other than tab and line breaks, or U+FFFE, U+FFFF.
func control(lines []string) (line, col int, r rune) {
	for i, l := range lines {
		c := 1
		for _, r := range l {
			if !(r == '\t' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
				r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000) {
				return i + 1, c, r
			}
			c++
		}
	}
	return 0, 0, 0
}

// controlName names a control character by its code, and NUL by its name.
func controlName(r rune) string {
	if r == 0 {
		return "(U+0000, NUL)"
	}
	return fmt.Sprintf("(U+%04X)", r)
}
