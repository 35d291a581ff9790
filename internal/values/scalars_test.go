package values

import "testing"

func TestToInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      any
		want    int
		wantErr string
	}{
		{4, 4, ""},
		{int64(7), 7, ""},
		{3.0, 3, ""},
		{" 12 ", 12, ""},
		{[]byte("5"), 5, ""},
		{1.5, 0, "must be a whole number, not 1.5"},
		{"wide", 0, "must be a whole number, not wide"},
		{true, 0, "must be a whole number, not true"},
	}
	for _, tt := range tests {
		got, err := ToInt(tt.in)
		if got != tt.want || errText(err) != tt.wantErr {
			t.Errorf("ToInt(%#v) = %d, %v; want %d, %q", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestToBool(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      any
		want    bool
		wantErr string
	}{
		{true, true, ""},
		{int64(0), false, ""},
		{2.0, true, ""},
		{"false", false, ""},
		{"yes", false, "must be true or false, not yes"},
		{[]any{}, false, "must be true or false, not []"},
	}
	for _, tt := range tests {
		got, err := ToBool(tt.in)
		if got != tt.want || errText(err) != tt.wantErr {
			t.Errorf("ToBool(%#v) = %v, %v; want %v, %q", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestToString(t *testing.T) {
	t.Parallel()
	if s, err := ToString([]byte("monokai")); s != "monokai" || err != nil {
		t.Errorf("ToString(bytes) = %q, %v", s, err)
	}
	if _, err := ToString(3); errText(err) != "must be a string, not 3" {
		t.Errorf("ToString(3) error = %v", err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
