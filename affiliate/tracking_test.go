package affiliate

import (
	"testing"

	"github.com/affsite/affsite/programs"
)

func TestTrackingURL(t *testing.T) {
	t.Parallel()
	gold := &programs.Plan{ID: "gold", Name: "Gold", SignupURL: "https://x.example/gold?plan=3"}
	tests := []struct {
		name  string
		p     programs.Program
		plan  *programs.Plan
		cfg   Config
		subID string
		want  string
	}{
		{"program ref id", programs.Program{URL: "https://x.example/", RefParam: "aff", RefID: "me"}, nil, Config{RefID: "site"}, "",
			"https://x.example/?aff=me"},
		{"site ref id and default param", programs.Program{URL: "https://x.example/"}, nil, Config{RefID: "site"}, "s-1",
			"https://x.example/?ref=site&subid=s-1"},
		{"no ref id", programs.Program{URL: "https://x.example/", RefParam: "ref"}, nil, Config{}, "s-1",
			"https://x.example/?subid=s-1"},
		{"nothing to add", programs.Program{URL: "https://x.example/a?b=c"}, nil, Config{}, "",
			"https://x.example/a?b=c"},
		{"signup url wins", programs.Program{URL: "https://x.example/", SignupURL: "https://x.example/join"}, nil, Config{}, "s",
			"https://x.example/join?subid=s"},
		{"plan signup url, existing query kept", programs.Program{URL: "https://x.example/", SignupURL: "https://x.example/join", RefID: "me"}, gold, Config{}, "s",
			"https://x.example/gold?plan=3&ref=me&subid=s"},
		{"plan without signup url", programs.Program{URL: "https://x.example/"}, &programs.Plan{ID: "a"}, Config{}, "s",
			"https://x.example/?subid=s"},
		{"utm order", programs.Program{URL: "https://x.example/?z=1&a=2#top", RefID: "me"}, nil,
			Config{UTMCampaign: "fall", UTMSource: "blog", UTMMedium: "review"}, "s",
			"https://x.example/?z=1&a=2&ref=me&subid=s&utm_source=blog&utm_medium=review&utm_campaign=fall#top"},
		{"existing same param replaced", programs.Program{URL: "https://x.example/?ref=old&x=1", RefID: "new"}, nil, Config{}, "",
			"https://x.example/?x=1&ref=new"},
		{"escaped values", programs.Program{URL: "https://x.example/", RefID: "a b&c"}, nil, Config{}, "p/1",
			"https://x.example/?ref=a+b%26c&subid=p%2F1"},
		{"amazon sub-id parameter", programs.Program{URL: "https://www.amazon.com/dp/B0TEST0000", RefParam: "tag", RefID: "fieldnotes-demo-20", SubIDParam: "ascsubtag"}, nil, Config{}, "scale-intro",
			"https://www.amazon.com/dp/B0TEST0000?tag=fieldnotes-demo-20&ascsubtag=scale-intro"},
		{"shareasale deep link template", programs.Program{
			URL: "https://host.example/plans?x=1", RefID: "123456",
			LinkTemplate: "https://www.shareasale.com/r.cfm?b=1&u={ref}&m=4242&afftrack={subid}&urllink={url}",
		}, nil, Config{}, "dup-intro",
			"https://www.shareasale.com/r.cfm?b=1&u=123456&m=4242&afftrack=dup-intro&urllink=https%3A%2F%2Fhost.example%2Fplans%3Fx%3D1"},
		{"impact template with utm and plan url", programs.Program{
			URL: "https://crm.example/", RefID: "me 1",
			LinkTemplate: "https://crm.sjv.io/c/{ref}/77/88?subId1={subid}&u={url}&utm_source={utm_source}&utm_medium={utm_medium}&utm_campaign={utm_campaign}",
		}, gold, Config{UTMSource: "blog", UTMMedium: "r&d", UTMCampaign: ""}, "p/1",
			"https://crm.sjv.io/c/me+1/77/88?subId1=p%2F1&u=https%3A%2F%2Fx.example%2Fgold%3Fplan%3D3&utm_source=blog&utm_medium=r%26d&utm_campaign="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := TrackingURL(&tt.p, tt.plan, tt.cfg, tt.subID); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestCloakedPath(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, program, plan, want string }{
		{"/", "kartra", "", "/go/kartra/"},
		{"", "kartra", "gold", "/go/kartra/gold/"},
		{"/blog/", "kartra", "gold", "/blog/go/kartra/gold/"},
		{"blog", "kartra", "", "/blog/go/kartra/"},
	}
	for _, tt := range tests {
		if got := CloakedPath(tt.base, tt.program, tt.plan); got != tt.want {
			t.Errorf("CloakedPath(%q, %q, %q) = %q, want %q", tt.base, tt.program, tt.plan, got, tt.want)
		}
	}
}
