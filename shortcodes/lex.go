package shortcodes

import (
	"bytes"
	"fmt"
)

// itemType identifies the kind of a lexed item.
type itemType int

const (
	itemError      itemType = iota // lexing stopped; lexer.errMsg says why, start is the offset
	itemEOF                        // end of input
	itemText                       // plain text outside shortcodes
	itemEscape                     // a whole escaped tag: {{</* … */>}} or {{%/* … */%}}
	itemLeftDelim                  // {{< or {{%
	itemRightDelim                 // >}} or %}}
	itemSelfClose                  // />}} or /%}}
	itemCloseMark                  // the "/" of a closing tag, right after the left delimiter
	itemWord                       // a name, parameter name or bare value
	itemEquals                     // =
	itemString                     // "quoted", quotes included
	itemRawString                  // `raw`, backticks included
)

// String names the item type, for test failures.
func (t itemType) String() string {
	names := [...]string{
		itemError: "error", itemEOF: "EOF", itemText: "text", itemEscape: "escape",
		itemLeftDelim: "left", itemRightDelim: "right", itemSelfClose: "selfclose",
		itemCloseMark: "closemark", itemWord: "word", itemEquals: "=",
		itemString: "string", itemRawString: "rawstring",
	}
	if t >= 0 && int(t) < len(names) {
		return names[t]
	}
	return fmt.Sprintf("item(%d)", int(t))
}

// item is a lexed token: its kind and the byte range src[start:end].
type item struct {
	typ        itemType
	start, end int
}

// stateFn is one state of the lexer; it returns the next state, nil to stop.
type stateFn func(*lexer) stateFn

// lexer holds the state of the scanner. It follows text/template/parse's
// design: the parser pulls items one at a time (next), each call running
// state functions until one is emitted, with no goroutine or channel; and
// no slice of a page's items either, since the parser needs one item of
// lookahead only, not the page's hundreds.
type lexer struct {
	src      []byte
	start    int // start of the item being lexed
	pos      int // current position
	tagStart int // offset of the "{{" of the tag being lexed
	markdown bool
	first    bool    // no item lexed yet inside the current tag
	state    stateFn // what runs next; nil once the last item is emitted
	// queue holds the items emitted but not yet pulled, from queue[head]
	// on (a state emits two at most); last is the final item, EOF or
	// error, which next returns again and again.
	queue  [2]item
	head   int
	n      int
	last   item
	errMsg string
}

// newLexer returns a lexer of src, at its start.
func newLexer(src []byte) lexer {
	return lexer{src: src, state: lexText}
}

// next returns the next item; after the last (itemEOF or itemError, when
// errMsg says why and the item's start is the offset) it returns that
// one again.
func (l *lexer) next() item {
	for l.head == l.n {
		if l.state == nil {
			return l.last
		}
		l.head, l.n = 0, 0
		l.state = l.state(l)
	}
	it := l.queue[l.head]
	l.head++
	return it
}

// emit queues the item src[l.start:l.pos] and starts the next one.
func (l *lexer) emit(t itemType) {
	l.push(item{t, l.start, l.pos})
	l.start = l.pos
}

// push queues it; an EOF or error item is the last.
func (l *lexer) push(it item) {
	l.queue[l.n] = it
	l.n++
	if it.typ == itemEOF || it.typ == itemError {
		l.last = it
	}
}

// errorf records an error at offset off and stops the lexer.
func (l *lexer) errorf(off int, format string, args ...any) stateFn {
	l.push(item{itemError, off, off})
	l.errMsg = fmt.Sprintf(format, args...)
	return nil
}

// rightDelim is the closing delimiter matching the current tag's opening.
func (l *lexer) rightDelim() string {
	if l.markdown {
		return "%}}"
	}
	return ">}}"
}

func (l *lexer) hasPrefix(s string) bool {
	return bytes.HasPrefix(l.src[l.pos:], []byte(s))
}

// lexText skips plain text up to the next "{{<" or "{{%".
func lexText(l *lexer) stateFn {
	for {
		i := bytes.Index(l.src[l.pos:], []byte("{{"))
		if i < 0 {
			l.pos = len(l.src)
			break
		}
		l.pos += i
		if l.pos+2 < len(l.src) && (l.src[l.pos+2] == '<' || l.src[l.pos+2] == '%') {
			if l.pos > l.start {
				l.emit(itemText)
			}
			return lexLeftDelim
		}
		l.pos++ // "{{{<" holds a tag one byte on
	}
	if l.pos > l.start {
		l.emit(itemText)
	}
	l.emit(itemEOF)
	return nil
}

// lexLeftDelim scans "{{<" or "{{%", or a whole escaped tag.
func lexLeftDelim(l *lexer) stateFn {
	l.tagStart = l.pos
	l.markdown = l.src[l.pos+2] == '%'
	l.pos += 3
	if bytes.HasPrefix(l.src[l.pos:], []byte("/*")) {
		return lexEscape
	}
	l.emit(itemLeftDelim)
	l.first = true
	return lexInside
}

// lexEscape scans an escaped tag such as {{</* name */>}}, which is printed
// literally without the comment markers.
func lexEscape(l *lexer) stateFn {
	from := l.pos + 2
	for {
		i := bytes.Index(l.src[from:], []byte("*/"))
		if i < 0 {
			return l.errorf(l.tagStart, "unterminated escaped shortcode")
		}
		l.pos = from + i + 2
		if l.hasPrefix(l.rightDelim()) {
			l.pos += 3
			l.emit(itemEscape)
			return lexText
		}
		from = l.pos
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lexInside scans the inside of a tag, one item per call.
func lexInside(l *lexer) stateFn {
	for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
		l.pos++
	}
	l.start = l.pos
	first := l.first
	l.first = false
	switch {
	case l.pos >= len(l.src), l.hasPrefix("{{"):
		return l.errorf(l.tagStart, "unterminated shortcode: no %q", l.rightDelim())
	case l.hasPrefix(l.rightDelim()):
		l.pos += 3
		l.emit(itemRightDelim)
		return lexText
	case l.src[l.pos] == '/' && bytes.HasPrefix(l.src[l.pos+1:], []byte(l.rightDelim())):
		l.pos += 4
		l.emit(itemSelfClose)
		return lexText
	case l.src[l.pos] == '/' && first:
		l.pos++
		l.emit(itemCloseMark)
	case l.src[l.pos] == '=':
		l.pos++
		l.emit(itemEquals)
	case l.src[l.pos] == '"':
		return lexQuote
	case l.src[l.pos] == '`':
		return lexRawQuote
	default:
		return lexWord
	}
	return lexInside
}

// lexWord scans a name, parameter name or bare value: everything up to
// white space, "=", a quote or the end of the tag.
func lexWord(l *lexer) stateFn {
	right := l.rightDelim()
	for l.pos++; l.pos < len(l.src); l.pos++ {
		// The byte first, and a prefix only where one can start.
		c := l.src[l.pos]
		if isSpace(c) || c == '=' || c == '"' || c == '`' || c == right[0] && l.hasPrefix(right) ||
			c == '{' && l.hasPrefix("{{") || c == '/' && bytes.HasPrefix(l.src[l.pos+1:], []byte(right)) {
			break
		}
	}
	l.emit(itemWord)
	return lexInside
}

// lexQuote scans a double-quoted string, in which \" and \\ are escapes.
func lexQuote(l *lexer) stateFn {
	for l.pos++; l.pos < len(l.src); l.pos++ {
		switch l.src[l.pos] {
		case '\\':
			l.pos++
		case '"':
			l.pos++
			l.emit(itemString)
			return lexInside
		}
	}
	return l.errorf(l.start, "unterminated quoted string")
}

// lexRawQuote scans a backtick string, which may span lines and has no escapes.
func lexRawQuote(l *lexer) stateFn {
	i := bytes.IndexByte(l.src[l.pos+1:], '`')
	if i < 0 {
		return l.errorf(l.start, "unterminated raw string")
	}
	l.pos += i + 2
	l.emit(itemRawString)
	return lexInside
}
