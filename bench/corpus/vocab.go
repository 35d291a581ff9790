package corpus

import "strings"

// words is the fixed vocabulary of the prose; lower case, ASCII only, so
// that no generated text needs escaping in Markdown or YAML.
var words = strings.Fields(`
account affiliate analytics annual audience automation backup bandwidth basic
billing blog brand budget bundle business buyer campaign cart checkout cloud
commission compare conversion cookie coupon course creator customer dashboard
data deal design developer discount domain download editor email engine
feature feedback fee file funnel growth guide hosting inbox integration invoice
keyword landing launch lead license link list marketing member migration mobile
monthly newsletter niche offer onboarding option order page partner payment
payout plan platform plugin premium price pricing product profit promo publisher
ranking rate reader recurring referral refund renewal report revenue review
sale search secure security seller server setup signup site speed storage store
subscriber subscription support template theme tier tool traffic trial upgrade
uptime user value vendor video visitor website widget workflow writer
quickly simply really honestly clearly usually often rarely easily fairly
fast cheap reliable flexible solid modern clean simple powerful generous
decent tidy smooth steady handy lean robust friendly transparent useful
is was feels looks runs works costs pays offers includes supports handles
beats lacks needs gets keeps makes gives shows saves adds brings takes
the a an this that every each our your their its my
and but or so because while although if when since
for with without from into over under after before during about across
`)

// tags is the fixed set of 50 tags: ten subjects times five kinds.
var tags = func() []string {
	var out []string
	for _, s := range []string{"hosting", "email", "seo", "vpn", "crm", "design", "video", "finance", "security", "analytics"} {
		for _, k := range []string{"tools", "deals", "guides", "reviews", "tips"} {
			out = append(out, s+"-"+k)
		}
	}
	return out
}()

// categories is the fixed set of five categories.
var categories = []string{"Reviews", "Comparisons", "Guides", "Deals", "News"}

// placements are the afflink placement values, as a reviewer tags them.
var placements = []string{"intro", "inline", "cta", "sidebar", "table", "conclusion"}
