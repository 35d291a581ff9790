package shortcodes

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// fakeTemplates is a TemplateSet over html/template, deciding UsesInner by
// looking at the template text as a theme loader would.
type fakeTemplates struct {
	text map[string]string
	tmpl map[string]*template.Template
}

func newFakeTemplates(t testing.TB, texts map[string]string) *fakeTemplates {
	t.Helper()
	f := &fakeTemplates{text: map[string]string{}, tmpl: map[string]*template.Template{}}
	for name, text := range texts {
		full := TemplateName(name)
		f.text[full] = text
		f.tmpl[full] = template.Must(template.New(full).Parse(text))
	}
	return f
}

func (f *fakeTemplates) Has(name string) bool       { return f.tmpl[name] != nil }
func (f *fakeTemplates) UsesInner(name string) bool { return strings.Contains(f.text[name], ".Inner") }
func (f *fakeTemplates) Execute(w io.Writer, name string, data any) error {
	return f.tmpl[name].Execute(w, data)
}
func (f *fakeTemplates) Names() []string {
	var names []string
	for n := range f.tmpl {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// fakeMarkdown renders paragraphs only, as goldmark does for plain text: a
// paragraph is a run of non-blank lines, wrapped in <p>…</p>.
func fakeMarkdown(src []byte) (string, error) {
	var b strings.Builder
	for _, para := range regexp.MustCompile(`\n[ \t]*\n`).Split(string(src), -1) {
		if p := strings.TrimSpace(para); p != "" {
			b.WriteString("<p>" + p + "</p>\n")
		}
	}
	return b.String(), nil
}

var testTemplates = map[string]string{
	"named":      `[{{ .Get "a" }}|{{ .Get "missing" }}|{{ .IsNamedParams }}|{{ with .Get "b" }}b={{ . }}{{ end }}]`,
	"pos":        `[{{ .Get 0 }}|{{ .Get "1" }}|{{ .Get 5 }}|{{ .IsNamedParams }}]`,
	"box":        `<div class="box">{{ .Inner }}</div>`,
	"bold":       `**{{ .Get 0 }}**`,
	"note":       `<aside>{{ .Inner }}</aside>`,
	"raw":        `{{ .InnerText }}`,
	"info":       `{{ .Name }}#{{ .Ordinal }}{{ with .Parent }}<{{ .Name }}{{ end }}@{{ .Position }}`,
	"price":      `<b>{{ .Data }}</b>`,
	"aff":        `<a rel="sponsored" href="{{ .Get "url" }}">{{ .Data }}</a>`,
	"disc":       `<p class="disclosure">We earn commissions.</p>`,
	"needs":      `<pre>{{ .Data }}</pre>`,
	"fail":       `never`,
	"boom":       `before {{ index .Params 5 }}`,
	"nested/dir": `in-dir`,
	"page":       `{{ .Page }}/{{ .Site }}`,
}

func testEnv(t testing.TB) *Env {
	r := NewRegistry()
	r.Add("price", func(inv *Invocation) error {
		inv.Data = "$" + inv.Get("amount").(string)
		return nil
	})
	r.Add("aff", func(inv *Invocation) error {
		inv.Data = inv.Get("text")
		return nil
	})
	r.Add("disc", func(inv *Invocation) error { return nil })
	r.Add("needs", func(inv *Invocation) error { inv.Data = inv.InnerText(); return nil }, RequiresInner())
	r.Add("fail", func(inv *Invocation) error { return inv.Errorf("bad amount %q", inv.Get(0)) })
	r.Add("plainfail", func(inv *Invocation) error { return errors.New("no such program") })
	r.Add("orphan", func(inv *Invocation) error { return nil })
	// note is a built-in: its {{% %}} inner Markdown is rendered and its
	// output stands behind a placeholder. box is a template only: as in
	// Hugo, its {{% %}} output is part of the page's Markdown.
	r.Add("note", func(inv *Invocation) error { return nil })
	return &Env{
		File: "content/posts/x.md", LineOffset: 4,
		Registry: r, Templates: newFakeTemplates(t, testTemplates),
		Markdown: fakeMarkdown, Page: "PAGE", Site: "SITE",
	}
}

// render runs the whole pipeline as the generator does: Parse, Expand, the
// Markdown renderer, then Replace.
func render(t testing.TB, env *Env, input string) (string, *Result, error) {
	t.Helper()
	src := []byte(input)
	doc, err := Parse(src)
	if err != nil {
		return "", nil, err
	}
	res, err := Expand(src, doc, env)
	if err != nil {
		return "", nil, err
	}
	html, err := env.Markdown(res.Markdown)
	if err != nil {
		return "", nil, err
	}
	return string(res.Replace([]byte(html))), res, nil
}

var expandTests = []struct {
	name  string
	input string
	html  string // after fakeMarkdown and Replace
	err   string
}{
	{"no shortcodes", "hello", "<p>hello</p>\n", ""},
	{"named Get", `x {{< named a="1 & 2" b=yes >}} y`, "<p>x [1 &amp; 2||true|b=yes] y</p>\n", ""},
	{"named Get missing", `{{< named a=1 >}}.`, "<p>[1||true|].</p>\n", ""},
	{"positional Get", `{{< pos "p0" p1 >}}!`, "<p>[p0|p1||false]!</p>\n", ""},
	{"no params", `{{< pos >}}!`, "<p>[|||false]!</p>\n", ""},
	{"block", "intro\n{{< box >}}**raw**{{< /box >}}\noutro", "<p>intro</p>\n<div class=\"box\">**raw**</div>\n<p>outro</p>\n", ""},
	{"block indented keeps indent", "intro\n  {{< disc >}}  \noutro", "<p>intro</p>\n<p class=\"disclosure\">We earn commissions.</p>\n<p>outro</p>\n", ""},
	{"self-closing with Inner", "{{< box />}}", "<div class=\"box\"></div>\n", ""},
	{"markdown inner", "{{% note %}}\npara one\n\npara two\n{{% /note %}}", "<aside><p>para one</p>\n<p>para two</p>\n</aside>\n", ""},
	{"markdown inner with nested", "{{% note %}}\nsee {{< price amount=5 >}}\n\n{{< disc >}}\n{{% /note %}}",
		"<aside><p>see <b>$5</b></p>\n<p class=\"disclosure\">We earn commissions.</p>\n</aside>\n", ""},
	// As in Hugo, a template's {{% %}} output is Markdown of the page,
	// its .Inner the inner Markdown (nested shortcodes expanded).
	{"markdown source", "Say {{% bold word %}} {{% box %}}*e* {{< price amount=2 >}}{{% /box %}}", "<p>Say **word** <div class=\"box\">*e* <b>$2</b></div></p>\n", ""},
	{"raw inner with nested", `{{< box >}}a {{< price amount=3 >}} b{{< /box >}}`, "<div class=\"box\">a <b>$3</b> b</div>\n", ""},
	{"InnerText unexpanded", "{{< raw >}}x {{< price amount=3 >}}{{< /raw >}}", "x {{&lt; price amount=3 &gt;}}\n", ""},
	{"built-in Data", `costs {{< price amount="9.99" >}}`, "<p>costs <b>$9.99</b></p>\n", ""},
	{"page and site", `{{< page >}}.`, "<p>PAGE/SITE.</p>\n", ""},
	{"slash name", `{{< nested/dir >}}`, "in-dir\n", ""},
	{"ordinal and parent", "{{< info >}} {{< box >}}{{< info >}}{{< info >}}{{< /box >}} {{< info >}}",
		"<p>info#0@content/posts/x.md:5:1 <div class=\"box\">info#0&lt;box@content/posts/x.md:5:25info#1&lt;box@content/posts/x.md:5:37</div> info#2@content/posts/x.md:5:62</p>\n", ""},
	{"escaped", `show {{</* price amount="1" */>}} literally`, "<p>show {{< price amount=\"1\" >}} literally</p>\n", ""},
	{"escaped pair", "{{%/* note */%}}x{{%/* /note */%}}", "<p>{{% note %}}x{{% /note %}}</p>\n", ""},
	{"requires inner ok", "{{< needs >}}a{{< /needs >}}", "<pre>a</pre>\n", ""},
	{"unknown", "\n\n{{< prise amount=1 >}}", "", `content/posts/x.md:7:1: unknown shortcode "prise"; did you mean "price"?`},
	{"unknown no suggestion", "x {{< zzzzzz >}}", "", `content/posts/x.md:5:3: unknown shortcode "zzzzzz"`},
	{"unclosed uses Inner", "a\n {{< box >}}", "", `content/posts/x.md:6:2: unclosed shortcode "box": it needs inner content; close it with {{< /box >}} or self-close it with {{< box />}}`},
	{"unclosed requires inner", "{{% needs %}}", "", `content/posts/x.md:5:1: unclosed shortcode "needs": it needs inner content; close it with {{% /needs %}} or self-close it with {{% needs /%}}`},
	{"unclosed nested", "{{< box >}}{{< box >}}{{< /box >}}", "", `content/posts/x.md:5:1: unclosed shortcode "box": it needs inner content; close it with {{< /box >}} or self-close it with {{< box />}}`},
	{"built-in without template", "{{< orphan >}}", "", `content/posts/x.md:5:1: built-in shortcode "orphan" has no template shortcodes/orphan.html`},
	{"built-in Errorf", "x\ny {{< fail 12 >}}", "", `content/posts/x.md:6:3: bad amount "12"`},
	{"built-in plain error without template", "{{< plainfail >}}", "", `content/posts/x.md:5:1: built-in shortcode "plainfail" has no template shortcodes/plainfail.html`},
	{"template exec error", "text\n\n  {{< boom a >}}", "",
		`content/posts/x.md:7:3: shortcode "boom": template: shortcodes/boom.html:1:10: executing "shortcodes/boom.html" at <index .Params 5>: error calling index: index out of range: 5`},
	{"error inside markdown inner", "{{% note %}}\n{{< nope >}}\n{{% /note %}}", "", `content/posts/x.md:6:1: unknown shortcode "nope"; did you mean "note"?`},
	{"markdown nested at the limit", nested("{{% note %}}\n", MaxDepth, "x\n", "{{% /note %}}\n"),
		strings.Repeat("<aside>", MaxDepth) + "<p>x</p>\n" + strings.Repeat("</aside>\n", MaxDepth), ""},
	{"raw nested at the limit", nested("{{< box >}}", MaxDepth, "x", "{{< /box >}}"),
		strings.Repeat(`<div class="box">`, MaxDepth) + "x" + strings.Repeat("</div>", MaxDepth) + "\n", ""},
}

func TestExpand(t *testing.T) {
	t.Parallel()
	for _, tt := range expandTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			html, _, err := render(t, testEnv(t), tt.input)
			if tt.err != "" {
				var pe *PosError
				if !errors.As(err, &pe) {
					t.Fatalf("err = %v, want *PosError %q", err, tt.err)
				}
				if pe.Error() != tt.err {
					t.Errorf("err:\n got %s\nwant %s", pe.Error(), tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if html != tt.html {
				t.Errorf("html:\n got %q\nwant %q", html, tt.html)
			}
		})
	}
}

func TestExpandPlainBuiltinError(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	env.Templates.(*fakeTemplates).tmpl["shortcodes/plainfail.html"] = template.Must(template.New("").Parse(""))
	_, _, err := render(t, env, "{{< plainfail >}}")
	var pe *PosError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Col != 1 || pe.Err == nil || pe.Err.Error() != "no such program" {
		t.Fatalf("err = %#v", err)
	}
	if want := `content/posts/x.md:5:1: shortcode "plainfail": no such program`; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestExpandMarkdownPlaceholders(t *testing.T) {
	t.Parallel()
	src := "intro\n{{< disc >}}\noutro {{< price amount=1 >}} end\n\n- item\n  {{< disc >}}\n"
	_, res, err := render(t, testEnv(t), src)
	if err != nil {
		t.Fatal(err)
	}
	want := "intro\n\nAFFSC0Z\n\noutro AFFSC1Z end\n\n- item\n\n  AFFSC2Z\n\n"
	if got := string(res.Markdown); got != want {
		t.Errorf("Markdown:\n got %q\nwant %q", got, want)
	}
	if locs := res.FindPlaceholders(res.Markdown); len(locs) != 3 || string(res.Markdown[locs[1][0]:locs[1][1]]) != "AFFSC1Z" {
		t.Errorf("FindPlaceholders = %v", locs)
	}
	if inv, ok := res.Lookup("AFFSC1Z"); !ok || inv.Name != "price" || inv.Line != 7 || inv.Col != 7 {
		t.Errorf("Lookup(AFFSC1Z) = %+v, %v", inv, ok)
	}
	for _, bad := range []string{"AFFSC3Z", "AFFSC01Z", "AFFSCZ", "AFFSC1", "x"} {
		if _, ok := res.Lookup(bad); ok {
			t.Errorf("Lookup(%q) found", bad)
		}
	}
	if h, ok := res.HTML("AFFSC1Z"); !ok || h != "<b>$1</b>" {
		t.Errorf("HTML(AFFSC1Z) = %q, %v", h, ok)
	}
}

func TestPlaceholderPrefixAvoidsSource(t *testing.T) {
	t.Parallel()
	src := "AFFSC0Z and AFFSCQ are words here {{< price amount=2 >}}"
	html, res, err := render(t, testEnv(t), src)
	if err != nil {
		t.Fatal(err)
	}
	if want := "AFFSC0Z and AFFSCQ are words here AFFSCQQ0Z"; string(res.Markdown) != want {
		t.Errorf("Markdown = %q, want %q", res.Markdown, want)
	}
	if want := "<p>AFFSC0Z and AFFSCQ are words here <b>$2</b></p>\n"; html != want {
		t.Errorf("html = %q, want %q", html, want)
	}
}

func TestReplace(t *testing.T) {
	t.Parallel()
	res := &Result{prefix: "AFFSC", html: []string{"<div>B</div>", "<i>I</i>"}}
	for _, tt := range []struct{ in, want string }{
		{"<p>AFFSC0Z</p>\n", "<div>B</div>\n"},
		{"<p>a AFFSC1Z b</p>", "<p>a <i>I</i> b</p>"},
		{"<td>AFFSC1Z</td><td>xAFFSC1Zy</td>", "<td><i>I</i></td><td>x<i>I</i>y</td>"},
		{"<p>AFFSC0Z</p><p>AFFSC0Z</p>", "<div>B</div><div>B</div>"},
		{"AFFSC2Z AFFSC AFFSC1 AFFSCAFFSC1Z", "AFFSC2Z AFFSC AFFSC1 AFFSC<i>I</i>"},
		{"<p>AFFSC1ZAFFSC1Z</p>", "<p><i>I</i><i>I</i></p>"},
		{"<p>no placeholder</p>", "<p>no placeholder</p>"},
	} {
		in := []byte(tt.in)
		if got := string(res.Replace(in)); got != tt.want {
			t.Errorf("Replace(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// WriteReplaced writes the same into a reused buffer, a copy of in.
		var w bytes.Buffer
		w.WriteString("old")
		w.Reset()
		res.WriteReplaced(&w, in)
		if got := w.String(); got != tt.want {
			t.Errorf("WriteReplaced(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(in) > 0 && len(w.Bytes()) > 0 && &w.Bytes()[0] == &in[0] {
			t.Errorf("WriteReplaced(%q) shares in's memory", tt.in)
		}
	}
}

func TestShortcodesTopLevel(t *testing.T) {
	t.Parallel()
	src := "{{< disc >}}\n{{< box >}}{{< aff url=u text=a >}}{{< box >}}{{< aff url=u text=b >}}{{< /box >}}{{< /box >}}\n{{% note %}}{{< aff url=u text=c >}}{{% /note %}} {{< price amount=1 >}}"
	_, res, err := render(t, testEnv(t), src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, inv := range res.Shortcodes() {
		got = append(got, fmt.Sprintf("%s:%d", inv.Name, inv.Ordinal))
	}
	want := "disc:0 box:1 note:2 price:3"
	if strings.Join(got, " ") != want {
		t.Errorf("Shortcodes = %s, want %s", strings.Join(got, " "), want)
	}
}

func TestInvocationAccessors(t *testing.T) {
	t.Parallel()
	named := &Invocation{Params: map[string]string{"a": "1"}, Line: 3, Col: 4, Env: &Env{File: "f.md"}}
	pos := &Invocation{Params: []string{"x", "y"}, Line: 3, Col: 4}
	none := &Invocation{}
	checks := []struct {
		name      string
		got, want any
	}{
		{"named Get", named.Get("a"), "1"},
		{"named Get missing", named.Get("b"), ""},
		{"named Get int", named.Get(0), ""},
		{"pos Get int", pos.Get(1), "y"},
		{"pos Get int64", pos.Get(int64(0)), "x"},
		{"pos Get string", pos.Get("1"), "y"},
		{"pos Get out of range", pos.Get(2), ""},
		{"pos Get negative", pos.Get(-1), ""},
		{"pos Get name", pos.Get("a"), ""},
		{"none Get", none.Get(0), ""},
		{"Get other type", pos.Get(1.5), ""},
		{"IsNamedParams named", named.IsNamedParams(), true},
		{"IsNamedParams pos", pos.IsNamedParams(), false},
		{"Position with file", named.Position(), "f.md:3:4"},
		{"Position without file", pos.Position(), "3:4"},
		{"Errorf", named.Errorf("bad %d", 7).Error(), "f.md:3:4: bad 7"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if v, ok := named.Arg("a"); v != "1" || !ok {
		t.Errorf("named.Arg(a) = %q, %v", v, ok)
	}
	if _, ok := named.Arg("b"); ok {
		t.Error("named.Arg(b) found")
	}
	if v, ok := pos.Arg("0"); v != "x" || !ok {
		t.Errorf("pos.Arg(0) = %q, %v", v, ok)
	}
	if _, ok := none.Arg("0"); ok {
		t.Error("none.Arg(0) found")
	}
	base := errors.New("base")
	if err := named.Errorf("wrapped: %w", base); !errors.Is(err, base) {
		t.Errorf("Errorf %%w does not wrap: %v", err)
	}
}

func TestRegistry(t *testing.T) {
	t.Parallel()
	var nilReg *Registry
	if _, ok := nilReg.Lookup("x"); ok {
		t.Error("nil registry found x")
	}
	var zero Registry
	zero.Add("b", func(*Invocation) error { return nil })
	r := NewRegistry()
	r.Add("b", func(*Invocation) error { return nil })
	r.Add("a", func(*Invocation) error { return nil }, RequiresInner())
	if f, ok := r.Lookup("a"); !ok || f == nil {
		t.Error("Lookup(a) missing")
	}
	if got := strings.Join(r.Names(), ","); got != "a,b" {
		t.Errorf("Names = %s", got)
	}
}

func TestParseErrorAt(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte("x {{< /y >}}"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	if got, want := e.At("content/a.md", 3).Error(), `content/a.md:4:3: unexpected closing shortcode "y"`; got != want {
		t.Errorf("At = %q, want %q", got, want)
	}
}

func TestExpandNilEnvAndTemplates(t *testing.T) {
	t.Parallel()
	src := []byte("a {{< x >}}")
	doc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Expand(src, doc, nil); err == nil || err.Error() != `1:3: unknown shortcode "x"` {
		t.Errorf("err = %v", err)
	}
	res, err := Expand([]byte("plain"), &Document{Nodes: []Node{&Text{Start: 0, End: 5}}}, &Env{})
	if err != nil || string(res.Markdown) != "plain" || len(res.Shortcodes()) != 0 {
		t.Errorf("Expand plain = %v, %v", res, err)
	}
}

func TestMarkdownInnerWithoutRenderer(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	env.Markdown = nil
	src := []byte("{{% note %}}*x* {{< price amount=1 >}}{{% /note %}}")
	doc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Expand(src, doc, env)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Replace(res.Markdown)), "<aside>*x* <b>$1</b></aside>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestExpandMarkdownSource: a template shortcode's {{% %}} output is in
// the Markdown as it is, no placeholder; a nested {{< >}} keeps its own.
func TestExpandMarkdownSource(t *testing.T) {
	t.Parallel()
	src := []byte("Say {{% bold word %}} and {{% box %}}*e* {{< price amount=2 >}}{{% /box %}}")
	doc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Expand(src, doc, testEnv(t))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Markdown), `Say **word** and <div class="box">*e* AFFSC0Z</div>`; got != want {
		t.Errorf("Markdown:\n got %q\nwant %q", got, want)
	}
	if n := len(res.Shortcodes()); n != 2 {
		t.Errorf("%d top-level shortcodes, want 2", n)
	}
}
