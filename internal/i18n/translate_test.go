package i18n

import "testing"

// TestPluralMissingType checks that go-i18n still reports a message
// without the plural form a count picks as an error of its own type,
// which Translate tells from other errors (TestHugo checks the texts).
func TestPluralMissingType(t *testing.T) {
	t.Parallel()
	if typ := pluralMissingType(); typ == nil || typ.String() != "i18n.pluralFormNotFoundError" {
		t.Errorf("pluralMissingType() = %v, want go-i18n's i18n.pluralFormNotFoundError", typ)
	}
}
