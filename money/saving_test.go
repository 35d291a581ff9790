package money

import "testing"

func TestSavingPercent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		monthly, annual string
		want            string
		ok              bool
	}{
		{"99", "948", "20%", true},    // 240 of 1,188 = 20.2 %
		{"199", "1,788", "25%", true}, // 600 of 2,388 = 25.1 %
		{"299", "2,748", "23%", true}, // 840 of 3,588 = 23.4 %
		{"499", "4,548", "24%", true}, // 1,440 of 5,988 = 24.05 %
		{"10", "114", "5%", true},     // exactly 5 %
		{"10", "113.40", "6%", true},  // 5.5 % rounds up
		{"10", "120", "0%", true},
		{"10", "126.60", "-6%", true}, // -5.5 % rounds away from zero
		{"0", "100", "0%", false},
	}
	for _, tt := range tests {
		got, ok := SavingPercent(mustCents(t, tt.monthly), mustCents(t, tt.annual))
		if ok != tt.ok || (ok && got.Percent() != tt.want) {
			t.Errorf("SavingPercent(%s, %s) = %s, %v; want %s, %v", tt.monthly, tt.annual, got.Percent(), ok, tt.want, tt.ok)
		}
	}
}
