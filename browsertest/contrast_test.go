package browsertest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// rgba is a CSS colour in sRGB, channels 0–255 and alpha 0–1.
type rgba struct{ r, g, b, a float64 }

// parseColor reads a computed CSS colour. getComputedStyle serialises a colour
// given as a hex value, a name or rgb() as "rgb(r, g, b)" or "rgba(r, g, b, a)";
// other forms (color(), oklch()) are an error rather than a guess.
func parseColor(s string) (rgba, error) {
	s = strings.TrimSpace(s)
	if s == "transparent" {
		return rgba{}, nil
	}
	var args string
	switch {
	case strings.HasPrefix(s, "rgba(") && strings.HasSuffix(s, ")"):
		args = s[len("rgba(") : len(s)-1]
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		args = s[len("rgb(") : len(s)-1]
	default:
		return rgba{}, fmt.Errorf("unsupported colour %q", s)
	}
	// Both the legacy "r, g, b, a" and the modern "r g b / a" syntax.
	f := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
	if len(f) != 3 && len(f) != 4 {
		return rgba{}, fmt.Errorf("unsupported colour %q", s)
	}
	c := rgba{a: 1}
	for i, p := range f {
		v, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
		if err != nil {
			return rgba{}, fmt.Errorf("colour %q: %v", s, err)
		}
		if strings.HasSuffix(p, "%") {
			v /= 100
			if i < 3 {
				v *= 255
			}
		}
		switch i {
		case 0:
			c.r = v
		case 1:
			c.g = v
		case 2:
			c.b = v
		case 3:
			c.a = v
		}
	}
	return c, nil
}

// over composites c over an opaque backdrop.
func (c rgba) over(back rgba) rgba {
	mix := func(f, b float64) float64 { return f*c.a + b*(1-c.a) }
	return rgba{mix(c.r, back.r), mix(c.g, back.g), mix(c.b, back.b), 1}
}

// luminance is the WCAG 2 relative luminance of an opaque colour.
func (c rgba) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is the WCAG 2 contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b rgba) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// effectiveBackground stacks the background colours of an element and its
// ancestors, innermost first, over the canvas, and returns the colour the
// text is drawn on. The probe stops collecting at the first opaque layer.
func effectiveBackground(layers []string, canvas rgba) (rgba, error) {
	bg := canvas
	for i := len(layers) - 1; i >= 0; i-- {
		c, err := parseColor(layers[i])
		if err != nil {
			return rgba{}, err
		}
		bg = c.over(bg)
	}
	return bg, nil
}

func TestContrast(t *testing.T) {
	t.Parallel()
	white, black := rgba{255, 255, 255, 1}, rgba{0, 0, 0, 1}
	for _, tc := range []struct {
		fg, bg string
		want   float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(255, 255, 255)", "rgb(255, 255, 255)", 1},
		{"rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54}, // #767676, the classic AA grey
		{"rgb(29, 35, 41)", "rgb(255, 255, 255)", 15.85},   // the theme's --fg on --bg
		{"rgb(86, 96, 107)", "rgb(255, 255, 255)", 6.4},    // --muted
		{"rgb(228 232 236)", "rgb(17 20 24)", 15.0},        // dark --fg on --bg
	} {
		fg, err := parseColor(tc.fg)
		if err != nil {
			t.Fatal(err)
		}
		bg, err := parseColor(tc.bg)
		if err != nil {
			t.Fatal(err)
		}
		if got := contrast(fg, bg); math.Abs(got-tc.want) > 0.05 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tc.fg, tc.bg, got, tc.want)
		}
	}

	// Half-transparent black over white is mid grey; transparent layers vanish.
	bg, err := effectiveBackground([]string{"rgba(0, 0, 0, 0.5)", "rgba(0, 0, 0, 0)"}, white)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(bg.r-127.5) > 0.01 || bg.a != 1 {
		t.Errorf("effectiveBackground = %+v, want mid grey", bg)
	}
	if got := contrast(black, white); got != 21 {
		t.Errorf("contrast(black, white) = %v", got)
	}
	for _, bad := range []string{"oklch(0.5 0.1 200)", "rgb(1, 2)", "rgb(a, b, c)"} {
		if _, err := parseColor(bad); err == nil {
			t.Errorf("parseColor(%q) succeeded", bad)
		}
	}
}
