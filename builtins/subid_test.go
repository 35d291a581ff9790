package builtins

import (
	"fmt"
	"testing"
)

func TestSubIDPrefixes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		slugs map[string]string
		want  map[string]string
	}{
		{"unique slugs stay short",
			map[string]string{"posts/a/": "a", "reviews/b/": "b"},
			map[string]string{"posts/a/": "a", "reviews/b/": "b"}},
		{"a shared slug takes the path",
			map[string]string{"posts/dup/": "dup", "reviews/dup/": "dup", "posts/solo/": "solo"},
			map[string]string{"posts/dup/": "posts-dup", "reviews/dup/": "reviews-dup", "posts/solo/": "solo"}},
		{"a path that is another page's slug gets a number",
			map[string]string{"posts/dup/": "dup", "reviews/dup/": "dup", "x/": "posts-dup"},
			map[string]string{"posts/dup/": "posts-dup-2", "reviews/dup/": "reviews-dup", "x/": "posts-dup"}},
		{"the home page",
			map[string]string{"": "x", "a/": "x"},
			map[string]string{"": "home", "a/": "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for i := 0; i < 5; i++ { // map order must not matter
				if got := SubIDPrefixes(tt.slugs); fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}
